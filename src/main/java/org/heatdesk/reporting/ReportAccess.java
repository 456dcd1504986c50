package org.heatdesk.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.heatdesk.platform.HeatDeskException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Which scopes a reader may see: managers and auditors every scope; a team lead his team and its
 * agents; an agent (or a dispatcher) himself and his team. Figures of other scopes are not shown
 * to him at all.
 */
@Component
class ReportAccess {

	/** The reader: his staff id and team (either may be missing: an integration key, a person without a team). */
	record Reader(Long staffId, Long teamId, boolean all, boolean lead) {
	}

	private final JdbcClient jdbc;

	private final ScopeDirectory directory;

	ReportAccess(ReportingReads reads, ScopeDirectory directory) {
		this.jdbc = reads.jdbc();
		this.directory = directory;
	}

	Reader reader(Authentication auth) {
		Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
		boolean all = roles.contains("ROLE_MANAGER") || roles.contains("ROLE_AUDITOR");
		boolean lead = roles.contains("ROLE_TEAM_LEAD");
		Optional<Long[]> me = jdbc.sql("select id, team_id from staff_member where username = ?").param(auth.getName())
			.query((rs, n) -> new Long[] { rs.getLong(1), (Long) rs.getObject(2) }).optional();
		return new Reader(me.map(m -> m[0]).orElse(null), me.map(m -> m[1]).orElse(null), all, lead);
	}

	boolean allows(Reader r, Scope scope) {
		if (r.all()) {
			return true;
		}
		return switch (scope.kind()) {
			case COMPANY, SUBSTATION, COMMUNITY -> false;
			case TEAM -> r.teamId() != null && r.teamId() == scope.id();
			case AGENT -> r.staffId() != null && r.staffId() == scope.id()
					|| r.lead() && r.teamId() != null && directory.teamOf(scope.id()).filter(r.teamId()::equals).isPresent();
		};
	}

	/** The reader's default scope: the company for managers and auditors, his team for a lead, himself otherwise. */
	Scope defaultScope(Reader r) {
		if (r.all()) {
			return Scope.COMPANY;
		}
		if (r.lead() && r.teamId() != null) {
			return Scope.team(r.teamId());
		}
		if (r.staffId() != null) {
			return Scope.agent(r.staffId());
		}
		throw HeatDeskException.forbidden("REPORT_SCOPE_FORBIDDEN");
	}

	/**
	 * The scope asked for, or the default; a scope the reader may not see is refused (403) after an
	 * unknown one (404), so the answer does not tell who exists to someone who may not see them.
	 */
	Scope check(Reader r, Scope asked) {
		Scope scope = asked == null ? defaultScope(r) : asked;
		if (!allows(r, scope)) {
			throw HeatDeskException.forbidden("REPORT_SCOPE_FORBIDDEN");
		}
		if (directory.find(scope).isEmpty()) {
			throw HeatDeskException.notFound("REPORT_SCOPE_UNKNOWN", scope.kind().name(), scope.id());
		}
		return scope;
	}

	/** The scopes the reader may pick, grouped by kind in the order of the picker. */
	List<ScopeDirectory.Named> choices(Reader r) {
		List<ScopeDirectory.Named> all = new ArrayList<>();
		if (r.all()) {
			all.add(directory.find(Scope.COMPANY).orElseThrow());
			all.addAll(directory.teams());
			all.addAll(directory.agents(null));
			all.addAll(directory.substations());
			all.addAll(directory.communities());
			return all;
		}
		if (r.teamId() != null) {
			directory.find(Scope.team(r.teamId())).ifPresent(all::add);
			if (r.lead()) {
				all.addAll(directory.agents(r.teamId()));
				return all;
			}
		}
		if (r.staffId() != null) {
			directory.find(Scope.agent(r.staffId())).ifPresent(all::add);
		}
		return all;
	}
}
