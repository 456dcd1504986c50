package org.heatdesk.shift;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hand-over pages: the team's list with "prepare the hand-over to the next shift" and notes for
 * it ({@code /shift/handovers}), and one hand-over ({@code /shift/handovers/{id}}): the three clears
 * with what the system found for each, the incoming check, both signatures.
 */
@PageController
@PreAuthorize(Roles.DESK_AND_MANAGER)
class HandoverPageController {

	private final Handovers handovers;

	private final Staff staff;

	HandoverPageController(Handovers handovers, Staff staff) {
		this.handovers = handovers;
		this.staff = staff;
	}

	@GetMapping("/shift/handovers")
	String list(Model model) {
		StaffView me = me();
		Instant now = now();
		Optional<Rosters.TeamShift> next = me.teamId() == null ? Optional.empty()
				: handovers.rosters().nextShift(me.teamId(), now);
		model.addAttribute("me", me);
		model.addAttribute("next", next.orElse(null));
		model.addAttribute("nextHandover", next.flatMap(s -> handovers.into(s.teamId(), s.startsAt())).orElse(null));
		model.addAttribute("list", me.has(Role.MANAGER) ? handovers.recent(null, 30)
				: me.teamId() == null ? List.of() : handovers.recent(me.teamId(), 30));
		model.addAttribute("lead", handovers.rosters().settings().handoverLead());
		model.addAttribute("zone", handovers.rosters().zone().getId());
		return "shift/handovers";
	}

	@PostMapping("/shift/handovers")
	String prepare(@RequestParam(required = false) Long team, @RequestParam(required = false) String shiftStart,
			Locale locale, RedirectAttributes redirect) {
		StaffView me = me();
		long teamId = team != null ? team : me.teamId() == null ? 0 : me.teamId();
		try {
			Instant start;
			try {
				start = shiftStart == null || shiftStart.isBlank() ? null : Instant.parse(shiftStart.strip());
			}
			catch (java.time.format.DateTimeParseException e) {
				throw HeatDeskException.badInput("HANDOVER_SHIFT_REQUIRED", "shiftStart");
			}
			Handovers.Handover h = handovers.prepare(Actor.current(), teamId, start, now(), locale);
			redirect.addFlashAttribute("notice", "shift.handover.notice.prepared");
			return "redirect:/shift/handovers/" + h.id();
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
			return "redirect:/shift/handovers";
		}
	}

	@PostMapping("/shift/handovers/notes")
	String note(@RequestParam(required = false) String text, RedirectAttributes redirect) {
		StaffView me = me();
		try {
			if (me.teamId() == null) {
				throw HeatDeskException.forbidden("HANDOVER_NOT_YOUR_TEAM");
			}
			handovers.note(Actor.current(), me.teamId(), text, now());
			redirect.addFlashAttribute("notice", "shift.handovers.notice.noted");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/shift/handovers";
	}

	/** A clear with the items the system found for it. */
	record Clear(String clear, List<Handovers.Item> items) {
	}

	@GetMapping("/shift/handovers/{id:\\d+}")
	String one(@PathVariable long id, Model model) {
		Handovers.Handover h = handovers.find(id).orElseThrow(() -> HeatDeskException.notFound("HANDOVER_NOT_FOUND", id));
		StaffView me = me();
		if (!me.has(Role.MANAGER) && !Long.valueOf(h.teamId()).equals(me.teamId())) {
			throw HeatDeskException.forbidden("HANDOVER_NOT_YOUR_TEAM");
		}
		List<Handovers.Item> items = handovers.items(id);
		model.addAttribute("h", h);
		model.addAttribute("clears", List.of("HANDOVER", "SITUATION", "PROBLEM").stream()
			.map(c -> new Clear(c, items.stream().filter(i -> c.equals(i.clear())).toList()))
			.toList());
		model.addAttribute("itemCount", items.size());
		model.addAttribute("incoming", handovers.rosters().shiftStartingAt(h.teamId(), h.shiftStartsAt()).orElse(null));
		model.addAttribute("outgoing", handovers.rosters().shiftEndingAt(h.teamId(), h.shiftStartsAt()).orElse(null));
		model.addAttribute("openedMinutes", h.openedAt() == null ? null
				: Duration.between(h.openedAt(), h.shiftStartsAt()).toMinutes());
		model.addAttribute("onTime", h.onTime(handovers.rosters().settings().handoverLead()));
		model.addAttribute("me", me);
		model.addAttribute("now", now());
		model.addAttribute("zone", handovers.rosters().zone().getId());
		return "shift/handover";
	}

	@PostMapping("/shift/handovers/{id:\\d+}/prepare")
	String again(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		Handovers.Handover h = handovers.find(id).orElseThrow(() -> HeatDeskException.notFound("HANDOVER_NOT_FOUND", id));
		try {
			handovers.prepare(Actor.current(), h.teamId(), h.shiftStartsAt(), now(), locale);
			redirect.addFlashAttribute("notice", "shift.handover.notice.prepared");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/shift/handovers/" + id;
	}

	@PostMapping("/shift/handovers/{id:\\d+}/open")
	String open(@PathVariable long id, RedirectAttributes redirect) {
		try {
			handovers.open(Actor.current(), id, now());
			redirect.addFlashAttribute("notice", "shift.handover.notice.opened");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/shift/handovers/" + id;
	}

	@PostMapping("/shift/handovers/{id:\\d+}/sign")
	String sign(@PathVariable long id, @RequestParam(required = false) String side,
			@RequestParam(required = false) String clearHandover, @RequestParam(required = false) String clearSituation,
			@RequestParam(required = false) String clearProblem, RedirectAttributes redirect) {
		try {
			Handovers.Handover h = handovers.sign(Actor.current(), id, side(side), clearHandover != null,
					clearSituation != null, clearProblem != null, now());
			redirect.addFlashAttribute("notice", h.signed() ? "shift.handover.notice.closed" : "shift.handover.notice.signed");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/shift/handovers/" + id;
	}

	static Handovers.Side side(String side) {
		if (side == null || side.isBlank()) {
			throw HeatDeskException.badInput("HANDOVER_SIDE_REQUIRED", "side");
		}
		try {
			return Handovers.Side.valueOf(side.strip());
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("HANDOVER_SIDE_REQUIRED", "side");
		}
	}

	private Instant now() {
		return handovers.rosters().clock().instant();
	}

	private StaffView me() {
		return staff.findByUsername(Actor.current().name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
	}
}
