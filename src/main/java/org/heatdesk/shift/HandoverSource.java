package org.heatdesk.shift;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A kind of record a hand-over lists: each is a bean in this module (open tickets, call-backs,
 * outages, equipment faults, directives), so that a new kind of record joins the hand-over without
 * the hand-over changing.
 */
interface HandoverSource {

	/** The source's name in {@link HandoverItem#source()} (e.g. {@code TICKETS}). */
	String name();

	/** What the team's shift ending at {@code at} hands over from this source. */
	List<HandoverItem> items(long teamId, Instant at, Locale locale);
}
