package org.heatdesk.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One value kept for a short while: the public pages' reads (the outages now, the published texts)
 * are the same for every visitor, and a cold snap brings a hundred times the usual visits. Readers
 * during a refresh are served the old value rather than each starting a query of its own; only the
 * first reader of an empty cache waits.
 */
final class PortalCache<T> {

	private record Entry<T>(T value, Instant until) {
	}

	private final Duration ttl;

	private final Clock clock;

	private volatile Entry<T> entry;

	private final Object refreshing = new Object();

	PortalCache(Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
	}

	T get(Supplier<T> load) {
		Entry<T> e = entry;
		Instant now = clock.instant();
		if (e != null && now.isBefore(e.until())) {
			return e.value();
		}
		synchronized (refreshing) {
			e = entry;
			if (e != null && clock.instant().isBefore(e.until())) {
				return e.value();
			}
			T value = load.get();
			entry = new Entry<>(value, clock.instant().plus(ttl));
			return value;
		}
	}

	void clear() {
		entry = null;
	}
}
