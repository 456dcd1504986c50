package org.heatdesk.followup;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working days, Monday to Friday in the company zone (the ticket module's calendar is internal to
 * it): a follow-up is due, and a complaint answered, N working days after a moment, at the same
 * time of day. Pure.
 */
final class WorkingDays {

	private WorkingDays() {
	}

	/** {@code from} plus {@code days} working days (Saturday and Sunday skipped), same local time. */
	static Instant plus(Instant from, int days, ZoneId zone) {
		ZonedDateTime t = from.atZone(zone);
		LocalDate d = t.toLocalDate();
		int left = days;
		while (left > 0) {
			d = d.plusDays(1);
			if (working(d)) {
				left--;
			}
		}
		return t.with(d).toInstant();
	}

	static boolean working(LocalDate d) {
		return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
	}
}
