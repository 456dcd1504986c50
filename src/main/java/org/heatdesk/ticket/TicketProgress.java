package org.heatdesk.ticket;

import java.time.Instant;

/**
 * How far a ticket has come, for a system outside the center that asked for it (the 12345 platform):
 * the times of the four marks (有记录、有指令、有回音、有结果) and, once resolved, the result.
 * @param result the result text while the ticket is resolved or closed, else {@code null}
 */
public record TicketProgress(String ticketNo, TicketStatus status, Instant recordedAt, Instant dispatchedAt,
		Instant respondedAt, Instant resolvedAt, Instant closedAt, String result) {
}
