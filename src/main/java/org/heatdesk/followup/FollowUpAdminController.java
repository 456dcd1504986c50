package org.heatdesk.followup;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The follow-up's pages beyond the agents' queue: the settings and the suggestions (MANAGER), and the
 * complaints to answer (team leads and managers all of them; anyone else at the desk those they hold,
 * reached from the ticket page).
 */
@PageController
class FollowUpAdminController {

	private final FollowUpSettings settings;

	private final Suggestions suggestions;

	private final ComplaintReplies complaints;

	private final Customers customers;

	private final Staff staff;

	private final FollowUps followUps;

	FollowUpAdminController(FollowUpSettings settings, Suggestions suggestions, ComplaintReplies complaints,
			Customers customers, Staff staff, FollowUps followUps) {
		this.settings = settings;
		this.suggestions = suggestions;
		this.complaints = complaints;
		this.customers = customers;
		this.staff = staff;
		this.followUps = followUps;
	}

	// ---- settings

	@GetMapping("/followups/settings")
	@PreAuthorize(Roles.MANAGER)
	String settings(Model model) {
		model.addAttribute("rules", settings.rules());
		model.addAttribute("replyDays", settings.complaintReplyDays());
		model.addAttribute("zone", followUps.zone().getId());
		return "followup/settings";
	}

	@PostMapping("/followups/settings/{type}")
	@PreAuthorize(Roles.MANAGER)
	String changeRule(@PathVariable String type, @RequestParam(required = false) String rate,
			@RequestParam(required = false) String days, RedirectAttributes redirect) {
		try {
			TicketType t;
			try {
				t = TicketType.valueOf(type);
			}
			catch (IllegalArgumentException e) {
				throw HeatDeskException.badInput("FOLLOWUP_TYPE_UNKNOWN", "type");
			}
			settings.change(Actor.current(), t, number(rate, "FOLLOWUP_RATE_RANGE", "rate"),
					number(days, "FOLLOWUP_DAYS_RANGE", "days"));
			redirect.addFlashAttribute("notice", "followup.notice.settings");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/followups/settings";
	}

	@PostMapping("/followups/settings/complaint-reply-days")
	@PreAuthorize(Roles.MANAGER)
	String changeReplyDays(@RequestParam(required = false) String days, RedirectAttributes redirect) {
		try {
			settings.changeComplaintReplyDays(Actor.current(), number(days, "FOLLOWUP_DAYS_RANGE", "replyDays"));
			redirect.addFlashAttribute("notice", "followup.notice.settings");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/followups/settings";
	}

	static Integer number(String value, String code, String field) {
		if (value == null || value.isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput(code, field);
		}
	}

	// ---- suggestions

	@GetMapping("/followups/suggestions")
	@PreAuthorize(Roles.MANAGER)
	String suggestions(Model model) {
		List<Suggestions.Suggestion> list = suggestions.list(300);
		Set<Long> ids = new HashSet<>();
		list.stream().filter(s -> s.customerId() != null).forEach(s -> ids.add(s.customerId()));
		model.addAttribute("list", list);
		model.addAttribute("customers", ids.isEmpty() ? Map.of() : customers.findAll(ids));
		model.addAttribute("months", suggestions.byMonth());
		model.addAttribute("zone", followUps.zone().getId());
		return "followup/suggestions";
	}

	@PostMapping("/followups/suggestions/{id:\\d+}/answer")
	@PreAuthorize(Roles.MANAGER)
	String answer(@PathVariable long id, @RequestParam(required = false) String answer, RedirectAttributes redirect) {
		try {
			Suggestions.Suggestion s = suggestions.answer(Actor.current(), id, answer);
			redirect.addFlashAttribute("notice", "followup.notice.answered");
			redirect.addFlashAttribute("noticeArg", s.ticketNo());
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
			redirect.addFlashAttribute("failedId", id);
		}
		return "redirect:/followups/suggestions";
	}

	// ---- complaints

	/** A complaint's row with its customer as the viewer may see them. */
	record ComplaintRow(ComplaintReplies.Complaint c, String customerName, String maskedPhone, boolean overdue) {
	}

	@GetMapping("/followups/complaints")
	@PreAuthorize(Roles.OPERATIONS)
	String complaints(@RequestParam(required = false) String ticket, Model model) {
		StaffView me = me();
		boolean supervisor = supervisor(me);
		List<ComplaintReplies.Complaint> list = complaints.list(supervisor ? null : me.username(), 300);
		Set<Long> ids = new HashSet<>();
		list.stream().filter(c -> c.customerId() != null).forEach(c -> ids.add(c.customerId()));
		Map<Long, CustomerView> found = ids.isEmpty() ? Map.of() : customers.findAll(ids);
		var now = followUps.clock().instant();
		model.addAttribute("rows", list.stream().map(c -> {
			CustomerView v = c.customerId() == null ? null : found.get(c.customerId());
			return new ComplaintRow(c, v == null ? null : v.name(),
					v != null && !v.phones().isEmpty() ? v.phones().get(0) : Masks.phone(c.phone()), c.overdue(now));
		}).toList());
		String selected = ticket == null || ticket.isBlank() ? null : ticket.strip().toUpperCase();
		model.addAttribute("selected", selected);
		model.addAttribute("supervisor", supervisor);
		model.addAttribute("zone", followUps.zone().getId());
		return "followup/complaints";
	}

	@PostMapping("/followups/complaints/{ticketNo}/reply")
	@PreAuthorize(Roles.OPERATIONS)
	String reply(@PathVariable String ticketNo, @RequestParam(required = false) String reply,
			@RequestParam(required = false) List<String> how, RedirectAttributes redirect) {
		StaffView me = me();
		try {
			List<String> h = how == null ? List.of() : how;
			complaints.reply(Actor.current(), me.id(), supervisor(me), ticketNo, reply, h.contains("SMS"), h.contains("CALL"));
			redirect.addFlashAttribute("notice", "followup.notice.replied");
			redirect.addFlashAttribute("noticeArg", ticketNo);
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
			redirect.addAttribute("ticket", ticketNo);
		}
		return "redirect:/followups/complaints";
	}

	private StaffView me() {
		return staff.findByUsername(Actor.current().name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
	}

	static boolean supervisor(StaffView me) {
		return me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER);
	}
}
