package org.heatdesk.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The days not rolled up yet (today always), counted live and kept for
 * {@code heatdesk.reporting.live.ttl} (a minute). A day's count holds every scope, so the company's
 * report and every team's and agent's pages share one count of the day instead of each counting a
 * day of up to two hundred thousand tickets again (docs/benchmarks.md). Only the first reader of a
 * day waits for its count (and those arriving while it is counted wait for that one); once it is
 * older than the ttl, readers get it at once while it is counted again in the background, so a
 * report of today never waits for the database once today has been counted. With a ttl of zero
 * every read counts afresh (the tests, which count right after writing).
 */
@Component
class LiveCounts implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveCounts.class);

	/** More days than this kept, and the expired ones are dropped. */
	private static final int KEPT = 20_000;

	private final Clock clock;

	private final Duration ttl;

	private final Map<Key, Entry> kept = new ConcurrentHashMap<>();

	private final ExecutorService refresher = Executors.newFixedThreadPool(2, r -> {
		Thread t = new Thread(r, "live-counts");
		t.setDaemon(true);
		return t;
	});

	LiveCounts(Clock clock, @Value("${heatdesk.reporting.live.ttl:PT1M}") Duration ttl) {
		this.clock = clock;
		this.ttl = ttl;
	}

	/** The figure's counts of {@code day} ({@code [from, to)}): at most the ttl old, or being counted again. */
	List<DayCount> count(ComplianceFigure figure, LocalDate day, Instant from, Instant to) {
		if (ttl.isZero() || ttl.isNegative()) {
			return figure.count(from, to);
		}
		Key key = new Key(figure.definition().code(), day);
		Instant now = clock.instant();
		Entry entry = kept.get(key);
		if (entry == null) {
			Entry first = new Entry(now, new FutureTask<>(() -> figure.count(from, to)), null);
			entry = kept.putIfAbsent(key, first);
			if (entry == null) {
				entry = first;
				first.task().run();
				prune(now);
			}
		}
		else if (entry.expired(now, ttl) && entry.task().isDone()) {
			List<DayCount> last = entry.settled();
			Entry again = new Entry(now, new FutureTask<>(() -> figure.count(from, to)), last);
			if (kept.replace(key, entry, again)) {
				if (last == null) {
					// the last count failed: nothing to show meanwhile, so count here
					again.task().run();
				}
				else {
					refresher.execute(again.task());
				}
			}
			entry = kept.getOrDefault(key, again);
		}
		if (!entry.task().isDone() && entry.previous() != null) {
			return entry.previous();
		}
		try {
			return entry.task().get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while a day was counted", e);
		}
		catch (ExecutionException e) {
			if (entry.previous() != null) {
				// the last count stands until the next try, a ttl later
				FutureTask<List<DayCount>> last = new FutureTask<>(entry::previous);
				last.run();
				kept.replace(key, entry, new Entry(entry.at(), last, null));
				log.warn("counting {} of {} again failed; the last count stands", key.code(), day, e.getCause());
				return entry.previous();
			}
			kept.remove(key, entry);
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	private void prune(Instant now) {
		if (kept.size() > KEPT) {
			kept.values().removeIf(e -> e.expired(now, ttl) && e.task().isDone());
		}
	}

	@Override
	public void destroy() {
		refresher.shutdownNow();
	}

	private record Key(String code, LocalDate day) {
	}

	/** A count started {@code at}; {@code previous}, the count before it, is shown while it runs. */
	private record Entry(Instant at, FutureTask<List<DayCount>> task, List<DayCount> previous) {

		boolean expired(Instant now, Duration ttl) {
			return !at.plus(ttl).isAfter(now);
		}

		/** The count, once done; {@code null} when it failed. */
		List<DayCount> settled() {
			try {
				return task.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return null;
			}
			catch (ExecutionException e) {
				return null;
			}
		}
	}
}
