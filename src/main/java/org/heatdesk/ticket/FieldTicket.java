package org.heatdesk.ticket;

import java.time.Instant;

/**
 * A ticket as field work needs it (the dispatch module): where to go, who holds it, the marks
 * reached and the on-site deadline (10.2). No phone numbers: the phone pages mask those themselves.
 * @param onSiteDue the deadline of the on-site mark, or {@code null} when the policy sets none
 */
public record FieldTicket(long id, String ticketNo, TicketType type, TicketStatus status, Long customerId,
		String address, Long substationId, Long communityId, Long assigneeId, Instant dispatchedAt,
		Instant respondedAt, Instant onSiteAt, Instant onSiteDue, Instant resolvedAt) {
}
