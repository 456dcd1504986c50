package org.heatdesk.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.heatdesk.platform.HeatDeskException;

/**
 * The days a report covers, both included, in the company's zone. A period ends on or after its
 * start and covers at most three years (a longer one would be a mistake, and slow).
 */
public record Period(LocalDate from, LocalDate to) {

	static final int MAX_DAYS = 3 * 366;

	public Period {
		if (from == null) {
			throw HeatDeskException.badInput("REPORT_PERIOD_MISSING", "from");
		}
		if (to == null) {
			throw HeatDeskException.badInput("REPORT_PERIOD_MISSING", "to");
		}
		if (to.isBefore(from)) {
			throw HeatDeskException.badInput("REPORT_PERIOD_REVERSED", "to", from, to);
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			throw HeatDeskException.badInput("REPORT_PERIOD_TOO_LONG", "to", 3);
		}
	}

	public static Period day(LocalDate day) {
		return new Period(day, day);
	}

	public static Period month(java.time.YearMonth month) {
		return new Period(month.atDay(1), month.atEndOfMonth());
	}

	/** The days as many before this period: the trend's comparison. */
	public Period previous() {
		long days = days();
		return new Period(from.minusDays(days), from.minusDays(1));
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	public Instant start(ZoneId zone) {
		return from.atStartOfDay(zone).toInstant();
	}

	/** The instant the period ends (exclusive): the start of the day after {@link #to()}. */
	public Instant end(ZoneId zone) {
		return to.plusDays(1).atStartOfDay(zone).toInstant();
	}
}
