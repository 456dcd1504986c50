package org.heatdesk.notification;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket: at most {@code ratePerSecond} sends a second on average, bursts up to one second's
 * worth. Per node: two nodes together send up to twice the rate (the provider's own limit answers 429,
 * which the outbox retries).
 */
final class DeliveryThrottle {

	private final double ratePerSecond;

	private final double capacity;

	private double tokens;

	private long last = System.nanoTime();

	DeliveryThrottle(double ratePerSecond) {
		this.ratePerSecond = ratePerSecond;
		this.capacity = Math.max(1, ratePerSecond);
		this.tokens = capacity;
	}

	/** Waits for a token; false when interrupted or {@code stop} asked to stop meanwhile. */
	synchronized boolean acquire(java.util.function.BooleanSupplier stop) {
		if (ratePerSecond <= 0) {
			return !stop.getAsBoolean();
		}
		while (true) {
			long now = System.nanoTime();
			tokens = Math.min(capacity, tokens + (now - last) / 1e9 * ratePerSecond);
			last = now;
			if (tokens >= 1) {
				tokens -= 1;
				return true;
			}
			if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
				return false;
			}
			long waitNanos = (long) ((1 - tokens) / ratePerSecond * 1e9);
			LockSupport.parkNanos(Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(200)));
		}
	}
}
