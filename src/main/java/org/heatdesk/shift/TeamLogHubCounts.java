package org.heatdesk.shift;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.StaffView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The lead's records' counts on the {@code /shift} hub, added to the hub's model from here so that
 * the hub's controller does not change: today's briefing of the person's team, open faults,
 * directives overdue, incidents not concluded, suggestions waiting — a team lead his team's, a
 * manager everyone's, an agent his own directives and suggestions.
 */
@ControllerAdvice(assignableTypes = ShiftHubController.class)
class TeamLogHubCounts {

	record Counts(boolean supervisor, boolean manager, Boolean briefingToday, long openFaults, long overdueFaults,
			long overdueDirectives, long openDirectives, long openIncidents, long openSuggestions) {
	}

	private final JdbcClient jdbc;

	private final TeamLogPeople people;

	private final Briefings briefings;

	TeamLogHubCounts(JdbcClient jdbc, TeamLogPeople people, Briefings briefings) {
		this.jdbc = jdbc;
		this.people = people;
		this.briefings = briefings;
	}

	@ModelAttribute("records")
	Counts counts() {
		StaffView me;
		try {
			me = people.me(Actor.current());
		}
		catch (RuntimeException notStaff) {
			return null;
		}
		boolean manager = me.has(Role.MANAGER);
		boolean supervisor = manager || me.has(Role.TEAM_LEAD);
		// a manager counts every team; a lead his own; an agent his own directives and suggestions
		Long team = manager ? null : me.teamId();
		Long owner = supervisor ? null : me.id();
		Boolean briefing = me.teamId() == null || !supervisor ? null
				: jdbc.sql("select count(*) > 0 from shift_briefing where team_id = ? and held_on = ?")
					.params(me.teamId(), briefings.today()).query(Boolean.class).single();
		long[] faults = supervisor ? jdbc.sql("""
				select count(*), count(*) filter (where due_at < now()) from shift_equipment_fault
				where status <> 'RESOLVED' and (cast(:team as bigint) is null or team_id = :team)""")
			.param("team", team).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single() : new long[2];
		long[] directives = jdbc.sql("""
				select count(*), count(*) filter (where due_at < now()) from shift_directive where status <> 'DONE'
				  and (cast(:team as bigint) is null or team_id = :team) and (cast(:owner as bigint) is null or owner_id = :owner)""")
			.param("team", team).param("owner", owner).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long incidents = supervisor ? jdbc.sql("""
				select count(*) from shift_service_incident where status <> 'CONCLUDED'
				  and (cast(:team as bigint) is null or team_id = :team)""")
			.param("team", team).query(Long.class).single() : 0;
		long suggestions = jdbc.sql("""
				select count(*) from shift_staff_suggestion where status = 'OPEN'
				  and (cast(:author as bigint) is null or author_id = :author)""")
			.param("author", manager ? null : me.id()).query(Long.class).single();
		return new Counts(supervisor, manager, briefing, faults[0], faults[1], directives[1], directives[0], incidents,
				suggestions);
	}
}
