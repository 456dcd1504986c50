package org.heatdesk.ticket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Roles;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The ticket page: the ticket, its marks and earlier rounds, timeline, transfers, attachments and the actions the viewer may take.
 */
@PageController
@PreAuthorize(Roles.OPERATIONS_AND_AUDIT)
class TicketDetailController {

	private final TicketQueries queries;

	private final Attachments attachments;

	private final TicketLookups lookups;

	private final Catalog catalog;

	private final Staff staff;

	private final Customers customers;

	private final Clock clock;

	private final Rework rework;

	private final ObjectProvider<TicketPanels> panels;

	TicketDetailController(TicketQueries queries, Attachments attachments, TicketLookups lookups, Catalog catalog, Staff staff, Customers customers, Clock clock,
			Rework rework, ObjectProvider<TicketPanels> panels) {
		this.rework = rework;
		this.panels = panels;
		this.queries = queries;
		this.attachments = attachments;
		this.lookups = lookups;
		this.catalog = catalog;
		this.staff = staff;
		this.customers = customers;
		this.clock = clock;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("tf", TicketFormat.of(catalog.zone(), clock));
	}

	@GetMapping("/tickets/{no:[A-Za-z]+\\d{8}-\\d+}")
	String ticket(@PathVariable String no, Model model) {
		TicketRow row = queries.open(Actor.current(), no);
		StaffView me = queries.me(Actor.current());
		model.addAttribute("t", row);
		model.addAttribute("me", me);
		model.addAttribute("seesPhone", me.has(Role.AGENT) || me.has(Role.TEAM_LEAD) || me.has(Role.DISPATCHER));
		model.addAttribute("timeline", queries.timeline(row.id()));
		model.addAttribute("rounds", queries.rounds(row.id()));
		List<Transfer> transfers = queries.transfers(row.id());
		model.addAttribute("transfers", transfers);
		model.addAttribute("attachments", attachments.attachments(Actor.current(), row.ticketNo()));
		model.addAttribute("pending", transfers.stream().filter(Transfer::pending).findFirst().orElse(null));
		model.addAttribute("children", row.incident() ? queries.children(row.id()) : List.of());
		model.addAttribute("parent", row.parentId() == null ? null : queries.byId(row.parentId()).orElse(null));
		model.addAttribute("customer", row.customerId() == null ? null : customers.find(row.customerId()).orElse(null));
		if (row.customerId() != null) {
			customers.logAccess(row.customerId(), "TICKET");
		}
		model.addAttribute("policy", catalog.policy(row.policyId()));
		model.addAttribute("rework", rework.flags(row.ticketNo()));
		model.addAttribute("panels", panels.orderedStream().flatMap(p -> p.panels(row.ticketNo()).stream()).toList());
		model.addAttribute("next", row.nextMark());
		Set<Lifecycle.Action> allowed = queries.allowedActions(Actor.current(), row);
		Map<String, Boolean> can = new LinkedHashMap<>();
		for (Lifecycle.Action a : Lifecycle.Action.values()) {
			can.put(a.name(), allowed.contains(a));
		}
		model.addAttribute("can", can);
		// the work this viewer may not do, so that the page can say who does it
		model.addAttribute("workForOthers", TicketAccess.WORK.stream()
			.anyMatch(a -> Lifecycle.allowed(row.status(), a) && !allowed.contains(a)));
		model.addAttribute("colleagues", receivers(row));
		model.addAttribute("teams", staff.teams());
		lookups.add(model);
		return "ticket/ticket";
	}

	private List<StaffView> receivers(TicketRow row) {
		Map<Long, StaffView> all = new LinkedHashMap<>();
		for (Role role : List.of(Role.TEAM_LEAD, Role.AGENT, Role.DISPATCHER, Role.TECHNICIAN)) {
			for (StaffView s : staff.withRole(role)) {
				if (!row.about(s.id())) {
					all.putIfAbsent(s.id(), s);
				}
			}
		}
		return new ArrayList<>(all.values());
	}

	@GetMapping("/tickets/{no}/attachments/{id}")
	ResponseEntity<byte[]> download(@PathVariable String no, @PathVariable long id) {
		return AttachmentResponses.of(attachments.download(Actor.current(), no, id));
	}

}
