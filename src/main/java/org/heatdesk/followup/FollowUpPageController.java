package org.heatdesk.followup;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.FollowUpTicket;
import org.heatdesk.ticket.TicketQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents' follow-up queue ({@code /followups}: overdue first, then the soonest due) and the work
 * page of one follow-up ({@code /followups/{id}}): the ticket and its result, the standard's phrases
 * for calling a customer (7(二)), the call, the outcome form and "no answer".
 */
@PageController
@PreAuthorize(Roles.DESK)
class FollowUpPageController {

	private final FollowUps followUps;

	private final TicketQueries tickets;

	private final Customers customers;

	private final Staff staff;

	private final Company company;

	private final ObjectProvider<FollowUpCalls> calls;

	FollowUpPageController(FollowUps followUps, TicketQueries tickets, Customers customers, Staff staff, Company company,
			ObjectProvider<FollowUpCalls> calls) {
		this.followUps = followUps;
		this.tickets = tickets;
		this.customers = customers;
		this.staff = staff;
		this.company = company;
		this.calls = calls;
	}

	@Configuration
	static class Navigation {

		@Bean
		NavItem followUpQueueNav() {
			return new NavItem("nav.followups", "nav.followups.description", "/followups", Roles.DESK, 320, null);
		}

		@Bean
		NavItem followUpComplaintsNav() {
			return new NavItem("nav.followupComplaints", "nav.followupComplaints.description", "/followups/complaints",
					Roles.SUPERVISORS, 345, null);
		}

		@Bean
		NavItem followUpSuggestionsNav() {
			return new NavItem("nav.followupSuggestions", "nav.followupSuggestions.description", "/followups/suggestions",
					Roles.MANAGER, 355, null);
		}

		@Bean
		NavItem followUpSettingsNav() {
			return new NavItem("nav.followupSettings", "nav.followupSettings.description", "/followups/settings",
					Roles.MANAGER, 356, null);
		}
	}

	/** A row of the queue: the follow-up with its customer as the viewer may see them. */
	record Row(FollowUpView f, String customerName, String maskedPhone, boolean overdue, String resolverName) {
	}

	@GetMapping("/followups")
	String queue(Model model) {
		List<FollowUpView> queued = followUps.list(FollowUpStatus.QUEUED, 200);
		model.addAttribute("rows", rows(queued));
		model.addAttribute("done", rows(followUps.list(FollowUpStatus.DONE, 10)));
		model.addAttribute("zone", followUps.zone().getId());
		return "followup/queue";
	}

	private List<Row> rows(List<FollowUpView> list) {
		Set<Long> ids = new HashSet<>();
		list.stream().filter(f -> f.customerId() != null).forEach(f -> ids.add(f.customerId()));
		Map<Long, CustomerView> found = ids.isEmpty() ? Map.of() : customers.findAll(ids);
		Instant now = followUps.clock().instant();
		return list.stream().map(f -> {
			CustomerView c = f.customerId() == null ? null : found.get(f.customerId());
			String phone = c != null && !c.phones().isEmpty() ? c.phones().get(0) : Masks.phone(f.phone());
			String resolver = f.resolver() == null ? null
					: staff.findByUsername(f.resolver()).map(StaffView::displayName).orElse(f.resolver());
			return new Row(f, c == null ? null : c.name(), phone, f.overdue(now), resolver);
		}).toList();
	}

	@GetMapping("/followups/{id:\\d+}")
	String work(@PathVariable long id, Model model) {
		FollowUpView f = followUps.find(id).orElseThrow(() -> HeatDeskException.notFound("FOLLOWUP_NOT_FOUND", id));
		FollowUpTicket t = tickets.forFollowUp(f.ticketNo())
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND", f.ticketNo()));
		CustomerView c = f.customerId() == null ? null : customers.find(f.customerId()).orElse(null);
		if (c != null) {
			customers.logAccess(c.id(), "FOLLOW_UP");
		}
		model.addAttribute("f", f);
		model.addAttribute("t", t);
		model.addAttribute("customer", c);
		model.addAttribute("row", rows(List.of(f)).get(0));
		model.addAttribute("company", company);
		// 请问您是xx业主吗: the dwelling the ticket is about, else the (masked) name
		model.addAttribute("whom", t.address() != null ? t.address() : c != null ? c.name() : "");
		model.addAttribute("canCall", calls.getIfAvailable() != null && f.status() == FollowUpStatus.QUEUED);
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("zone", followUps.zone().getId());
		model.addAttribute("suggestions", List.of());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new FollowUps.Outcome(null, null, null, null, null));
		}
		return "followup/work";
	}

	@PostMapping("/followups/{id:\\d+}/outcome")
	String outcome(@PathVariable long id, @RequestParam(required = false) String satisfaction,
			@RequestParam(required = false) String solved, @RequestParam(required = false) String comment,
			@RequestParam(required = false) String suggestion, @RequestParam(required = false) Long contactId,
			RedirectAttributes redirect) {
		FollowUps.Outcome form = new FollowUps.Outcome(satisfaction, solvedOf(solved), comment, suggestion, contactId);
		try {
			FollowUpView done = followUps.recordOutcome(Actor.current(), id, form);
			redirect.addFlashAttribute("notice", done.satisfaction() == Satisfaction.DISSATISFIED
					|| Boolean.FALSE.equals(done.solved()) ? "followup.notice.reopened" : "followup.notice.closed");
			redirect.addFlashAttribute("noticeArg", done.ticketNo());
			return "redirect:/followups";
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
			redirect.addFlashAttribute("form", form);
			return "redirect:/followups/" + id;
		}
	}

	private static Boolean solvedOf(String solved) {
		if (solved == null || solved.isBlank()) {
			return null;
		}
		return switch (solved.strip()) {
			case "yes", "true" -> Boolean.TRUE;
			case "no", "false" -> Boolean.FALSE;
			default -> throw HeatDeskException.badInput("FOLLOWUP_SOLVED_INVALID", "solved");
		};
	}

	@PostMapping("/followups/{id:\\d+}/attempts")
	String attempt(@PathVariable long id, @RequestParam(required = false) String note,
			@RequestParam(required = false) Long contactId, RedirectAttributes redirect) {
		try {
			FollowUpView f = followUps.recordAttempt(Actor.current(), id, note, contactId);
			redirect.addFlashAttribute("notice", f.status() == FollowUpStatus.UNREACHABLE ? "followup.notice.unreachable"
					: "followup.notice.attempt");
			redirect.addFlashAttribute("noticeArg", f.ticketNo());
			return "redirect:/followups";
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
			return "redirect:/followups/" + id;
		}
	}

	@PostMapping("/followups/{id:\\d+}/call")
	String call(@PathVariable long id, RedirectAttributes redirect) {
		FollowUpCalls c = calls.getIfAvailable();
		if (c == null) {
			throw HeatDeskException.notFound("NOT_FOUND");
		}
		FollowUpView f = followUps.find(id).orElseThrow(() -> HeatDeskException.notFound("FOLLOWUP_NOT_FOUND", id));
		StaffView me = staff.findByUsername(Actor.current().name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		try {
			FollowUpCalls.StartedCall started = c.start(Actor.current(), me.id(), f.ticketNo(), f.customerId(), f.phone());
			redirect.addFlashAttribute("call", started);
			redirect.addFlashAttribute("notice", "followup.notice.calling");
			redirect.addFlashAttribute("noticeArg", started.maskedPhone());
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/followups/" + id;
	}
}
