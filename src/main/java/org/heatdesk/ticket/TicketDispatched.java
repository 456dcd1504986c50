package org.heatdesk.ticket;

import java.time.Instant;

/** A ticket was assigned to whoever will act (有指令). */
public record TicketDispatched(long ticketId, String ticketNo, Long assigneeId, Long teamId, Instant dispatchedAt) {
}
