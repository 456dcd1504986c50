package org.heatdesk.ticket;

import java.time.Instant;

/** A transfer or escalation was accepted: the ticket has a new holder. */
public record TicketTransferred(long ticketId, String ticketNo, long fromStaffId, long toStaffId, Long toTeamId,
		Instant acceptedAt) {
}
