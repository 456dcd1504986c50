package org.heatdesk.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One node's delivery of the outbox. A batch of due rows is claimed in a short transaction
 * ({@code for update skip locked}, so nodes never claim the same row) and leased to this node
 * ({@code SENDING}, {@code locked_by}, {@code locked_until}); each is then handed to the gateway outside
 * any transaction, and its outcome written only while the lease is still this node's. A row whose
 * lease ran out (its node died mid-send) is claimed again.
 *
 * <p>What "never twice" means: a row is SENT once — the SENT update is conditional on the lease — and
 * a node sends only rows it holds a live lease on, renewing the lease before each send. What no outbox
 * can promise is the provider's side of a lost answer: when the provider took a message but its answer
 * never arrived (a timeout, a crash just after the send), the attempt counts as failed and the message
 * is sent again with the same idempotency key (its id); a provider that honours the key sends it once,
 * one that does not may send it twice. At least once towards such a provider, exactly once in the outbox.
 */
final class OutboxWorker {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private static final int MAX_ERROR = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final SmsGateway gateway;

	private final DeliveryProperties.Delivery settings;

	private final String node;

	private final Clock clock;

	private final DeliveryMetrics metrics;

	private final DeliveryThrottle throttle;

	private final BooleanSupplier stopping;

	OutboxWorker(JdbcClient jdbc, TransactionTemplate tx, SmsGateway gateway, DeliveryProperties.Delivery settings,
			String node, Clock clock, DeliveryMetrics metrics, BooleanSupplier stopping) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.gateway = gateway;
		this.settings = settings;
		this.node = node;
		this.clock = clock;
		this.metrics = metrics;
		this.throttle = new DeliveryThrottle(settings.ratePerSecond());
		this.stopping = stopping;
	}

	String node() {
		return node;
	}

	/** A claimed row. */
	record Claimed(long id, String phone, String body, int attempts) {
	}

	/** Claims one batch and delivers it; the number of rows claimed (a full batch: call again). */
	int deliverBatch() {
		if (stopping.getAsBoolean()) {
			return 0;
		}
		List<Claimed> batch = claim();
		if (batch.isEmpty()) {
			return 0;
		}
		Set<Long> unsent = new HashSet<>();
		batch.forEach(c -> unsent.add(c.id()));
		Instant leaseUntil = clock.instant().plus(settings.lease());
		try {
			for (Claimed c : batch) {
				if (stopping.getAsBoolean() || !throttle.acquire(stopping)) {
					break;
				}
				// renew before the lease is half gone, and send only what is still ours
				if (clock.instant().isAfter(leaseUntil.minus(settings.lease().dividedBy(2)))) {
					leaseUntil = clock.instant().plus(settings.lease());
					Set<Long> held = renew(unsent, leaseUntil);
					unsent.retainAll(held);
				}
				if (!unsent.contains(c.id())) {
					continue;
				}
				deliver(c);
				unsent.remove(c.id());
			}
		}
		finally {
			if (!unsent.isEmpty()) {
				release(unsent);
			}
		}
		return batch.size();
	}

	/** Delivers until nothing is due (or the node stops); the number of rows claimed. */
	int drain() {
		int total = 0;
		int n;
		do {
			n = deliverBatch();
			total += n;
		}
		while (n >= settings.batchSize() && !stopping.getAsBoolean());
		return total;
	}

	private List<Claimed> claim() {
		Instant now = clock.instant();
		Timestamp until = Timestamp.from(now.plus(settings.lease()));
		return tx.execute(status -> {
			List<Claimed> claimed = new ArrayList<>(jdbc.sql("""
					update notification_message m set status = 'SENDING', locked_by = :node, locked_until = :until
					 where m.id in (select id from notification_message
					                 where status = 'SENDING' and locked_until < :now
					                 order by locked_until, id limit :n for update skip locked)
					returning m.id, m.phone, m.body, m.attempts""")
				.param("node", node)
				.param("until", until)
				.param("now", Timestamp.from(now))
				.param("n", settings.batchSize())
				.query((rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
				.list());
			if (!claimed.isEmpty()) {
				log.warn("outbox: {} took over {} message(s) whose lease had run out (a node stopped mid-send)", node,
						claimed.size());
			}
			int room = settings.batchSize() - claimed.size();
			if (room > 0) {
				claimed.addAll(jdbc.sql("""
						update notification_message m set status = 'SENDING', locked_by = :node, locked_until = :until
						 where m.id in (select id from notification_message
						                 where status = 'QUEUED' and not_before <= :now
						                 order by not_before, id limit :n for update skip locked)
						returning m.id, m.phone, m.body, m.attempts""")
					.param("node", node)
					.param("until", until)
					.param("now", Timestamp.from(now))
					.param("n", room)
					.query((rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
					.list());
			}
			// returning gives no order: deliver oldest due first
			claimed.sort(java.util.Comparator.comparingLong(Claimed::id));
			return claimed;
		});
	}

	// a SENT message keeps the error of its last failed attempt: why it took three tries stays visible
	private void deliver(Claimed c) {
		long start = System.nanoTime();
		String providerId;
		try {
			providerId = gateway.send(c.phone(), c.body(), c.id());
		}
		catch (SmsGateway.GatewayFailure failure) {
			metrics.gatewayCall(System.nanoTime() - start, false);
			failed(c, failure);
			return;
		}
		catch (RuntimeException e) {
			metrics.gatewayCall(System.nanoTime() - start, false);
			failed(c, SmsGateway.GatewayFailure.retryable("gateway error: " + e));
			return;
		}
		metrics.gatewayCall(System.nanoTime() - start, true);
		int updated = jdbc.sql("""
				update notification_message
				   set status = 'SENT', provider_id = ?, sent_at = ?, attempts = attempts + 1,
				       locked_by = null, locked_until = null
				 where id = ? and status = 'SENDING' and locked_by = ?""")
			.params(clip(providerId, 100), Timestamp.from(clock.instant()), c.id(), node)
			.update();
		if (updated == 1) {
			metrics.sent();
		}
		else {
			log.warn("outbox: message {} was sent by {} after its lease had gone to another node", c.id(), node);
			metrics.leaseLost();
		}
	}

	private void failed(Claimed c, SmsGateway.GatewayFailure failure) {
		int attempts = c.attempts() + 1;
		String error = clip(failure.reason(), MAX_ERROR);
		Instant now = clock.instant();
		if (!failure.retryable() || attempts >= settings.maxAttempts()) {
			int n = jdbc.sql("""
					update notification_message
					   set status = 'FAILED', attempts = attempts + 1, last_error = ?, locked_by = null, locked_until = null
					 where id = ? and status = 'SENDING' and locked_by = ?""")
				.params(error, c.id(), node)
				.update();
			if (n == 1) {
				metrics.failed();
			}
			log.warn("outbox: message {} FAILED after {} attempt(s): {}", c.id(), attempts, error);
			return;
		}
		Duration wait = settings.backoffAfter(attempts);
		int n = jdbc.sql("""
				update notification_message
				   set status = 'QUEUED', attempts = attempts + 1, last_error = ?, not_before = ?,
				       locked_by = null, locked_until = null
				 where id = ? and status = 'SENDING' and locked_by = ?""")
			.params(error, Timestamp.from(now.plus(wait)), c.id(), node)
			.update();
		if (n == 1) {
			metrics.retried();
		}
	}

	private Set<Long> renew(Set<Long> ids, Instant until) {
		return new HashSet<>(jdbc.sql("""
				update notification_message set locked_until = :until
				 where id in (:ids) and status = 'SENDING' and locked_by = :node returning id""")
			.param("until", Timestamp.from(until))
			.param("ids", List.copyOf(ids))
			.param("node", node)
			.query(Long.class)
			.list());
	}

	/** Gives back rows not sent (the node stops): due again at once, for this or another node, no attempt counted. */
	private void release(Set<Long> ids) {
		int n = jdbc.sql("""
				update notification_message set status = 'QUEUED', locked_by = null, locked_until = null
				 where id in (:ids) and status = 'SENDING' and locked_by = :node""")
			.param("ids", List.copyOf(ids))
			.param("node", node)
			.update();
		if (n > 0) {
			log.info("outbox: {} gave back {} claimed message(s) unsent", node, n);
		}
	}

	private static String clip(String s, int max) {
		if (s == null) {
			return null;
		}
		return s.length() > max ? s.substring(0, max - 1) + "…" : s;
	}
}
