package org.heatdesk.shift;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's roster of a month ({@code /shift/roster}): a row per day, a column per shift kind, the
 * people in each (the lead first); the lead adds and removes shifts, anyone asks to swap his own,
 * the lead approves.
 */
@PageController
@PreAuthorize(Roles.DESK_AND_MANAGER)
class RosterPageController {

	private final Rosters rosters;

	private final Staff staff;

	RosterPageController(Rosters rosters, Staff staff) {
		this.rosters = rosters;
		this.staff = staff;
	}

	record Day(LocalDate day, boolean weekend, Map<RosterShiftKind, List<Rosters.RosterEntry>> shifts) {
	}

	static YearMonth month(String month, Rosters rosters) {
		if (month == null || month.isBlank()) {
			return YearMonth.now(rosters.clock().withZone(rosters.zone()));
		}
		try {
			YearMonth m = YearMonth.parse(month.strip());
			if (!InputChecks.sensibleYear(m.getYear())) {
				throw HeatDeskException.badInput("ROSTER_DAY_REQUIRED", "month");
			}
			return m;
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("ROSTER_DAY_REQUIRED", "month");
		}
	}

	@GetMapping("/shift/roster")
	String roster(@RequestParam(required = false) Long team, @RequestParam(required = false) String month, Model model) {
		StaffView me = me();
		List<TeamView> teams = staff.teams();
		if (team == null && teams.isEmpty()) {
			model.addAttribute("titleKey", "shift.roster.title");
			return "shift/no-team";
		}
		long teamId = team != null ? team : own(me, teams) != null ? own(me, teams) : teams.get(0).id();
		TeamView t = rosters.team(teamId);
		YearMonth m = month(month, rosters);
		List<Rosters.RosterEntry> entries = rosters.month(teamId, m);
		List<RosterShiftKind> kinds = new ArrayList<>();
		for (RosterShiftKind k : RosterShiftKind.values()) {
			if (entries.stream().anyMatch(e -> e.kind() == k) || k.seasonal() == rosters.settings().inSeason(m.atDay(1))) {
				kinds.add(k);
			}
		}
		List<Day> days = new ArrayList<>();
		for (int d = 1; d <= m.lengthOfMonth(); d++) {
			LocalDate day = m.atDay(d);
			Map<RosterShiftKind, List<Rosters.RosterEntry>> byKind = new LinkedHashMap<>();
			for (RosterShiftKind k : kinds) {
				byKind.put(k, entries.stream().filter(e -> e.day().equals(day) && e.kind() == k).toList());
			}
			days.add(new Day(day, day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY, byKind));
		}
		boolean keeper = me.has(Role.MANAGER) || me.has(Role.TEAM_LEAD) && Long.valueOf(teamId).equals(me.teamId());
		model.addAttribute("teams", teams);
		model.addAttribute("team", t);
		model.addAttribute("month", m.toString());
		model.addAttribute("kinds", kinds);
		model.addAttribute("days", days);
		model.addAttribute("count", entries.size());
		model.addAttribute("keeper", keeper);
		model.addAttribute("me", me);
		model.addAttribute("members", staff.teams().isEmpty() ? List.of() : members(teamId));
		model.addAttribute("mine", entries.stream().filter(e -> e.staffId() == me.id()
				&& e.startsAt().isAfter(rosters.clock().instant())).toList());
		model.addAttribute("swaps", rosters.swaps(teamId, 20));
		model.addAttribute("allKinds", RosterShiftKind.values());
		model.addAttribute("zone", rosters.zone().getId());
		return "shift/roster";
	}

	private List<StaffView> members(long teamId) {
		List<StaffView> out = new ArrayList<>();
		for (Role r : List.of(Role.TEAM_LEAD, Role.AGENT, Role.DISPATCHER)) {
			for (StaffView v : staff.withRole(r)) {
				if (v.active() && Long.valueOf(teamId).equals(v.teamId()) && out.stream().noneMatch(o -> o.id() == v.id())) {
					out.add(v);
				}
			}
		}
		return out;
	}

