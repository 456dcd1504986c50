package org.heatdesk.ticket;

import java.time.Instant;

/** A ticket was cancelled with a reason (a duplicate, a caller who withdrew); it is kept. */
public record TicketCancelled(long ticketId, String ticketNo, Long customerId, String reason, Instant cancelledAt) {
}
