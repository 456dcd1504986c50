package org.heatdesk.ticket;

import java.time.Instant;

/** A ticket reached its result (有结果); the result text is on the ticket. */
public record TicketResolved(long ticketId, String ticketNo, TicketType type, Long customerId, Long parentId, Instant resolvedAt) {
}
