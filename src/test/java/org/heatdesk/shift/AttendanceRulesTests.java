package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The attendance of one shift, pure: values worked out by hand in the comments. */
class AttendanceRulesTests {

	static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

	static final Instant END = START.plus(Duration.ofHours(8));

	static final Duration ALLOWED = Duration.ofMinutes(60);

	@Test
	void aShiftNotStartedCountsNothing() {
		var r = AttendanceRules.compute(START, END, null, null, List.of(), ALLOWED, Duration.ZERO, START.minusSeconds(1));
		assertThat(r.started()).isFalse();
		assertThat(r.late()).isFalse();
	}

	@Test
	void withoutClockInAShiftInProgressIsLateSoFarAndAnEndedOneAbsent() {
		// 25 minutes into the shift and not clocked in: late 25
		var running = AttendanceRules.compute(START, END, null, null, List.of(), ALLOWED, Duration.ZERO,
				START.plus(Duration.ofMinutes(25)));
		assertThat(running.lateMinutes()).isEqualTo(25);
		assertThat(running.absent()).isFalse();
		var ended = AttendanceRules.compute(START, END, null, null, List.of(), ALLOWED, Duration.ZERO, END);
		assertThat(ended.absent()).isTrue();
		assertThat(ended.lateMinutes()).isZero();
	}

	@Test
	void graceAndWholeMinutes() {
		// in at 08:02:59 with a 3-minute grace: not late; with none: late 2 (whole minutes, rounded down)
		Instant in = START.plusSeconds(179);
		assertThat(AttendanceRules.compute(START, END, in, null, List.of(), ALLOWED, Duration.ofMinutes(3), END).late()).isFalse();
		assertThat(AttendanceRules.compute(START, END, in, null, List.of(), ALLOWED, Duration.ZERO, END).lateMinutes()).isEqualTo(2);
	}

	@Test
	void awayTimeStillOpenCountsUntilNowAndNotBeyondTheShift() {
		// clocked in on time, away for OTHER since 15:30 and not back; now is 17:00 (after the 16:00 end): 30 minutes
		var r = AttendanceRules.compute(START, END, START, null,
				List.of(new AttendanceRules.Away("OTHER", END.minus(Duration.ofMinutes(30)), null)), ALLOWED, Duration.ZERO,
				END.plus(Duration.ofHours(1)));
		assertThat(r.otherAwayMinutes()).isEqualTo(30);
		assertThat(r.awayBeyondMinutes()).isEqualTo(30);
		// breaks within the allowance count nothing against the person: 25 + 35 = 60 ≤ 60
		var ok = AttendanceRules.compute(START, END, START, END,
				List.of(new AttendanceRules.Away("BREAK", START.plusSeconds(3600), START.plusSeconds(3600 + 25 * 60)),
						new AttendanceRules.Away("MEAL", START.plusSeconds(4 * 3600), START.plusSeconds(4 * 3600 + 35 * 60))),
				ALLOWED, Duration.ZERO, END);
		assertThat(ok.breakMinutes()).isEqualTo(60);
		assertThat(ok.awayBeyondMinutes()).isZero();
	}
}
