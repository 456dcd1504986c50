package org.heatdesk.shift;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.StaffView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /shift/briefings}: the lead records a briefing (attendance, topics, notices) and reads the
 * week's briefings and the weekly summary of each team. Managers and the auditor read every team.
 */
@PageController
@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
class BriefingPageController {

	private final Briefings briefings;

	private final TeamLogPeople people;

	BriefingPageController(Briefings briefings, TeamLogPeople people) {
		this.briefings = briefings;
		this.people = people;
	}

	record Row(Briefings.Briefing b, String team, String ledBy, List<Briefings.Attendee> attendees) {
	}

	@GetMapping("/shift/briefings")
	String page(@RequestParam(required = false) String teamId, @RequestParam(required = false) String week, Model model) {
		StaffView me = people.me(Actor.current());
		Long team = people.pageTeam(me, TeamLogForms.id(teamId, "teamId"));
		LocalDate day = week == null ? briefings.today() : TeamLogForms.date(week, "week");
		LocalDate monday = day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
		boolean all = me.has(Role.MANAGER) || me.has(Role.AUDITOR);
		var teamNames = people.teamNames();
		List<Briefings.Briefing> held = briefings.list(all ? null : team, monday, monday.plusDays(6));
		Map<Long, List<Briefings.Attendee>> attendees = briefings.attendees(held.stream().map(Briefings.Briefing::id).toList());
		List<Row> rows = held.stream()
			.map(b -> new Row(b, teamNames.apply(b.teamId()), people.name(b.ledBy()), attendees.getOrDefault(b.id(), List.of())))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("summary", briefings.week(day, all ? null : team));
		model.addAttribute("monday", monday);
		model.addAttribute("sunday", monday.plusDays(6));
		model.addAttribute("previousWeek", monday.minusDays(7));
		model.addAttribute("nextWeek", monday.plusDays(7));
		model.addAttribute("today", briefings.today());
		model.addAttribute("teams", people.teams());
		model.addAttribute("team", team);
		model.addAttribute("teamName", teamNames.apply(team));
		model.addAttribute("members", team == null ? List.of() : people.members(team));
		model.addAttribute("shifts", Briefings.SHIFTS);
		model.addAttribute("canHold", me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER));
		model.addAttribute("chooseTeam", me.has(Role.MANAGER));
		return "shift/briefings";
	}

	@PostMapping("/shift/briefings")
	@PreAuthorize(Roles.SUPERVISORS)
	String hold(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		Long teamId = null;
		try {
			teamId = TeamLogForms.id(form.getFirst("teamId"), "teamId");
			Set<Long> present = new HashSet<>();
			for (String p : form.getOrDefault("present", List.of())) {
				present.add(TeamLogForms.id(p, "present"));
			}
			Map<Long, String> notes = new HashMap<>();
			form.forEach((k, v) -> {
				if (k.startsWith("note-") && !v.isEmpty()) {
					notes.put(TeamLogForms.id(k.substring(5), "note"), v.get(0));
				}
			});
			Briefings.Briefing b = briefings.hold(Actor.current(), teamId, TeamLogForms.date(form.getFirst("heldOn"), "heldOn"),
					form.getFirst("shiftCode"), form.getFirst("topics"), form.getFirst("notices"), present, notes);
			redirect.addFlashAttribute("notice", "shift.briefings.held");
			redirect.addFlashAttribute("noticeArg", b.heldOn().toString());
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/shift/briefings" + (teamId == null ? "" : "?teamId=" + teamId);
	}
}
