package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Which shift covers a moment, with day shift 08:00–20:00 and night shift 20:00–08:00 in Shanghai. */
class DutyTimesTests {

	final DutyTimes times = new DutyTimes(LocalTime.of(8, 0), LocalTime.of(20, 0), ZoneId.of("Asia/Shanghai"));

	@Test
	void theSmallHoursBelongToTheNightShiftOfTheDayBefore() {
		// 2026-12-01 03:00 in Shanghai is 2026-11-30 19:00 UTC
		assertThat(times.slotAt(Instant.parse("2026-11-30T19:00:00Z")))
			.isEqualTo(new DutyTimes.Slot(LocalDate.of(2026, 11, 30), Shift.NIGHT));
		// 07:59:59 still the night before; 08:00 the day shift
		assertThat(times.slotAt(Instant.parse("2026-11-30T23:59:59Z")))
			.isEqualTo(new DutyTimes.Slot(LocalDate.of(2026, 11, 30), Shift.NIGHT));
		assertThat(times.slotAt(Instant.parse("2026-12-01T00:00:00Z")))
			.isEqualTo(new DutyTimes.Slot(LocalDate.of(2026, 12, 1), Shift.DAY));
		// 20:00 the night shift of the same date
		assertThat(times.slotAt(Instant.parse("2026-12-01T12:00:00Z")))
			.isEqualTo(new DutyTimes.Slot(LocalDate.of(2026, 12, 1), Shift.NIGHT));
	}

	@Test
	void aNightShiftEndsTheNextMorning() {
		DutyTimes.Slot night = new DutyTimes.Slot(LocalDate.of(2026, 12, 1), Shift.NIGHT);
		assertThat(times.start(night)).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
		assertThat(times.end(night)).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
	}
}
