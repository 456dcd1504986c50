package org.heatdesk.ticket;

import java.time.Instant;

/**
 * What a follow-up needs of a ticket: its request and result, who resolved the round, how to reach
 * the customer. For the followup module acting as the system; nothing in it is masked, so a page
 * shows it only through the customer module's masking.
 * @param round the number of the current round (1 until the ticket is reopened)
 */
public record FollowUpTicket(long id, String ticketNo, TicketType type, String categoryName, TicketStatus status,
		Long customerId, String callerPhone, String contactPhone, String address, String description, String result,
		String resolvedBy, Instant resolvedAt, int round, Long parentId, Instant recordedAt, String assignee,
		Long aboutStaffId) {
}
