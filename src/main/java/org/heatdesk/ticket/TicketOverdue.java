package org.heatdesk.ticket;

import java.time.Instant;

/** A mark's deadline passed before the mark was reached. */
public record TicketOverdue(long ticketId, String ticketNo, String mark, Instant deadline, Long assigneeId, Instant detectedAt) {
}
