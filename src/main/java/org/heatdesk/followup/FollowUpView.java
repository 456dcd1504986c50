package org.heatdesk.followup;

import java.time.Instant;
import java.util.List;

/**
 * A follow-up as the pages and the API show it. {@code phone} is the number to call as stored:
 * pages show it only masked.
 * @param attemptDays the days (company zone, ISO) on which a call was not answered, oldest first
 */
record FollowUpView(long id, String ticketNo, int round, String ticketType, Long customerId, String phone,
		String resolver, Instant resolvedAt, Instant dueAt, FollowUpStatus status, Satisfaction satisfaction,
		Boolean solved, String comment, String suggestion, String channel, String doneBy, Instant doneAt,
		Long contactId, String smsComment, Instant queuedAt, int attempts, List<String> attemptDays) {

	boolean overdue(Instant now) {
		return status == FollowUpStatus.QUEUED && dueAt.isBefore(now);
	}
}
