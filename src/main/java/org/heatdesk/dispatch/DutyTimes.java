package org.heatdesk.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Which rostered shift covers a moment, pure: the day shift of a date runs from the day-shift start
 * to the night-shift start; the night shift of a date from its night-shift start to the next
 * morning's day-shift start, so at 03:00 the night shift on duty is the one of the date before.
 */
record DutyTimes(LocalTime dayStart, LocalTime nightStart, ZoneId zone) {

	/** A shift on a date. */
	record Slot(LocalDate day, Shift shift) {
	}

	/** The shift slot whose working hours hold {@code at}. */
	Slot slotAt(Instant at) {
		LocalDateTime local = LocalDateTime.ofInstant(at, zone);
		LocalTime time = local.toLocalTime();
		LocalDate day = local.toLocalDate();
		if (time.isBefore(dayStart)) {
			return new Slot(day.minusDays(1), Shift.NIGHT);
		}
		return time.isBefore(nightStart) ? new Slot(day, Shift.DAY) : new Slot(day, Shift.NIGHT);
	}

	/** When the shift of {@code slot} starts. */
	Instant start(Slot slot) {
		return slot.day().atTime(slot.shift() == Shift.DAY ? dayStart : nightStart).atZone(zone).toInstant();
	}

	/** When the shift of {@code slot} ends. */
	Instant end(Slot slot) {
		return slot.shift() == Shift.DAY ? slot.day().atTime(nightStart).atZone(zone).toInstant()
				: slot.day().plusDays(1).atTime(dayStart).atZone(zone).toInstant();
	}
}
