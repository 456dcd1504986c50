package org.heatdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

	static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");

	@Test
	void fifthFailureWithinFifteenMinutesLocksForFifteenMinutes() {
		LoginThrottle t = new LoginThrottle(0, null, null);
		for (int i = 0; i < 4; i++) {
			t = t.afterFailure(T0.plus(Duration.ofMinutes(3L * i)));
			assertThat(t.lockedAt(T0.plus(Duration.ofMinutes(3L * i)))).isFalse();
		}
		Instant fifth = T0.plus(Duration.ofMinutes(14));
		t = t.afterFailure(fifth);
		assertThat(t.lockedAt(fifth)).isTrue();
		assertThat(t.lockedAt(fifth.plus(Duration.ofMinutes(14)))).isTrue();
		assertThat(t.lockedAt(fifth.plus(Duration.ofMinutes(15)))).isFalse();
	}

	@Test
	void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
		LoginThrottle t = new LoginThrottle(0, null, null);
		// four failures in the first window, the fifth 15 minutes after the first starts a new window
		for (int i = 0; i < 4; i++) {
			t = t.afterFailure(T0.plus(Duration.ofMinutes(i)));
		}
		Instant late = T0.plus(Duration.ofMinutes(15));
		t = t.afterFailure(late);
		assertThat(t.lockedAt(late)).isFalse();
		assertThat(t.failedLogins()).isEqualTo(1);
		assertThat(t.windowStart()).isEqualTo(late);
	}

	@Test
	void countingStartsAfreshAfterALock() {
		LoginThrottle t = new LoginThrottle(4, T0, null).afterFailure(T0.plusSeconds(60));
		Instant after = t.lockedUntil().plusSeconds(1);
		LoginThrottle next = t.afterFailure(after);
		assertThat(next.lockedAt(after)).isFalse();
		assertThat(next.failedLogins()).isEqualTo(1);
	}
}
