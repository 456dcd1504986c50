package org.heatdesk.reporting;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The scopes a report can be cut by, with their names: teams, agents, substations, communities. */
@Component
class ScopeDirectory {

	/** A scope with its name (and, for an agent, his team), for pickers and headings. */
	record Named(Scope scope, String name, Long teamId) {

		public String key() {
			return scope.kind() + ":" + scope.id();
		}
	}

	private final JdbcClient jdbc;

	private final Company company;

	ScopeDirectory(ReportingReads reads, Company company) {
		this.jdbc = reads.jdbc();
		this.company = company;
	}

	/**
	 * The scope's name.
	 * @throws HeatDeskException 404 {@code REPORT_SCOPE_UNKNOWN} when no such team, agent, substation or community exists
	 */
	String name(Scope scope, Locale locale) {
		return find(scope).map(Named::name)
			.orElseThrow(() -> HeatDeskException.notFound("REPORT_SCOPE_UNKNOWN", scope.kind().name(), scope.id()));
	}

	Optional<Named> find(Scope scope) {
		return switch (scope.kind()) {
			case COMPANY -> Optional.of(new Named(scope, company.name(), null));
			case TEAM -> jdbc.sql("select name from staff_team where id = ?").param(scope.id())
				.query((rs, n) -> new Named(scope, rs.getString(1), scope.id())).optional();
			case AGENT -> jdbc.sql("select display_name, team_id from staff_member where id = ?").param(scope.id())
				.query((rs, n) -> new Named(scope, rs.getString(1), (Long) rs.getObject(2))).optional();
			case SUBSTATION -> jdbc.sql("select name from network_substation where id = ?").param(scope.id())
				.query((rs, n) -> new Named(scope, rs.getString(1), null)).optional();
			case COMMUNITY -> jdbc.sql("select name from network_community where id = ?").param(scope.id())
				.query((rs, n) -> new Named(scope, rs.getString(1), null)).optional();
		};
	}

	List<Named> teams() {
		return jdbc.sql("select id, name from staff_team order by code")
			.query((rs, n) -> new Named(Scope.team(rs.getLong(1)), rs.getString(2), rs.getLong(1))).list();
	}

	/** The people of the desk and dispatch (those figures are counted for), of one team or all. */
	List<Named> agents(Long teamId) {
		return jdbc.sql("""
				select m.id, m.display_name, m.team_id from staff_member m
				where m.active and (cast(? as bigint) is null or m.team_id = ?)
				  and exists (select 1 from staff_member_role r where r.staff_id = m.id
				              and r.role in ('AGENT', 'TEAM_LEAD', 'DISPATCHER'))
				order by m.employee_no""")
			.params(teamId, teamId)
			.query((rs, n) -> new Named(Scope.agent(rs.getLong(1)), rs.getString(2), (Long) rs.getObject(3))).list();
	}

	List<Named> substations() {
		return jdbc.sql("select id, name from network_substation order by code")
			.query((rs, n) -> new Named(new Scope(ScopeKind.SUBSTATION, rs.getLong(1)), rs.getString(2), null)).list();
	}

	List<Named> communities() {
		return jdbc.sql("select id, name from network_community order by name")
			.query((rs, n) -> new Named(new Scope(ScopeKind.COMMUNITY, rs.getLong(1)), rs.getString(2), null)).list();
	}

	Optional<Long> teamOf(long staffId) {
		return jdbc.sql("select team_id from staff_member where id = ?").param(staffId)
			.query((rs, n) -> Optional.ofNullable((Long) rs.getObject(1))).optional().flatMap(o -> o);
	}
}
