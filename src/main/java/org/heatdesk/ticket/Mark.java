package org.heatdesk.ticket;

/** The marks after intake that carry a deadline; {@code ON_SITE} is kept for the dispatch module. */
enum Mark {
	DISPATCHED, RESPONDED, ON_SITE, RESOLVED
}