	@PostMapping("/shift/roster/entries")
	@PreAuthorize(Roles.SUPERVISORS)
	String add(@RequestParam long team, @RequestParam(required = false) String month,
			@RequestParam(required = false) Long staffId, @RequestParam(required = false) String day,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String lead,
			RedirectAttributes redirect) {
		try {
			if (staffId == null) {
				throw HeatDeskException.badInput("ROSTER_STAFF_UNKNOWN", "staffId");
			}
			rosters.add(Actor.current(), team, staffId, day(day), kind(kind), lead != null);
			redirect.addFlashAttribute("notice", "shift.roster.notice.added");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/shift/roster?team=" + team + "&month=" + month(month, rosters);
	}

	@PostMapping("/shift/roster/entries/{id:\\d+}/remove")
	@PreAuthorize(Roles.SUPERVISORS)
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		Rosters.RosterEntry e = rosters.entry(id).orElseThrow(() -> HeatDeskException.notFound("ROSTER_ENTRY_NOT_FOUND", id));
		try {
			rosters.remove(Actor.current(), id);
			redirect.addFlashAttribute("notice", "shift.roster.notice.removed");
		}
		catch (HeatDeskException ex) {
			redirect.addFlashAttribute("error", ex);
		}
		return "redirect:/shift/roster?team=" + e.teamId() + "&month=" + YearMonth.from(e.day());
	}

	@PostMapping("/shift/roster/swaps")
	String requestSwap(@RequestParam long entry, @RequestParam(required = false) Long toStaffId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Rosters.RosterEntry e = rosters.entry(entry).orElseThrow(() -> HeatDeskException.notFound("ROSTER_ENTRY_NOT_FOUND", entry));
		try {
			if (toStaffId == null) {
				throw HeatDeskException.badInput("ROSTER_STAFF_UNKNOWN", "toStaffId");
			}
			rosters.requestSwap(Actor.current(), entry, toStaffId, reason);
			redirect.addFlashAttribute("notice", "shift.roster.notice.swapRequested");
		}
		catch (HeatDeskException ex) {
			redirect.addFlashAttribute("error", ex);
		}
		return "redirect:/shift/roster?team=" + e.teamId() + "&month=" + YearMonth.from(e.day());
	}

	@PostMapping("/shift/roster/swaps/{id:\\d+}/decide")
	@PreAuthorize(Roles.SUPERVISORS)
	String decide(@PathVariable long id, @RequestParam(required = false) String decision, RedirectAttributes redirect) {
		Rosters.RosterSwap s = rosters.swap(id).orElseThrow(() -> HeatDeskException.notFound("ROSTER_SWAP_NOT_FOUND", id));
		long team = rosters.entry(s.entryId()).map(Rosters.RosterEntry::teamId).orElse(0L);
		try {
			rosters.decideSwap(Actor.current(), id, "approve".equals(decision));
			redirect.addFlashAttribute("notice", "shift.roster.notice.swapDecided");
		}
		catch (HeatDeskException ex) {
			redirect.addFlashAttribute("error", ex);
		}
		return "redirect:/shift/roster?team=" + team + "&month=" + YearMonth.from(s.day());
	}

	static LocalDate day(String day) {
		if (day == null || day.isBlank()) {
			throw HeatDeskException.badInput("ROSTER_DAY_REQUIRED", "day");
		}
		try {
			return LocalDate.parse(day.strip());
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("ROSTER_DAY_REQUIRED", "day");
		}
	}

	static RosterShiftKind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			throw HeatDeskException.badInput("ROSTER_KIND_REQUIRED", "kind");
		}
		try {
			return RosterShiftKind.valueOf(kind.strip());
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("ROSTER_KIND_REQUIRED", "kind");
		}
	}

	/** The reader's own team when it is one of {@code teams} (a manager's may be none of the desk's). */
	static Long own(StaffView me, List<TeamView> teams) {
		return me.teamId() != null && teams.stream().anyMatch(t -> t.id() == me.teamId()) ? me.teamId() : null;
	}

	private StaffView me() {
		return staff.findByUsername(Actor.current().name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
	}
}
