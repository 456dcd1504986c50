package org.heatdesk.ticket;

import java.time.Instant;

/**
 * An earlier ticket of a customer or an address, as the technician at the door reads it: what was
 * wrong and what was done.
 * @param result the result once resolved, else {@code null}
 */
public record PastTicket(String ticketNo, Instant recordedAt, String categoryName, TicketStatus status, String result,
		Instant resolvedAt) {
}
