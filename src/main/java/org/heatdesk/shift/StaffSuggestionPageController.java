package org.heatdesk.shift;

import java.util.List;

import org.heatdesk.platform.Actor;
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
 * {@code /shift/suggestions}: a staff member's suggestions and doubts to the managers and their
 * answers; managers (and the auditor, reading) see everyone's and answer them.
 */
@PageController
@PreAuthorize(Roles.CASEWORK)
class StaffSuggestionPageController {

	private final StaffSuggestions suggestions;

	private final TeamLogPeople people;

	StaffSuggestionPageController(StaffSuggestions suggestions, TeamLogPeople people) {
		this.suggestions = suggestions;
		this.people = people;
	}

	record Row(StaffSuggestions.StaffSuggestion s, String author, String team, String answeredBy, boolean overdue) {
	}

	@GetMapping("/shift/suggestions")
	String page(Model model) {
		StaffView me = people.me(Actor.current());
		boolean all = me.has(Role.MANAGER) || me.has(Role.AUDITOR);
		var now = suggestions.clock().instant();
		var teamNames = people.teamNames();
		List<Row> rows = suggestions.list(all ? null : me.id(), 300).stream()
			.map(s -> new Row(s, people.name(s.authorId()), teamNames.apply(s.teamId()), people.name(s.answeredBy()),
					s.overdue(now)))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("canAnswer", me.has(Role.MANAGER));
		model.addAttribute("all", all);
		model.addAttribute("answerDays", suggestions.answerLimit().toDays());
		return "shift/suggestions";
	}

	@PostMapping("/shift/suggestions")
	String submit(@RequestParam(required = false) String kind, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		return TeamLogForms.act(redirect, "redirect:/shift/suggestions", "shift.suggestions.sent", () -> {
			StaffSuggestions.StaffSuggestion s = suggestions.submit(Actor.current(), kind, subject, text);
			return s.subject();
		});
	}

	@PostMapping("/shift/suggestions/{id:\\d+}/answer")
	@PreAuthorize(Roles.MANAGER)
	String answer(@PathVariable long id, @RequestParam(required = false) String answer, RedirectAttributes redirect) {
		return TeamLogForms.act(redirect, "redirect:/shift/suggestions#suggestion-" + id, "shift.suggestions.answered", () -> {
			StaffSuggestions.StaffSuggestion s = suggestions.answer(Actor.current(), id, answer);
			return s.subject();
		});
	}
}
