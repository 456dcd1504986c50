package org.heatdesk.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Working days by hand on the calendar of late 2026 (30 November is a Monday). */
class WorkingDaysTests {

	private static final ZoneId Z = ZoneId.of("Asia/Shanghai");

	private static Instant at(int month, int day, int hour) {
		return ZonedDateTime.of(2026, month, day, hour, 30, 0, 0, Z).toInstant();
	}

	@Test
	void weekdaysCountWeekendsDoNot() {
		// Monday 30 Nov 10:30 + 2 → Wednesday 2 Dec 10:30
		assertThat(WorkingDays.plus(at(11, 30, 10), 2, Z)).isEqualTo(at(12, 2, 10));
		// Thursday 3 Dec + 2 → Friday 4, (Sat 5, Sun 6), Monday 7
		assertThat(WorkingDays.plus(at(12, 3, 16), 2, Z)).isEqualTo(at(12, 7, 16));
		// Friday 4 Dec + 2 → Monday 7, Tuesday 8
		assertThat(WorkingDays.plus(at(12, 4, 9), 2, Z)).isEqualTo(at(12, 8, 9));
		// Saturday 5 Dec + 1 → Monday 7
		assertThat(WorkingDays.plus(at(12, 5, 9), 1, Z)).isEqualTo(at(12, 7, 9));
		// Sunday 6 Dec + 5 → Mon 7 … Fri 11
		assertThat(WorkingDays.plus(at(12, 6, 23), 5, Z)).isEqualTo(at(12, 11, 23));
	}

	@Test
	void theDayIsTheCompanysNotUtcs() {
		// Friday 4 Dec 01:30 in Shanghai is Thursday 3 Dec 17:30 UTC: counted from Friday → Tuesday 8 Dec 01:30
		assertThat(WorkingDays.plus(at(12, 4, 1), 2, Z)).isEqualTo(at(12, 8, 1));
	}
}
