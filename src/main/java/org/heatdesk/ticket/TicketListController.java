package org.heatdesk.ticket;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Roles;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.PageController;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.sla.OverdueBoard;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The lists and boards: my tickets (with my notifications and the offers awaiting me), my team's queue, the overdue board and its stream, search.
 */
@PageController
@PreAuthorize(Roles.OPERATIONS_AND_AUDIT)
class TicketListController {

	private final TicketQueries queries;

	private final TicketLookups lookups;

	private final Catalog catalog;

	private final Clock clock;

	private final OverdueBoard board;

	TicketListController(TicketQueries queries, TicketLookups lookups, Catalog catalog, Clock clock, OverdueBoard board) {
		this.queries = queries;
		this.lookups = lookups;
		this.catalog = catalog;
		this.clock = clock;
		this.board = board;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("tf", TicketFormat.of(catalog.zone(), clock));
	}

	@GetMapping("/tickets")
	String home() {
		return "redirect:/tickets/mine";
	}

	@GetMapping("/tickets/mine")
	@PreAuthorize(Roles.DESK_AND_DISPATCH)
	String mine(@RequestParam(defaultValue = "false") boolean all, Model model) {
		StaffView me = queries.me(Actor.current());
		model.addAttribute("me", me);
		model.addAttribute("all", all);
		model.addAttribute("rows", queries.mine(Actor.current(), !all));
		model.addAttribute("notifications", queries.myNotifications(Actor.current()));
		List<Transfer> awaiting = queries.awaitingMe(Actor.current());
		model.addAttribute("awaiting", awaiting);
		Map<Long, TicketRow> awaitingTickets = new HashMap<>();
		for (Transfer t : awaiting) {
			queries.byId(t.ticketId()).ifPresent(r -> awaitingTickets.put(t.id(), r));
		}
		model.addAttribute("awaitingTickets", awaitingTickets);
		lookups.add(model);
		return "ticket/mine";
	}

	@PostMapping("/tickets/notifications/read")
	@PreAuthorize(Roles.DESK_AND_DISPATCH)
	String readNotifications() {
		queries.readNotifications(Actor.current());
		return "redirect:/tickets/mine";
	}

	@GetMapping("/tickets/team")
	@PreAuthorize(Roles.DESK_AND_DISPATCH)
	String team(Model model) {
		model.addAttribute("rows", queries.teamQueue(Actor.current()));
		lookups.add(model);
		return "ticket/team";
	}

	@GetMapping("/tickets/overdue")
	@PreAuthorize(Roles.SUPERVISORS_DISPATCH_AND_AUDIT)
	String overdue(Model model) {
		model.addAttribute("rows", queries.overdue(Actor.current()));
		lookups.add(model);
		return "ticket/overdue";
	}

	@GetMapping("/tickets/overdue/rows")
	@PreAuthorize(Roles.SUPERVISORS_DISPATCH_AND_AUDIT)
	String overdueRows(Model model) {
		model.addAttribute("rows", queries.overdue(Actor.current()));
		lookups.add(model);
		return "ticket/overdue :: board";
	}

	/** The board's event stream: {@code hello} on (re)connecting, {@code changed} after each change that may move it. */
	@GetMapping(path = "/tickets/overdue/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize(Roles.SUPERVISORS_DISPATCH_AND_AUDIT)
	SseEmitter overdueStream() {
		return board.open();
	}

	@GetMapping("/tickets/search")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) TicketType type,
			@RequestParam(required = false) TicketStatus status, @RequestParam(required = false) Priority priority,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("type", type);
		model.addAttribute("status", status);
		model.addAttribute("priority", priority);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("types", TicketType.values());
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("priorities", Priority.values());
		boolean any = q != null && !q.isBlank() || type != null || status != null || priority != null || from != null || to != null;
		model.addAttribute("searched", any);
		model.addAttribute("rows", !any ? List.of() : queries.search(Actor.current(), q, type, status, priority, null,
				from == null ? null : from.atStartOfDay(catalog.zone()).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(catalog.zone()).toInstant()));
		lookups.add(model);
		return "ticket/search";
	}

}
