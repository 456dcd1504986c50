package org.heatdesk.reporting;

/** What a report is cut by: the whole company, a team, one agent, a substation, a community. */
public enum ScopeKind {
	COMPANY, TEAM, AGENT, SUBSTATION, COMMUNITY
}
