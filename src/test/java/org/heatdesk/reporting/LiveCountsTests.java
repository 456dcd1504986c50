package org.heatdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.heatdesk.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * A day counted live is counted once a minute whoever reads it: a second reader within the minute
 * gets the same count, one after it a fresh one, readers arriving while it is counted wait for that
 * count, and a count that failed is not kept.
 */
class LiveCountsTests {

	/** A figure whose every count is one more than the last, after {@code gate} opens. */
	static final class Counting implements ComplianceFigure {

		final AtomicInteger counted = new AtomicInteger();

		volatile CountDownLatch gate = new CountDownLatch(0);

		volatile boolean fail;

		@Override
		public FigureDefinition definition() {
			return new FigureDefinition("test.counted", "7(三)", FigureUnit.COUNT, true, BigDecimal.ONE,
					LandedFigures.COMPANY);
		}

		@Override
		public List<DayCount> count(Instant from, Instant to) {
			try {
				gate.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			if (fail) {
				throw new IllegalStateException("the database went away");
			}
			return List.of(DayCount.of(Scope.COMPANY, counted.incrementAndGet(), 1));
		}

		@Override
		public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale) {
			return List.of();
		}
	}

	static final LocalDate DAY = LocalDate.of(2026, 1, 8);

	static final Instant FROM = Instant.parse("2026-01-07T16:00:00Z");

	static final Instant TO = Instant.parse("2026-01-08T16:00:00Z");

	@Test
	void aDayIsCountedOnceAMinuteAndAgainInTheBackgroundWhileTheLastCountIsShown() throws Exception {
		MovableClock clock = new MovableClock(Instant.parse("2026-01-08T02:00:00Z"));
		LiveCounts live = new LiveCounts(clock, Duration.ofMinutes(1));
		Counting figure = new Counting();
		assertThat(live.count(figure, DAY, FROM, TO).get(0).numerator()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(59));
		assertThat(live.count(figure, DAY, FROM, TO).get(0).numerator()).isEqualTo(1);
		// another day is its own count
		assertThat(live.count(figure, DAY.minusDays(1), FROM.minusSeconds(86400), FROM).get(0).numerator()).isEqualTo(2);
		// a minute on: the reader gets the last count at once while the day is counted again (held at the gate)
		figure.gate = new CountDownLatch(1);
		clock.advance(Duration.ofSeconds(1));
		assertThat(live.count(figure, DAY, FROM, TO).get(0).numerator()).isEqualTo(1);
		assertThat(live.count(figure, DAY, FROM, TO).get(0).numerator()).isEqualTo(1);
		figure.gate.countDown();
		assertThat(eventually(() -> live.count(figure, DAY, FROM, TO).get(0).numerator(), 3L)).isEqualTo(3);
		assertThat(figure.counted).hasValue(3);
		// a count again that fails leaves the last one standing
		figure.fail = true;
		clock.advance(Duration.ofSeconds(60));
		assertThat(live.count(figure, DAY, FROM, TO).get(0).numerator()).isEqualTo(3);
		Thread.sleep(100);
		assertThat(live.count(figure, DAY, FROM, TO).get(0).numerator()).isEqualTo(3);
		live.destroy();
	}

	private static long eventually(java.util.function.LongSupplier read, long expected) throws InterruptedException {
		long last = read.getAsLong();
		for (int i = 0; i < 100 && last != expected; i++) {
			Thread.sleep(50);
			last = read.getAsLong();
		}
		return last;
	}

	@Test
	void withoutATtlEveryReadCounts() {
		LiveCounts live = new LiveCounts(new MovableClock(Instant.parse("2026-01-08T02:00:00Z")), Duration.ZERO);
		Counting figure = new Counting();
		live.count(figure, DAY, FROM, TO);
		live.count(figure, DAY, FROM, TO);
		assertThat(figure.counted).hasValue(2);
	}

	@Test
	void readersArrivingDuringACountWaitForItAndAFailedCountIsNotKept() throws Exception {
		LiveCounts live = new LiveCounts(new MovableClock(Instant.parse("2026-01-08T02:00:00Z")), Duration.ofMinutes(1));
		Counting figure = new Counting();
		figure.gate = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<List<DayCount>>> readers = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				readers.add(pool.submit(() -> live.count(figure, DAY, FROM, TO)));
			}
			Thread.sleep(200);
			figure.gate.countDown();
			for (Future<List<DayCount>> r : readers) {
				assertThat(r.get(10, TimeUnit.SECONDS).get(0).numerator()).isEqualTo(1);
			}
			assertThat(figure.counted).hasValue(1);
		}
		finally {
			pool.shutdownNow();
		}
		Counting failing = new Counting();
		failing.fail = true;
		assertThatThrownBy(() -> live.count(failing, DAY.plusDays(1), TO, TO.plusSeconds(86400)))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("went away");
		failing.fail = false;
		assertThat(live.count(failing, DAY.plusDays(1), TO, TO.plusSeconds(86400)).get(0).numerator()).isEqualTo(1);
	}
}
