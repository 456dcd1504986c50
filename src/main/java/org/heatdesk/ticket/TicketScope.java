package org.heatdesk.ticket;

/** How many customers the request concerns: one household, a building, a community, a substation. */
public enum TicketScope {
	HOUSEHOLD, BUILDING, COMMUNITY, SUBSTATION
}
