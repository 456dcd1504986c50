package org.heatdesk.quality;

import java.time.Instant;
import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.StaffView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rectifications page (the lead's board of them: open ones by deadline, overdue marked; closing
 * with evidence) and the case library (read by everyone in operations, written by supervisors).
 */
@PageController
@PreAuthorize(Roles.OPERATIONS_AND_AUDIT)
class RectificationCasePagesController {

	private final Rectifications rectifications;

	private final CaseLibrary cases;

	private final QualityPeople people;

	RectificationCasePagesController(Rectifications rectifications, CaseLibrary cases, QualityPeople people) {
		this.rectifications = rectifications;
		this.cases = cases;
		this.people = people;
	}

	record RectificationRow(Rectifications.Rectification r, String ownerName, boolean overdue, Boolean onTime,
			boolean canClose) {
	}

	/** The new-case form as filled in (kept when refused). */
	record CaseForm(String kind, String title, String callId, String ticketNo, String checkId, String summary,
			String lesson, String briefingOn) {
	}

	@GetMapping("/quality/rectifications")
	String rectifications(Model model) {
		StaffView me = people.who(Actor.current());
		Instant now = people.clock().instant();
		List<RectificationRow> open = rectifications.visible(me, true, 200).stream().map(r -> row(me, r, now)).toList();
		model.addAttribute("open", open);
		model.addAttribute("overdue", open.stream().filter(RectificationRow::overdue).count());
		model.addAttribute("done", rectifications.visible(me, false, 50).stream().map(r -> row(me, r, now)).toList());
		model.addAttribute("zone", people.zone().getId());
		return "quality/rectifications";
	}

	private RectificationRow row(StaffView me, Rectifications.Rectification r, Instant now) {
		boolean canClose = r.status() == Rectifications.Status.OPEN
				&& (r.ownerId() == me.id() || QualityPeople.supervises(me, r.teamId()));
		return new RectificationRow(r, people.name(r.ownerId()), r.overdue(now), r.onTime(now), canClose);
	}

	@PostMapping("/quality/rectifications/{id:\\d+}/close")
	@PreAuthorize(Roles.OPERATIONS)
	String close(@PathVariable long id, @RequestParam(required = false) String evidence, RedirectAttributes redirect) {
		try {
			rectifications.close(Actor.current(), id, evidence);
			redirect.addFlashAttribute("notice", "quality.rectification.closed");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/quality/rectifications";
	}

	@GetMapping("/quality/cases")
	String cases(@RequestParam(required = false) String kind, Model model) {
		CaseLibrary.Kind k = null;
		if (kind != null && !kind.isBlank()) {
			try {
				k = CaseLibrary.Kind.valueOf(kind.strip());
			}
			catch (IllegalArgumentException e) {
				throw HeatDeskException.badInput("QUALITY_CASE_KIND", "kind");
			}
		}
		StaffView me = people.who(Actor.current());
		model.addAttribute("list", cases.list(k, 200));
		model.addAttribute("kind", k);
		model.addAttribute("kinds", CaseLibrary.Kind.values());
		model.addAttribute("canCreate", me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER));
		model.addAttribute("zone", people.zone().getId());
		return "quality/cases";
	}

	@GetMapping("/quality/cases/{id:\\d+}")
	String caseView(@PathVariable long id, Model model) {
		CaseLibrary.Case k = cases.find(id).orElseThrow(() -> HeatDeskException.notFound("QUALITY_CASE_NOT_FOUND", id));
		model.addAttribute("k", k);
		model.addAttribute("createdByName", people.nameOf(k.createdBy()));
		model.addAttribute("zone", people.zone().getId());
		return "quality/case";
	}

	@GetMapping("/quality/cases/new")
	@PreAuthorize(Roles.SUPERVISORS)
	String newCase(@RequestParam(required = false) String callId, @RequestParam(required = false) String ticketNo,
			@RequestParam(required = false) String checkId, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new CaseForm(null, null, callId, ticketNo, checkId, null, null, null));
		}
		model.addAttribute("kinds", CaseLibrary.Kind.values());
		return "quality/case-new";
	}

	@PostMapping("/quality/cases")
	@PreAuthorize(Roles.SUPERVISORS)
	String create(@RequestParam(required = false) String kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) String callId, @RequestParam(required = false) String ticketNo,
			@RequestParam(required = false) String checkId, @RequestParam(required = false) String summary,
			@RequestParam(required = false) String lesson, @RequestParam(required = false) String briefingOn,
			RedirectAttributes redirect) {
		CaseForm form = new CaseForm(kind, title, callId, ticketNo, checkId, summary, lesson, briefingOn);
		try {
			CaseLibrary.Kind k;
			try {
				k = kind == null || kind.isBlank() ? null : CaseLibrary.Kind.valueOf(kind.strip());
			}
			catch (IllegalArgumentException e) {
				throw HeatDeskException.badInput("QUALITY_CASE_KIND", "kind");
			}
			long id = cases.create(Actor.current(), new CaseLibrary.NewCase(k, title,
					SpotCheckPagesController.parseLong(callId, "callId"), ticketNo,
					SpotCheckPagesController.parseLong(checkId, "checkId"), summary, lesson,
					SpotCheckPagesController.parseDate(briefingOn, "briefingOn")));
			redirect.addFlashAttribute("notice", "quality.case.created");
			return "redirect:/quality/cases/" + id;
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
			redirect.addFlashAttribute("form", form);
			return "redirect:/quality/cases/new";
		}
	}
}
