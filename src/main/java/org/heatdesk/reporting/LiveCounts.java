package org.heatdesk.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The days not rolled up yet (today always), counted live and kept for
 * {@code heatdesk.reporting.live.ttl} (a minute): a day's count holds every scope, so the company's
 * report, each team's page and each agent's figures opened within that minute share one count of
 * the day instead of each counting a day of up to a hundred thousand tickets again. Readers asking
 * for a day being counted wait for that count rather than starting their own. With a ttl of zero
 * every read counts afresh (the tests, which count right after writing).
 */
@Component
class LiveCounts {

	/** More days than this kept, and the expired ones are dropped. */
	private static final int KEPT = 20_000;

	private final Clock clock;

	private final Duration ttl;

	private final Map<Key, Entry> kept = new ConcurrentHashMap<>();

	LiveCounts(Clock clock, @Value("${heatdesk.reporting.live.ttl:PT1M}") Duration ttl) {
		this.clock = clock;
		this.ttl = ttl;
	}

	/** The figure's counts of {@code day} ({@code [from, to)}), at most the ttl old. */
	List<DayCount> count(ComplianceFigure figure, LocalDate day, Instant from, Instant to) {
		if (ttl.isZero() || ttl.isNegative()) {
			return figure.count(from, to);
		}
		Key key = new Key(figure.definition().code(), day);
		Instant now = clock.instant();
		Entry entry = kept.get(key);
		if (entry == null || entry.expired(now, ttl)) {
			Entry fresh = new Entry(now, new FutureTask<>(() -> figure.count(from, to)));
			boolean mine = entry == null ? kept.putIfAbsent(key, fresh) == null : kept.replace(key, entry, fresh);
			if (mine) {
				fresh.task().run();
				if (kept.size() > KEPT) {
					kept.values().removeIf(e -> e.expired(now, ttl));
				}
			}
			entry = mine ? fresh : kept.getOrDefault(key, fresh);
			if (!mine && entry == fresh) {
				// the one that won was dropped meanwhile: count here
				fresh.task().run();
			}
		}
		try {
			return entry.task().get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while a day was counted", e);
		}
		catch (ExecutionException e) {
			kept.remove(key, entry);
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	private record Key(String code, LocalDate day) {
	}

	private record Entry(Instant at, FutureTask<List<DayCount>> task) {

		boolean expired(Instant now, Duration ttl) {
			return !at.plus(ttl).isAfter(now);
		}
	}
}
