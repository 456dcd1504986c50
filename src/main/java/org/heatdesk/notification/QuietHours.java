package org.heatdesk.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours in which customers are not disturbed by messages that can wait (the night: 22:00–07:00
 * by default). Pure: the earliest moment a message queued at a given instant may go.
 */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

	/** {@code at} itself outside the quiet hours, otherwise their end. */
	Instant earliest(Instant at) {
		if (start.equals(end)) {
			return at;
		}
		ZonedDateTime local = at.atZone(zone);
		LocalTime t = local.toLocalTime();
		boolean overMidnight = start.isAfter(end);
		boolean quiet = overMidnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
		if (!quiet) {
			return at;
		}
		ZonedDateTime endToday = local.with(end);
		// before midnight in a night that crosses it, the quiet hours end tomorrow
		ZonedDateTime until = overMidnight && !t.isBefore(start) ? endToday.plusDays(1) : endToday;
		return until.toInstant();
	}
}
