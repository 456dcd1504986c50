package org.heatdesk.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Set;

/**
 * The clock that deadlines run on: during the heating season (15 November – 15 March by default,
 * both days included) every second counts; outside it only working hours on working days do. Pure:
 * every method takes the instants it works on.
 */
public record SlaCalendar(MonthDay seasonStart, MonthDay seasonEnd, LocalTime workStart, LocalTime workEnd,
		Set<DayOfWeek> workDays, ZoneId zone) {

	/** Safety bound: no deadline lies more than ten years of days ahead. */
	private static final int MAX_DAYS = 3660;

	public SlaCalendar {
		if (!workStart.isBefore(workEnd)) {
			throw new IllegalArgumentException("working hours must end after they start");
		}
		workDays = Set.copyOf(workDays);
	}

	public boolean inSeason(LocalDate date) {
		MonthDay day = MonthDay.from(date);
		if (seasonStart.isAfter(seasonEnd)) {
			return !day.isBefore(seasonStart) || !day.isAfter(seasonEnd);
		}
		return !day.isBefore(seasonStart) && !day.isAfter(seasonEnd);
	}

	/** The counting window of a date, or {@code null} when nothing counts that day. */
	private Instant[] window(LocalDate date) {
		if (inSeason(date)) {
			return new Instant[] { date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant() };
		}
		if (workDays.contains(date.getDayOfWeek())) {
			return new Instant[] { date.atTime(workStart).atZone(zone).toInstant(),
					date.atTime(workEnd).atZone(zone).toInstant() };
		}
		return null;
	}

	/**
	 * The instant at which {@code amount} of counting time has passed since {@code start}. A zero
	 * amount outside counting time gives the next moment the clock runs.
	 */
	public Instant plus(Instant start, Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("negative duration");
		}
		Duration remaining = amount;
		LocalDate date = LocalDate.ofInstant(start, zone);
		for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
			Instant[] w = window(date);
			if (w == null) {
				continue;
			}
			Instant from = start.isAfter(w[0]) ? start : w[0];
			if (!from.isBefore(w[1])) {
				continue;
			}
			Duration available = Duration.between(from, w[1]);
			if (remaining.compareTo(available) <= 0) {
				return from.plus(remaining);
			}
			remaining = remaining.minus(available);
		}
		throw new IllegalStateException("deadline beyond the calendar");
	}

	/** Counting time between two instants (zero when {@code to} is not after {@code from}). */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate date = LocalDate.ofInstant(from, zone);
		LocalDate last = LocalDate.ofInstant(to, zone);
		for (; !date.isAfter(last); date = date.plusDays(1)) {
			Instant[] w = window(date);
			if (w == null) {
				continue;
			}
			Instant a = from.isAfter(w[0]) ? from : w[0];
			Instant b = to.isBefore(w[1]) ? to : w[1];
			if (b.isAfter(a)) {
				total = total.plus(Duration.between(a, b));
			}
		}
		return total;
	}

	/**
	 * The end of the {@code days}-th counting day after the one {@code start} falls in (0 = the same
	 * day, 当天). When {@code start} lies after that day's counting time, or on a day without any,
	 * the next day with counting time is "the same day".
	 */
	public Instant endOfCountingDay(Instant start, int days) {
		LocalDate date = LocalDate.ofInstant(start, zone);
		int left = days;
		boolean first = true;
		for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
			Instant[] w = window(date);
			if (w == null || (first && !start.isBefore(w[1]))) {
				first = false;
				continue;
			}
			first = false;
			if (left == 0) {
				return w[1];
			}
			left--;
		}
		throw new IllegalStateException("deadline beyond the calendar");
	}
}
