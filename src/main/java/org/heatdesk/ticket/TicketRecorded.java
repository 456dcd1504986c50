package org.heatdesk.ticket;

import java.time.Instant;

/** A ticket was recorded (有记录); the first responder is fixed from now on. */
public record TicketRecorded(long ticketId, String ticketNo, TicketType type, Long customerId, long firstResponderId, Long contactId, Instant recordedAt) {
}
