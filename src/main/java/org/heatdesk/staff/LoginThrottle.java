package org.heatdesk.staff;

import java.time.Duration;
import java.time.Instant;

/**
 * The lock-out rule: {@value #MAX_FAILURES} failed logins within {@link #WINDOW} lock the account
 * for {@link #LOCK}. Pure arithmetic over the stored counters, so it can be tested on its own.
 */
record LoginThrottle(int failedLogins, Instant windowStart, Instant lockedUntil) {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	boolean lockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	/** The counters after one more failure at {@code now}; the last failure of a run locks. */
	LoginThrottle afterFailure(Instant now) {
		boolean freshWindow = windowStart == null || !now.isBefore(windowStart.plus(WINDOW));
		int count = freshWindow ? 1 : failedLogins + 1;
		Instant start = freshWindow ? now : windowStart;
		if (count >= MAX_FAILURES) {
			// Counting starts afresh once the lock has run out.
			return new LoginThrottle(0, null, now.plus(LOCK));
		}
		return new LoginThrottle(count, start, null);
	}
}
