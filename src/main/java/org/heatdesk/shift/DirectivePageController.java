package org.heatdesk.shift;

import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Company;
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
 * {@code /shift/directives}: the directives from superiors — overdue first — with the form a lead or
 * manager gives one with, and the owner's accept and feedback. An agent sees his own.
 */
@PageController
@PreAuthorize(Roles.DESK_AND_MANAGER)
class DirectivePageController {

	private final Directives directives;

	private final TeamLogPeople people;

	private final Company company;

	DirectivePageController(Directives directives, TeamLogPeople people, Company company) {
		this.directives = directives;
		this.people = people;
		this.company = company;
	}

	record Row(Directives.Directive d, String owner, String givenBy, String team, boolean overdue, boolean mine) {
	}

	@GetMapping("/shift/directives")
	String list(Model model) {
		StaffView me = people.me(Actor.current());
		boolean supervisor = me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER);
		var now = directives.clock().instant();
		var teamNames = people.teamNames();
		List<Row> rows = directives.list(supervisor ? null : me.id(), null, 300).stream()
			.map(d -> new Row(d, people.name(d.ownerId()), people.name(d.givenBy()), teamNames.apply(d.teamId()),
					d.overdue(now), d.ownerId() == me.id()))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("overdueCount", rows.stream().filter(Row::overdue).count());
		model.addAttribute("supervisor", supervisor);
		model.addAttribute("owners", supervisor ? people.assignable() : List.of());
		return "shift/directives";
	}

	@PostMapping("/shift/directives")
	@PreAuthorize(Roles.SUPERVISORS)
	String give(@RequestParam(required = false) String title, @RequestParam(required = false) String details,
			@RequestParam(required = false) String fromWhom, @RequestParam(required = false) String ownerId,
			@RequestParam(required = false) String dueAt, RedirectAttributes redirect) {
		try {
			Directives.Directive d = directives.give(Actor.current(), new Directives.NewDirective(title, details, fromWhom,
					TeamLogForms.id(ownerId, "ownerId"), TeamLogForms.instant(dueAt, "dueAt", company.zone())));
			redirect.addFlashAttribute("notice", "shift.directives.given");
			redirect.addFlashAttribute("noticeArg", d.title());
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
			redirect.addFlashAttribute("form", new String[] { title, details, fromWhom, ownerId, dueAt });
		}
		return "redirect:/shift/directives";
	}

	@PostMapping("/shift/directives/{id:\\d+}/accept")
	String accept(@PathVariable long id, RedirectAttributes redirect) {
		return TeamLogForms.act(redirect, "redirect:/shift/directives#directive-" + id, "shift.directives.accepted", () -> {
			Directives.Directive d = directives.accept(Actor.current(), id);
			return d.title();
		});
	}

	@PostMapping("/shift/directives/{id:\\d+}/feedback")
	String feedback(@PathVariable long id, @RequestParam(required = false) String feedback, RedirectAttributes redirect) {
		return TeamLogForms.act(redirect, "redirect:/shift/directives#directive-" + id, "shift.directives.done", () -> {
			Directives.Directive d = directives.feedback(Actor.current(), id, feedback);
			return d.title();
		});
	}
}
