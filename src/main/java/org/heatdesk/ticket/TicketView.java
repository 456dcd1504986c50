package org.heatdesk.ticket;

import java.time.Instant;

/**
 * A ticket as other modules see it.
 * @param firstResponder username of the staff member who recorded it (首问负责人), fixed forever
 * @param assignee username of who holds it now, or {@code null} when it waits in a team queue
 * @param nextDeadline the deadline of the next mark to reach, or {@code null}
 * @param nextMark that mark ({@code DISPATCHED}, {@code RESPONDED}, {@code RESOLVED}), or {@code null}
 */
public record TicketView(long id, String ticketNo, TicketType type, String categoryName, Priority priority,
		TicketStatus status, Long customerId, String description, String firstResponder, String assignee,
		Instant recordedAt, Instant nextDeadline, String nextMark) {
}
