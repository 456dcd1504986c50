package org.heatdesk.ticket;

import java.time.Instant;

/** A ticket waits on the customer (PENDING_CUSTOMER): its deadline clock stopped. */
public record TicketPaused(long ticketId, String ticketNo, String reason, Instant pausedAt) {
}
