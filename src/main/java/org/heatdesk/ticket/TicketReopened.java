package org.heatdesk.ticket;

import java.time.Instant;

/** A resolved or closed ticket was reopened because the customer was not satisfied. */
public record TicketReopened(long ticketId, String ticketNo, Long customerId, String reason, Instant reopenedAt) {
}
