package org.heatdesk.reporting;

/**
 * One scope of a report: its kind and the id of the team ({@code staff_team.id}), the agent
 * ({@code staff_member.id}), the substation or the community; the company's id is 0.
 */
public record Scope(ScopeKind kind, long id) {

	public static final Scope COMPANY = new Scope(ScopeKind.COMPANY, 0);

	public Scope {
		if (kind == null) {
			throw new IllegalArgumentException("a scope has a kind");
		}
		if (kind == ScopeKind.COMPANY && id != 0) {
			throw new IllegalArgumentException("the company's scope id is 0");
		}
	}

	public static Scope team(long id) {
		return new Scope(ScopeKind.TEAM, id);
	}

	public static Scope agent(long id) {
		return new Scope(ScopeKind.AGENT, id);
	}
}
