package org.heatdesk.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refused attempts (unknown keys, unknown users, locked accounts) counted per source and minute
 * instead of one audit row each: anyone on the network can send them, and the trail is never pruned.
 * The first refusal of a kind from an address in a minute is a row of its own; the rest of that
 * minute are counted and written as one {@code REFUSALS_REPEATED} row when the minute is over. A
 * source (address, kind and user or key prefix) past {@code heatdesk.security.refusal-limit} refusals
 * in a minute is answered 429 until the minute ends, without a look at the credentials or a row.
 * Counts are per node: with several nodes each writes its own summary.
 */
@Component
class RepeatedRefusals {

	/** Distinct sources followed in one minute; past it new ones are neither limited nor summarised apart. */
	private static final int MAX_TRACKED = 10_000;

	/** User names or key prefixes a summary lists; the rest are only counted. */
	private static final int MAX_ACTORS_LISTED = 10;

	private final Clock clock;

	private final int limit;

	private final Map<Group, Summary> summaries = new ConcurrentHashMap<>();

	private final Map<Source, Counter> counters = new ConcurrentHashMap<>();

	/** What the summary rows are written through; set by the trail (the two need each other). */
	private volatile AuditTrail trail;

	RepeatedRefusals(Clock clock, @Value("${heatdesk.security.refusal-limit:20}") int limit) {
		this.clock = clock;
		this.limit = limit;
	}

	void attach(AuditTrail trail) {
		this.trail = trail;
	}

	private record Group(String address, String group, String action) {
	}

	private record Source(String address, String kind, String actor) {
	}

	private static final class Counter {

		final long minute;

		int count;

		Counter(long minute) {
			this.minute = minute;
		}
	}

	private static final class Summary {

		final long minute;

		final String kind;

		final String entityType;

		int further;

		int limited;

		final LinkedHashSet<String> actors = new LinkedHashSet<>();

		int otherActors;

		Summary(long minute, String kind, String entityType) {
			this.minute = minute;
			this.kind = kind;
			this.entityType = entityType;
		}
	}

	private long minute() {
		return clock.instant().getEpochSecond() / 60;
	}

	/**
	 * Counts a refusal; {@code true} when it is the first of its group this minute and is to be written
	 * as a row of its own.
	 * @param group refusals that are one story (e.g. all unknown keys, or one locked account)
	 */
	synchronized boolean count(String address, String kind, String group, String action, String entityType, String actor) {
		long now = minute();
		bump(address, kind, actor, now);
		Group key = new Group(address, kind + ":" + group, action);
		Summary summary = summaries.get(key);
		if (summary != null && summary.minute != now) {
			flush(key, summary);
			summary = null;
		}
		if (summary == null) {
			if (summaries.size() < MAX_TRACKED) {
				summaries.put(key, new Summary(now, kind, entityType));
			}
			return true;
		}
		summary.further++;
		note(summary, actor);
		return false;
	}

	/**
	 * Seconds until this source may try again, counting this attempt among those limited; empty when
	 * it is under the limit.
	 */
	synchronized OptionalLong retryAfter(String address, String kind, String actor) {
		long now = minute();
		Counter counter = counters.get(new Source(address, kind, actor));
		if (counter == null || counter.minute != now || counter.count < limit) {
			return OptionalLong.empty();
		}
		for (var entry : summaries.entrySet()) {
			if (entry.getKey().address().equals(address) && entry.getValue().kind.equals(kind) && entry.getValue().minute == now) {
				entry.getValue().limited++;
				note(entry.getValue(), actor);
				break;
			}
		}
		Instant next = Instant.ofEpochSecond((now + 1) * 60);
		return OptionalLong.of(Math.max(1, clock.instant().until(next, ChronoUnit.SECONDS) + 1));
	}

	/** Counts a refusal toward the limit only (its row is written elsewhere, e.g. with the failure count). */
	synchronized void countTowardLimit(String address, String kind, String actor) {
		bump(address, kind, actor, minute());
	}

	private void bump(String address, String kind, String actor, long now) {
		Source source = new Source(address, kind, actor);
		Counter counter = counters.get(source);
		if (counter == null || counter.minute != now) {
			if (counter == null && counters.size() >= MAX_TRACKED) {
				return;
			}
			counter = new Counter(now);
			counters.put(source, counter);
		}
		counter.count++;
	}

	private static void note(Summary summary, String actor) {
		if (actor == null || summary.actors.contains(actor)) {
			return;
		}
		if (summary.actors.size() < MAX_ACTORS_LISTED) {
			summary.actors.add(actor);
		}
		else {
			summary.otherActors++;
		}
	}

	/** Writes the summaries of minutes that are over; every few seconds, so a summary is never long late. */
	@Scheduled(fixedDelay = 5_000)
	void flushFinished() {
		flush(false);
	}

	/** Writes every pending summary, also of the current minute (tests, shutdown). */
	synchronized void flush(boolean all) {
		long now = minute();
		counters.values().removeIf(c -> c.minute != now);
		List<Map.Entry<Group, Summary>> due = new ArrayList<>();
		for (var entry : summaries.entrySet()) {
			if (all || entry.getValue().minute != now) {
				due.add(entry);
			}
		}
		for (var entry : due) {
			flush(entry.getKey(), entry.getValue());
		}
	}

	private void flush(Group key, Summary summary) {
		summaries.remove(key);
		if (summary.further == 0 && summary.limited == 0) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", summary.kind);
		details.put("refusedAction", key.action());
		details.put("count", summary.further);
		details.put("limited", summary.limited);
		details.put("since", Instant.ofEpochSecond(summary.minute * 60).toString());
		details.put("until", Instant.ofEpochSecond((summary.minute + 1) * 60).toString());
		details.put("actors", List.copyOf(summary.actors));
		if (summary.otherActors > 0) {
			details.put("otherActors", summary.otherActors);
		}
		AuditTrail t = trail;
		if (t != null) {
			t.insertRefusalSummary(key.address(), summary.entityType, key.group(), details);
		}
	}
}
