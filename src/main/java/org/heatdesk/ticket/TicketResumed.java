package org.heatdesk.ticket;

import java.time.Instant;

/** A ticket that waited on the customer runs again, with its deadlines moved by the time waited. */
public record TicketResumed(long ticketId, String ticketNo, long pausedSeconds, Instant resumedAt) {
}
