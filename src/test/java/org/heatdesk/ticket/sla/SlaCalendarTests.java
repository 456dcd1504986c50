package org.heatdesk.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.PropertyChecks.between;
import static org.heatdesk.PropertyChecks.forAll;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** Deadline arithmetic: heating season 24/7, working hours outside it, same-day limits, pauses. */
class SlaCalendarTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final SlaCalendar CALENDAR = new SlaCalendar(MonthDay.of(11, 15), MonthDay.of(3, 15), LocalTime.of(8, 0),
			LocalTime.of(17, 30), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), ZONE);

	static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(ZONE).toInstant();
	}

	@Test
	void inTheSeasonTheClockRunsAroundTheClock() {
		// Friday 27 November 2026, 10:00 + 8 h = 18:00 the same evening
		assertThat(CALENDAR.plus(at("2026-11-27T10:00"), Duration.ofHours(8))).isEqualTo(at("2026-11-27T18:00"));
		// Saturday night counts too
		assertThat(CALENDAR.plus(at("2026-11-28T23:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-29T01:00"));
	}

	@Test
	void outsideTheSeasonOnlyWorkingHoursCount() {
		// Friday 5 June 2026 16:00: 1.5 h left that day, the other 0.5 h on Monday 8 June from 08:00
		assertThat(CALENDAR.plus(at("2026-06-05T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-06-08T08:30"));
		// before opening: Monday 06:00 + 15 min = 08:15
		assertThat(CALENDAR.plus(at("2026-06-08T06:00"), Duration.ofMinutes(15))).isEqualTo(at("2026-06-08T08:15"));
		// exactly filling the day ends at closing time
		assertThat(CALENDAR.plus(at("2026-06-08T08:00"), Duration.ofMinutes(570))).isEqualTo(at("2026-06-08T17:30"));
		assertThat(CALENDAR.between(at("2026-06-05T16:00"), at("2026-06-08T08:30"))).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void theSeasonBoundariesAreIncluded() {
		// Monday 15 March 2027 is the last day of the season: 2 h until midnight, then Tuesday is a working day
		assertThat(CALENDAR.plus(at("2027-03-15T22:00"), Duration.ofHours(4))).isEqualTo(at("2027-03-16T10:00"));
		// Saturday 14 November 2026 is outside (no work), Sunday 15 November the season starts at 00:00
		assertThat(CALENDAR.plus(at("2026-11-14T12:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-15T01:00"));
		assertThat(CALENDAR.inSeason(java.time.LocalDate.of(2027, 3, 15))).isTrue();
		assertThat(CALENDAR.inSeason(java.time.LocalDate.of(2027, 3, 16))).isFalse();
		assertThat(CALENDAR.inSeason(java.time.LocalDate.of(2026, 11, 14))).isFalse();
		assertThat(CALENDAR.inSeason(java.time.LocalDate.of(2027, 1, 1))).isTrue();
	}

	@Test
	void sameDayAndDayLimits() {
		assertThat(CALENDAR.endOfCountingDay(at("2026-11-27T10:00"), 0)).isEqualTo(at("2026-11-28T00:00"));
		assertThat(CALENDAR.endOfCountingDay(at("2026-11-27T10:00"), 3)).isEqualTo(at("2026-12-01T00:00"));
		assertThat(CALENDAR.endOfCountingDay(at("2026-06-05T10:00"), 0)).isEqualTo(at("2026-06-05T17:30"));
		// after closing on Friday "the same day" is the next working day, Monday
		assertThat(CALENDAR.endOfCountingDay(at("2026-06-05T18:00"), 0)).isEqualTo(at("2026-06-08T17:30"));
		// three working days after Friday: Monday, Tuesday, Wednesday
		assertThat(CALENDAR.endOfCountingDay(at("2026-06-05T10:00"), 3)).isEqualTo(at("2026-06-10T17:30"));
		assertThat(Limit.parse("EOD").from(at("2026-06-05T10:00"), CALENDAR)).isEqualTo(at("2026-06-05T17:30"));
		assertThat(Limit.parse("15m").from(at("2026-11-27T10:00"), CALENDAR)).isEqualTo(at("2026-11-27T10:15"));
		assertThat(Limit.parse("3d").days()).isEqualTo(3);
		assertThat(Limit.valid("2w")).isFalse();
		assertThat(Limit.parse(" ")).isNull();
	}

	@Test
	void timeWaitingOnTheCustomerDoesNotCount() {
		Deadlines due = new Deadlines(null, null, null, at("2026-11-27T18:00"));
		// paused 12:00–15:00 in the season: the 6 h left at 12:00 run from 15:00
		assertThat(due.resumed(at("2026-11-27T12:00"), at("2026-11-27T15:00"), CALENDAR).resolve())
			.isEqualTo(at("2026-11-27T21:00"));
		// outside the season: due Monday 08:30, paused Friday 17:00 with 1 h of working time left
		Deadlines summer = new Deadlines(at("2026-06-08T08:30"), null, null, null);
		assertThat(summer.resumed(at("2026-06-05T17:00"), at("2026-06-08T09:00"), CALENDAR).dispatch())
			.isEqualTo(at("2026-06-08T10:00"));
		// a deadline already passed when the pause began stays passed
		Deadlines late = new Deadlines(at("2026-11-27T11:00"), null, null, null);
		assertThat(late.resumed(at("2026-11-27T12:00"), at("2026-11-27T15:00"), CALENDAR).dispatch())
			.isEqualTo(at("2026-11-27T11:00"));
	}

	static Instant anInstant(java.util.SplittableRandom random) {
		return Instant.ofEpochSecond(between(random, at("2026-01-01T00:00").getEpochSecond(), at("2028-12-31T00:00").getEpochSecond()));
	}

	@Test
	void countingTimeToTheDeadlineIsTheLimit() {
		forAll(300, random -> {
			Instant start = anInstant(random);
			long seconds = between(random, 0L, 20L * 24 * 3600);
			Instant due = CALENDAR.plus(start, Duration.ofSeconds(seconds));
			assertThat(CALENDAR.between(start, due)).isEqualTo(Duration.ofSeconds(seconds));
			assertThat(due).isAfterOrEqualTo(start.plusSeconds(seconds));
		});
	}

	@Test
	void longerLimitsNeverEndEarlier() {
		forAll(300, random -> {
			Instant start = anInstant(random);
			long a = between(random, 0L, 864000L);
			long b = between(random, 0L, 864000L);
			Instant first = CALENDAR.plus(start, Duration.ofSeconds(Math.min(a, b)));
			Instant second = CALENDAR.plus(start, Duration.ofSeconds(Math.max(a, b)));
			assertThat(second).isAfterOrEqualTo(first);
		});
	}

	@Test
	void limitsAdd() {
		forAll(300, random -> {
			Instant start = anInstant(random);
			long a = between(random, 0L, 864000L);
			long b = between(random, 1L, 864000L);
			assertThat(CALENDAR.plus(CALENDAR.plus(start, Duration.ofSeconds(a)), Duration.ofSeconds(b)))
				.isEqualTo(CALENDAR.plus(start, Duration.ofSeconds(a + b)));
		});
	}

	@Test
	void aPauseNeverLosesNorGainsCountingTime() {
		forAll(300, random -> {
			Instant recorded = anInstant(random);
			long limit = between(random, 60L, 864000L);
			long untilPause = between(random, 0L, 864000L);
			long pause = between(random, 0L, 864000L);
			Instant due = CALENDAR.plus(recorded, Duration.ofSeconds(limit));
			Instant pausedAt = recorded.plusSeconds(untilPause);
			Instant resumedAt = pausedAt.plusSeconds(pause);
			Instant after = new Deadlines(due, null, null, null).resumed(pausedAt, resumedAt, CALENDAR).dispatch();
			if (due.isAfter(pausedAt)) {
				assertThat(CALENDAR.between(resumedAt, after)).isEqualTo(CALENDAR.between(pausedAt, due));
				// the counting time used before the pause plus the time left after it is the whole limit
				assertThat(CALENDAR.between(recorded, pausedAt).plus(CALENDAR.between(resumedAt, after)))
					.isEqualTo(Duration.ofSeconds(limit));
			}
			else {
				assertThat(after).isEqualTo(due);
			}
		});
	}

	@Test
	void inTheMiddleOfWinterCountingTimeIsWallClockTime() {
		forAll(200, random -> {
			Instant start = at("2026-12-01T00:00").plusSeconds(between(random, 0L, 40L * 24 * 3600));
			long seconds = between(random, 0L, 10L * 24 * 3600);
			assertThat(CALENDAR.plus(start, Duration.ofSeconds(seconds))).isEqualTo(start.plusSeconds(seconds));
		});
	}
}
