package org.heatdesk.shift;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.springframework.stereotype.Component;

/**
 * The people the team lead's records name: the one acting, a team's members and leads, names for
 * ids. Staff are the staff module's; the records keep only their ids.
 */
@Component
class TeamLogPeople {

	private final Staff staff;

	TeamLogPeople(Staff staff) {
		this.staff = staff;
	}

	/** The staff member acting; an integration key is no person and may not keep these records. */
	StaffView me(Actor actor) {
		return staff.findByUsername(actor.name())
			.orElseThrow(() -> HeatDeskException.forbidden("SHIFT_NOT_STAFF"));
	}

	Optional<StaffView> find(long id) {
		return staff.find(id);
	}

	/** The active agents and leads of a team, by name. */
	List<StaffView> members(long teamId) {
		Map<Long, StaffView> byId = new LinkedHashMap<>();
		Stream.concat(staff.withRole(Role.TEAM_LEAD).stream(), staff.withRole(Role.AGENT).stream())
			.filter(s -> s.teamId() != null && s.teamId() == teamId)
			.forEach(s -> byId.putIfAbsent(s.id(), s));
		return byId.values().stream().sorted(Comparator.comparing(StaffView::employeeNo, Comparator.nullsLast(String::compareTo))).toList();
	}

	/** The active team leads of a team. */
	List<StaffView> leads(Long teamId) {
		return staff.withRole(Role.TEAM_LEAD).stream().filter(s -> teamId != null && teamId.equals(s.teamId())).toList();
	}

	/** Everyone who may be given a directive: active agents, leads and dispatchers. */
	List<StaffView> assignable() {
		Map<Long, StaffView> byId = new LinkedHashMap<>();
		Stream.of(Role.TEAM_LEAD, Role.AGENT, Role.DISPATCHER)
			.flatMap(r -> staff.withRole(r).stream())
			.forEach(s -> byId.putIfAbsent(s.id(), s));
		return byId.values().stream().sorted(Comparator.comparing(StaffView::employeeNo, Comparator.nullsLast(String::compareTo))).toList();
	}

	/** The desk's teams (those with an agent or a lead). */
	List<TeamView> teams() {
		var withDesk = Stream.concat(staff.withRole(Role.TEAM_LEAD).stream(), staff.withRole(Role.AGENT).stream())
			.map(StaffView::teamId)
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet());
		return staff.teams().stream().filter(t -> withDesk.contains(t.id())).toList();
	}

	String name(Long id) {
		return id == null ? null : staff.find(id).map(StaffView::displayName).orElse("#" + id);
	}

	String teamName(Long teamId) {
		return teamNames().apply(teamId);
	}

	/** Team names by id, the teams read once: for a page's rows ({@link #teamName} reads them on each call). */
	Function<Long, String> teamNames() {
		Map<Long, String> names = staff.teams().stream().collect(Collectors.toMap(TeamView::id, TeamView::name));
		return teamId -> teamId == null ? null : names.getOrDefault(teamId, "#" + teamId);
	}

	/**
	 * The team a record is kept for: the one asked for when the person may keep its records (a
	 * manager any team, a lead his own), else the person's own.
	 * @throws HeatDeskException 400 {@code SHIFT_TEAM_REQUIRED} (no team at all), 403 {@code SHIFT_TEAM_NOT_YOURS}
	 */
	long team(StaffView me, Long asked) {
		if (asked == null) {
			if (me.teamId() == null) {
				throw HeatDeskException.badInput("SHIFT_TEAM_REQUIRED", "teamId");
			}
			return me.teamId();
		}
		if (me.has(Role.MANAGER) || asked.equals(me.teamId())) {
			if (teams().stream().noneMatch(t -> t.id() == asked)) {
				throw HeatDeskException.badInput("SHIFT_TEAM_UNKNOWN", "teamId");
			}
			return asked;
		}
		throw HeatDeskException.forbidden("SHIFT_TEAM_NOT_YOURS");
	}

	/**
	 * The team a page shows: the one asked for when the person may read every team (manager,
	 * auditor, administrator), else the person's own, else the first desk team.
	 */
	Long pageTeam(StaffView me, Long asked) {
		boolean all = me.has(Role.MANAGER) || me.has(Role.AUDITOR) || me.has(Role.ADMIN);
		List<TeamView> teams = teams();
		if (asked != null && all && teams.stream().anyMatch(t -> t.id() == asked)) {
			return asked;
		}
		if (me.teamId() != null) {
			return me.teamId();
		}
		return teams.isEmpty() ? null : teams.get(0).id();
	}
}
