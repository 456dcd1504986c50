package org.heatdesk.ticket;

import java.time.Instant;

/** The customer has heard back (有回音). */
public record TicketResponded(long ticketId, String ticketNo, Long customerId, Instant respondedAt) {
}
