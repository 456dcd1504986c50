package org.heatdesk.ticket;

import java.time.Instant;

/** One event on a ticket's timeline. */
record TimelineEntry(long id, Instant at, String actor, String kind, String detail, Long contactId) {
}
