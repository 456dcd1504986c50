package org.heatdesk.ticket;

import java.time.Instant;

/**
 * What a message to the customer about a ticket needs (the notification module): who to tell and
 * the values a message names. The phone is the number the caller left (the contact phone, else the
 * number they called from), for a ticket without a customer; give it only to the outbox.
 * @param assigneeId who holds the ticket now (the technician once it went to the field)
 * @param onSiteDue the deadline of the on-site mark, or {@code null} when the policy sets none
 * @param result the result once resolved, else {@code null}
 */
public record TicketNotice(String ticketNo, TicketType type, Long customerId, String phone, Long parentId,
		boolean incident, Long outageId, Long assigneeId, Instant recordedAt, Instant dispatchedAt, Instant onSiteDue,
		Instant resolvedAt, String result) {
}
