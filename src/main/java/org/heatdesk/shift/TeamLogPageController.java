package org.heatdesk.shift;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /shift/log}: a team's log (events and equipment checks) with the forms the lead writes it
 * with; {@code /shift/faults}: the equipment faults, open first, with take-on and result for those
 * they go to (administrators the systems', leads their team's equipment, managers all).
 */
@PageController
class TeamLogPageController {

	private final TeamLog log;

	private final EquipmentFaults faults;

	private final TeamLogPeople people;

	TeamLogPageController(TeamLog log, EquipmentFaults faults, TeamLogPeople people) {
		this.log = log;
		this.faults = faults;
		this.people = people;
	}

	@org.springframework.context.annotation.Configuration
	static class Navigation {

		/** The administrators reach the system faults sent to them (the /shift hub is the desk's and the managers'). */
		@org.springframework.context.annotation.Bean
		org.heatdesk.platform.NavItem equipmentFaultsAdminNav() {
			return new org.heatdesk.platform.NavItem("nav.shiftFaults", "nav.shiftFaults.description", "/shift/faults",
					Roles.ADMIN, 915, null);
		}
	}

	record EntryRow(TeamLog.Entry e, String author) {
	}

	record FaultRow(EquipmentFaults.EquipmentFault f, String team, String raisedBy, String handledBy, boolean overdue,
			boolean mayFix) {
	}

	@GetMapping("/shift/log")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	String log(@RequestParam(required = false) String teamId, Model model) {
		StaffView me = people.me(Actor.current());
		Long team = people.pageTeam(me, TeamLogForms.id(teamId, "teamId"));
		model.addAttribute("entries", team == null ? List.of()
				: log.entries(team, 200).stream().map(e -> new EntryRow(e, people.name(e.authorId()))).toList());
		model.addAttribute("faults", team == null ? List.of() : rows(me, faults.open(team)));
		model.addAttribute("teams", people.teams());
		model.addAttribute("team", team);
		model.addAttribute("teamName", people.teamName(team));
		model.addAttribute("items", EquipmentFaults.Item.CHECKED.stream().map(Enum::name).toList());
		model.addAttribute("canWrite", me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER));
		model.addAttribute("chooseTeam", me.has(Role.MANAGER) || me.has(Role.AUDITOR));
		return "shift/log";
	}

	@PostMapping("/shift/log/events")
	@PreAuthorize(Roles.SUPERVISORS)
	String event(@RequestParam(required = false) String teamId, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		Long team = null;
		try {
			team = TeamLogForms.id(teamId, "teamId");
			log.write(Actor.current(), team, text);
			redirect.addFlashAttribute("notice", "shift.log.written");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/shift/log" + (team == null ? "" : "?teamId=" + team);
	}

	@PostMapping("/shift/log/checks")
	@PreAuthorize(Roles.SUPERVISORS)
	String check(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		Long team = null;
		try {
			team = TeamLogForms.id(form.getFirst("teamId"), "teamId");
			Map<EquipmentFaults.Item, TeamLog.CheckItem> items = new EnumMap<>(EquipmentFaults.Item.class);
			for (EquipmentFaults.Item item : EquipmentFaults.Item.CHECKED) {
				String state = form.getFirst("state-" + item.name());
				if ("OK".equals(state) || "FAULT".equals(state)) {
					items.put(item, new TeamLog.CheckItem("OK".equals(state), form.getFirst("note-" + item.name())));
				}
			}
			List<TeamLog.Entry> written = log.check(Actor.current(), team, items);
			long raised = written.stream().filter(e -> e.faultId() != null).count();
			redirect.addFlashAttribute("notice", "shift.log.checked");
			redirect.addFlashAttribute("noticeArg", raised);
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/shift/log" + (team == null ? "" : "?teamId=" + team);
	}

	@GetMapping("/shift/faults")
	@PreAuthorize(Roles.SUPERVISORS_AND_ADMIN)
	String faults(Model model) {
		StaffView me = people.me(Actor.current());
		List<FaultRow> rows = rows(me, faults.list(null, null, 300));
		model.addAttribute("rows", rows);
		model.addAttribute("overdueCount", rows.stream().filter(FaultRow::overdue).count());
		model.addAttribute("items", List.of(EquipmentFaults.Item.values()).stream().map(Enum::name).toList());
		model.addAttribute("teams", people.teams());
		model.addAttribute("canRaise", me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER));
		model.addAttribute("chooseTeam", me.has(Role.MANAGER));
		model.addAttribute("myTeam", me.teamId());
		return "shift/faults";
	}

	@PostMapping("/shift/faults")
	@PreAuthorize(Roles.SUPERVISORS)
	String raise(@RequestParam(required = false) String teamId, @RequestParam(required = false) String item,
			@RequestParam(required = false) String description, RedirectAttributes redirect) {
		return TeamLogForms.act(redirect, "redirect:/shift/faults", "shift.faults.raised", () -> {
			EquipmentFaults.EquipmentFault f = faults.raise(Actor.current(), TeamLogForms.id(teamId, "teamId"), item,
					description);
			return f.id();
		});
	}

	@PostMapping("/shift/faults/{id:\\d+}/take")
	@PreAuthorize(Roles.SUPERVISORS_AND_ADMIN)
	String take(@PathVariable long id, RedirectAttributes redirect) {
		return TeamLogForms.act(redirect, "redirect:/shift/faults#fault-" + id, "shift.faults.taken", () -> {
			faults.take(Actor.current(), id);
			return id;
		});
	}

	@PostMapping("/shift/faults/{id:\\d+}/result")
	@PreAuthorize(Roles.SUPERVISORS_AND_ADMIN)
	String resolve(@PathVariable long id, @RequestParam(required = false) String result, RedirectAttributes redirect) {
		return TeamLogForms.act(redirect, "redirect:/shift/faults#fault-" + id, "shift.faults.resolved", () -> {
			faults.resolve(Actor.current(), id, result);
			return id;
		});
	}

	private List<FaultRow> rows(StaffView me, List<EquipmentFaults.EquipmentFault> list) {
		var now = faults.clock().instant();
		var teamNames = people.teamNames();
		return list.stream()
			.map(f -> new FaultRow(f, teamNames.apply(f.teamId()), people.name(f.raisedBy()),
					people.name(f.resolvedBy() != null ? f.resolvedBy() : f.takenBy()), f.overdue(now),
					faults.mayFix(me, f, true)))
			.toList();
	}
}
