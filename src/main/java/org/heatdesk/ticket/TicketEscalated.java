package org.heatdesk.ticket;

import java.time.Instant;

/** A ticket was escalated to a team lead, by an agent with a reason or by the deadline sweep (fromStaffId null). */
public record TicketEscalated(long ticketId, String ticketNo, Long fromStaffId, Long toStaffId, String reason, Instant escalatedAt) {
}
