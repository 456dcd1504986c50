package org.heatdesk.shift;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shift times and the heating season ({@code heatdesk.shift.*}). A shift that ends at or
 * before its start ends the next day (the evening shift 16:00–00:00, a night shift 00:00–08:00
 * starts on its own date).
 * @param allowedBreak breaks (reasons BREAK and MEAL) a person may take in one shift; away time
 *        beyond it counts
 * @param lateGrace clocking in within this after the start is not late
 * @param handoverLead how long before the start the incoming lead opens the hand-over (7(七): 15 min)
 */
@ConfigurationProperties("heatdesk.shift")
record RosterSettings(@DefaultValue("08:00") LocalTime dayStart, @DefaultValue("16:00") LocalTime dayEnd,
		@DefaultValue("16:00") LocalTime eveningStart, @DefaultValue("00:00") LocalTime eveningEnd,
		@DefaultValue("00:00") LocalTime nightStart, @DefaultValue("08:00") LocalTime nightEnd,
		@DefaultValue("08:30") LocalTime officeStart, @DefaultValue("17:30") LocalTime officeEnd,
		@DefaultValue("11-15") String seasonStart, @DefaultValue("03-15") String seasonEnd,
		@DefaultValue("60m") Duration allowedBreak, @DefaultValue("0m") Duration lateGrace,
		@DefaultValue("15m") Duration handoverLead) {

	RosterSettings {
		MonthDay.parse("--" + seasonStart);
		MonthDay.parse("--" + seasonEnd);
		if (allowedBreak.isNegative() || lateGrace.isNegative() || handoverLead.isNegative()) {
			throw new IllegalArgumentException("heatdesk.shift: durations must not be negative");
		}
	}

	/** Whether {@code day} is in the heating season (its first and last days included). */
	boolean inSeason(LocalDate day) {
		MonthDay d = MonthDay.from(day);
		MonthDay from = MonthDay.parse("--" + seasonStart);
		MonthDay to = MonthDay.parse("--" + seasonEnd);
		if (!from.isAfter(to)) {
			return !d.isBefore(from) && !d.isAfter(to);
		}
		return !d.isBefore(from) || !d.isAfter(to);
	}

	LocalTime start(RosterShiftKind kind) {
		return switch (kind) {
			case DAY -> dayStart;
			case EVENING -> eveningStart;
			case NIGHT -> nightStart;
			case OFFICE -> officeStart;
		};
	}

	LocalTime end(RosterShiftKind kind) {
		return switch (kind) {
			case DAY -> dayEnd;
			case EVENING -> eveningEnd;
			case NIGHT -> nightEnd;
			case OFFICE -> officeEnd;
		};
	}

	ZonedDateTime startOn(LocalDate day, RosterShiftKind kind, ZoneId zone) {
		return day.atTime(start(kind)).atZone(zone);
	}

	ZonedDateTime endOn(LocalDate day, RosterShiftKind kind, ZoneId zone) {
		LocalTime s = start(kind);
		LocalTime e = end(kind);
		return (e.isAfter(s) ? day : day.plusDays(1)).atTime(e).atZone(zone);
	}
}
