package org.heatdesk.shift;

import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Company;
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
 * {@code /shift/incidents}: service incidents and disputes — open first — with the form that records
 * one and reports it to the managers, the lead's investigation and the manager's conclusion. Read by
 * the auditor.
 */
@PageController
@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
class ServiceIncidentPageController {

	private final ServiceIncidents incidents;

	private final TeamLogPeople people;

	private final Company company;

	ServiceIncidentPageController(ServiceIncidents incidents, TeamLogPeople people, Company company) {
		this.incidents = incidents;
		this.people = people;
		this.company = company;
	}

	record Row(ServiceIncidents.ServiceIncident i, String recordedBy, String team, boolean inTime, String investigatedBy,
			String concludedBy) {
	}

	@GetMapping("/shift/incidents")
	String list(Model model) {
		StaffView me = people.me(Actor.current());
		var teamNames = people.teamNames();
		List<Row> rows = incidents.list(null, 300).stream()
			.map(i -> new Row(i, people.name(i.recordedBy()), teamNames.apply(i.teamId()),
					i.reportedInTime(incidents.reportLimit()), people.name(i.investigatedBy()), people.name(i.concludedBy())))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("canRecord", me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER));
		model.addAttribute("canConclude", me.has(Role.MANAGER));
		model.addAttribute("limitMinutes", incidents.reportLimit().toMinutes());
		return "shift/incidents";
	}

	@PostMapping("/shift/incidents")
	@PreAuthorize(Roles.SUPERVISORS)
	String record(@RequestParam(required = false) String kind, @RequestParam(required = false) String occurredAt,
			@RequestParam(required = false) String summary, @RequestParam(required = false) String involved,
			@RequestParam(required = false) String ticketNo, RedirectAttributes redirect) {
		return TeamLogForms.act(redirect, "redirect:/shift/incidents", "shift.incidents.reported", () -> {
			ServiceIncidents.ServiceIncident i = incidents.record(Actor.current(), new ServiceIncidents.NewServiceIncident(
					kind, TeamLogForms.instant(occurredAt, "occurredAt", company.zone()), summary, involved, ticketNo));
			return i.id();
		});
	}

	@PostMapping("/shift/incidents/{id:\\d+}/investigation")
	@PreAuthorize(Roles.SUPERVISORS)
	String investigate(@PathVariable long id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		return TeamLogForms.act(redirect, "redirect:/shift/incidents#incident-" + id, "shift.incidents.investigated", () -> {
			incidents.investigate(Actor.current(), id, text);
			return id;
		});
	}

	@PostMapping("/shift/incidents/{id:\\d+}/conclusion")
	@PreAuthorize(Roles.MANAGER)
	String conclude(@PathVariable long id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		return TeamLogForms.act(redirect, "redirect:/shift/incidents#incident-" + id, "shift.incidents.concluded", () -> {
			incidents.conclude(Actor.current(), id, text);
			return id;
		});
	}
}
