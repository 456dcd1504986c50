package org.heatdesk.ticket;

import java.time.Instant;

/**
 * How far a ticket has come, for the public portal (portal-b, issue 18): the marks' times, the
 * on-site time and deadline, the technician holding it and, once resolved, the result. Nothing is
 * masked: the portal shows it only to who gave the ticket's number with its phone, and masks the
 * address and phone itself.
 * @param phones the numbers the ticket was recorded with (the caller's and the contact phone), for
 *     the portal's check of a number and phone pair
 * @param technicianName the display name of the technician holding it, or {@code null} when no
 *     technician holds it
 * @param round 1 for the first round, 2 after one reopening …
 */
public record PublicTicketProgress(String ticketNo, TicketType type, String categoryName, Channel channel,
		TicketStatus status, int round, Long customerId, java.util.List<String> phones, String address,
		Instant recordedAt, Instant dispatchedAt, Instant respondedAt, Instant onSiteAt, Instant resolvedAt,
		Instant closedAt, Instant cancelledAt, Instant onSiteDue, String technicianName, String result, boolean incident) {
}
