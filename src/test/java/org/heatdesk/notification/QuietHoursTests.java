package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI);

	@Test
	void aMessageInTheDayGoesAtOnce() {
		// 14:30 in Jinan is 06:30 UTC
		Instant at = Instant.parse("2026-11-30T06:30:00Z");
		assertThat(night.earliest(at)).isEqualTo(at);
	}

	@Test
	void aMessageLateInTheEveningWaitsForSevenTomorrow() {
		// 23:10 on the 30th in Jinan (15:10 UTC) waits until 07:00 on 1 December = 23:00 UTC on the 30th
		assertThat(night.earliest(Instant.parse("2026-11-30T15:10:00Z"))).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
	}

	@Test
	void aMessageAfterMidnightWaitsForSevenTheSameMorning() {
		// 03:00 on 1 December in Jinan (19:00 UTC on the 30th) waits until 07:00 the same day = 23:00 UTC
		assertThat(night.earliest(Instant.parse("2026-11-30T19:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
	}

	@Test
	void theBoundaries() {
		// 22:00 sharp is quiet; 07:00 sharp is not; 21:59 is not
		assertThat(night.earliest(Instant.parse("2026-11-30T14:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
		assertThat(night.earliest(Instant.parse("2026-11-30T23:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
		assertThat(night.earliest(Instant.parse("2026-11-30T13:59:00Z"))).isEqualTo(Instant.parse("2026-11-30T13:59:00Z"));
	}

	@Test
	void quietHoursWithinOneDayAndNone() {
		QuietHours noon = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), SHANGHAI);
		// 12:15 local = 04:15 UTC → 13:30 local = 05:30 UTC
		assertThat(noon.earliest(Instant.parse("2026-11-30T04:15:00Z"))).isEqualTo(Instant.parse("2026-11-30T05:30:00Z"));
		QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SHANGHAI);
		assertThat(none.earliest(Instant.parse("2026-11-30T16:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
	}
}
