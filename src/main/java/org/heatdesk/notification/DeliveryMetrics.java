package org.heatdesk.notification;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox in Prometheus: the queue by status and the age of the oldest due message (read from the
 * database, so every node reports the whole outbox; cached a few seconds so a scrape costs one query),
 * and this node's sent, failed and retried counts and gateway latency.
 */
final class DeliveryMetrics {

	static final List<String> STATUSES = List.of("QUEUED", "SENDING", "SENT", "FAILED", "SKIPPED");

	private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Counter sent;

	private final Counter failed;

	private final Counter retried;

	private final Counter leaseLost;

	private final Timer latencyOk;

	private final Timer latencyFailed;

	private volatile Snapshot snapshot;

	record Snapshot(long at, Map<String, Long> counts, double oldestDueSeconds) {
	}

	DeliveryMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		sent = Counter.builder("heatdesk.notification.sent").description("messages handed to the gateway and marked SENT")
			.register(registry);
		failed = Counter.builder("heatdesk.notification.failed")
			.description("messages given up (a permanent refusal or the last attempt failed)")
			.register(registry);
		retried = Counter.builder("heatdesk.notification.retried")
			.description("failed attempts put back in the queue with a backoff")
			.register(registry);
		leaseLost = Counter.builder("heatdesk.notification.lease.lost")
			.description("sends whose outcome came after the lease had passed to another node")
			.register(registry);
		latencyOk = Timer.builder("heatdesk.notification.gateway.latency").tag("outcome", "ok")
			.description("time of one gateway call").register(registry);
		latencyFailed = Timer.builder("heatdesk.notification.gateway.latency").tag("outcome", "failed")
			.description("time of one gateway call").register(registry);
		for (String status : STATUSES) {
			Gauge.builder("heatdesk.notification.queue", this, m -> m.current().counts().getOrDefault(status, 0L))
				.tag("status", status)
				.description("messages in the outbox by status")
				.register(registry);
		}
		Gauge.builder("heatdesk.notification.oldest.due.age", this, m -> m.current().oldestDueSeconds())
			.baseUnit("seconds")
			.description("how long the oldest QUEUED message has been due (0: none waiting)")
			.register(registry);
	}

	/** Without a registry (a benchmark's or test's extra node): counts nowhere. */
	static DeliveryMetrics none(JdbcClient jdbc, Clock clock) {
		return new DeliveryMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), jdbc, clock);
	}

	void sent() {
		sent.increment();
	}

	void failed() {
		failed.increment();
	}

	void retried() {
		retried.increment();
	}

	void leaseLost() {
		leaseLost.increment();
	}

	void gatewayCall(long nanos, boolean ok) {
		(ok ? latencyOk : latencyFailed).record(nanos, TimeUnit.NANOSECONDS);
	}

	Snapshot current() {
		Snapshot s = snapshot;
		long now = System.nanoTime();
		if (s == null || now - s.at() > CACHE_NANOS) {
			s = read(now);
			snapshot = s;
		}
		return s;
	}

	private Snapshot read(long at) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("select status, count(*) from notification_message group by status")
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		Double age = jdbc.sql("""
				select extract(epoch from (? - min(not_before))) from notification_message
				 where status = 'QUEUED' and not_before <= ?""")
			.params(java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()))
			.query(Double.class)
			.optional()
			.orElse(null);
		return new Snapshot(at, counts, age == null ? 0 : Math.max(0, age));
	}
}
