package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real HTTP provider (the tests' {@link TestSmsServer}) that fails on command,
 * worked by worker instances standing for nodes. The application's own node is paused meanwhile so
 * that only the nodes of a test deliver its messages.
 */
@HeatDeskTest
class OutboxDeliveryIntegrationTests {

	private static final Actor SYSTEM = Actor.system("test");

	@Autowired
	CustomerMessages messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	OutboxDelivery node;

	@Autowired
	Clock clock;

	TestSmsServer provider;

	AutoCloseable paused;

	@BeforeEach
	void setUp() throws Exception {
		paused = node.pause();
		provider = new TestSmsServer();
	}

	@AfterEach
	void tearDown() throws Exception {
		provider.close();
		paused.close();
	}

	@Test
	void aGatewayFailingWith500GarbageAndTimeoutsThenRecoveringDeliversEachMessageOnceWithItsAttempts() {
		List<Long> ids = queue(5, true);
		// every message: 1st attempt 500, 2nd a 2xx that is not JSON, 3rd no answer in time, 4th accepted
		provider.script = (id, n) -> switch (n) {
			case 1 -> TestSmsServer.Answer.SERVER_ERROR;
			case 2 -> TestSmsServer.Answer.GARBAGE;
			case 3 -> TestSmsServer.Answer.TIMEOUT;
			default -> TestSmsServer.Answer.OK;
		};
		provider.timeoutPause = Duration.ofSeconds(3);
		OutboxWorker worker = worker("node-a", settings(6), () -> false);

		worker.drain();
		assertThat(row(ids.get(0))).containsEntry("status", "QUEUED").containsEntry("attempts", 1);
		assertThat((String) row(ids.get(0)).get("last_error")).startsWith("HTTP 500");
		worker.drain();
		assertThat((String) row(ids.get(0)).get("last_error")).startsWith("HTTP 200 without \"id\"").contains("Gateway Time-out");
		worker.drain();
		assertThat((String) row(ids.get(0)).get("last_error")).startsWith("timeout");
		assertThat(row(ids.get(0))).containsEntry("attempts", 3).containsEntry("status", "QUEUED");
		worker.drain();
		worker.drain();

		for (long id : ids) {
			Map<String, Object> r = row(id);
			assertThat(r).containsEntry("status", "SENT").containsEntry("attempts", 4).containsEntry("provider_id", "p-" + id);
			assertThat(r.get("sent_at")).isNotNull();
			// the last failed attempt's reason stays on the sent message
			assertThat((String) r.get("last_error")).startsWith("timeout");
			assertThat(provider.attempts(id)).isEqualTo(4);
			assertThat(provider.accepted(id)).isEqualTo(1);
		}
		// every attempt carried the message's id as the idempotency key, and the JSON body from the template
		assertThat(provider.requests).filteredOn(r -> ids.contains(r.messageId()))
			.hasSize(20)
			.allSatisfy(r -> assertThat(r.body()).contains("\"clientId\":\"" + r.messageId() + "\"").contains("\"to\":\"1"));
	}

	@Test
	void retriesWaitTheirBackoffAndAMessageIsFailedAfterTheLastAttempt() {
		long id = queue(1, true).get(0);
		provider.script = (m, n) -> TestSmsServer.Answer.SERVER_ERROR;
		DeliveryProperties.Delivery backoff = new DeliveryProperties.Delivery(true, "", 50, Duration.ofSeconds(1),
				Duration.ofSeconds(30), 3, List.of(Duration.ofMinutes(10)), 0);
		OutboxWorker worker = worker("node-b", backoff, () -> false);
		Instant before = clock.instant();
		worker.drain();
		Map<String, Object> r = row(id);
		assertThat(r).containsEntry("status", "QUEUED").containsEntry("attempts", 1);
		// due again 10 minutes after the failure
		assertThat(((Timestamp) r.get("not_before")).toInstant()).isBetween(before.plus(Duration.ofMinutes(10)),
				clock.instant().plus(Duration.ofMinutes(10)));
		worker.drain();
		assertThat(provider.attempts(id)).as("not due yet: not tried again").isEqualTo(1);

		// the backoff passed twice (moved back by hand): the third attempt is the last
		for (int i = 0; i < 2; i++) {
			jdbc.sql("update notification_message set not_before = now() - interval '1 second' where id = ?").param(id).update();
			worker.drain();
		}
		assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 3);
		assertThat(provider.attempts(id)).isEqualTo(3);
	}

	@Test
	void aPermanentRefusalFailsTheMessageAtOnceAndItIsNotTriedAgain() {
		long refused = queue(1, true).get(0);
		provider.script = (id, n) -> id == refused ? TestSmsServer.Answer.BAD_REQUEST : TestSmsServer.Answer.TOO_MANY;
		long limited = queue(1, true).get(0);
		OutboxWorker worker = worker("node-c", settings(6), () -> false);
		worker.drain();
		worker.drain();
		assertThat(row(refused)).containsEntry("status", "FAILED").containsEntry("attempts", 1);
		assertThat((String) row(refused).get("last_error")).isEqualTo("HTTP 400: {\"error\":\"invalid number\"}");
		assertThat(provider.attempts(refused)).isEqualTo(1);
		// 429 is the provider's rate limit, not a refusal: tried again (twice by now, the backoff being 0 here)
		assertThat(row(limited)).containsEntry("status", "QUEUED");
		assertThat(provider.attempts(limited)).isEqualTo(2);
	}

	@Test
	void afterARestartPendingMessagesAndAMessageLeftMidSendAreDeliveredButALiveLeaseIsLeftAlone() {
		List<Long> ids = queue(3, true);
		long leftMidSend = ids.get(1);
		long heldByLiveNode = ids.get(2);
		// the node that died had claimed one (its lease ran out a minute ago); a live node holds another
		jdbc.sql("update notification_message set status = 'SENDING', locked_by = 'dead-node', locked_until = now() - interval '1 minute' where id = ?")
			.param(leftMidSend)
			.update();
		jdbc.sql("update notification_message set status = 'SENDING', locked_by = 'live-node', locked_until = now() + interval '2 minutes' where id = ?")
			.param(heldByLiveNode)
			.update();

		OutboxWorker restarted = worker("restarted-node", settings(6), () -> false);
		restarted.drain();

		assertThat(row(ids.get(0))).containsEntry("status", "SENT");
		assertThat(row(leftMidSend)).containsEntry("status", "SENT").containsEntry("provider_id", "p-" + leftMidSend);
		assertThat(row(heldByLiveNode)).containsEntry("status", "SENDING").containsEntry("locked_by", "live-node");
		assertThat(provider.attempts(heldByLiveNode)).isZero();
		assertThat(provider.accepted(ids.get(0)) + provider.accepted(leftMidSend)).isEqualTo(2);
		// the live node cannot be overtaken; it finishes it in the test's stead
		jdbc.sql("update notification_message set status = 'QUEUED', locked_by = null, locked_until = null where id = ?")
			.param(heldByLiveNode)
			.update();
		restarted.drain();
		assertThat(row(heldByLiveNode)).containsEntry("status", "SENT");
	}

	@Test
	void aNodeStoppingMidBatchGivesTheRestBackAndTheNextNodeSendsThem() {
		List<Long> ids = queue(10, true);
		Set<Long> seen = ConcurrentHashMap.newKeySet();
		// the node is told to stop once it has handed over three messages
		OutboxWorker stopping = worker("stopping-node", settings(6), () -> seen.size() >= 3);
		provider.script = (id, n) -> {
			if (ids.contains(id)) {
				seen.add(id);
			}
			return TestSmsServer.Answer.OK;
		};
		stopping.deliverBatch();
		long sent = ids.stream().filter(id -> "SENT".equals(row(id).get("status"))).count();
		assertThat(sent).isEqualTo(3);
		// given back, not stuck in SENDING until the lease runs out
		assertThat(ids).allSatisfy(id -> assertThat(row(id).get("status")).isIn("SENT", "QUEUED"));
		worker("next-node", settings(6), () -> false).drain();
		assertThat(ids).allSatisfy(id -> {
			assertThat(row(id)).containsEntry("status", "SENT").containsEntry("attempts", 1);
			assertThat(provider.accepted(id)).isEqualTo(1);
		});
	}

	@Test
	void twoNodesDrainingOneOutboxOf500SendEachMessageExactlyOnce() throws Exception {
		List<Long> ids = queue(500, true);
		// one in ten fails once, so the nodes also meet retries
		provider.script = (id, n) -> id % 10 == 0 && n == 1 ? TestSmsServer.Answer.SERVER_ERROR : TestSmsServer.Answer.OK;
		DeliveryProperties.Delivery small = new DeliveryProperties.Delivery(true, "", 20, Duration.ofSeconds(1),
				Duration.ofSeconds(30), 6, List.of(Duration.ZERO), 0);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (String name : List.of("node-1", "node-2")) {
				OutboxWorker w = worker(name, small, () -> false);
				runs.add(pool.submit(() -> {
					int claimed = 0;
					while (pending(ids) > 0) {
						claimed += w.drain();
					}
					return claimed;
				}));
			}
			int one = runs.get(0).get();
			int two = runs.get(1).get();
			// both nodes took part (each claimed a share)
			assertThat(one).isPositive();
			assertThat(two).isPositive();
		}
		finally {
			pool.shutdownNow();
		}
		for (long id : ids) {
			assertThat(provider.accepted(id)).as("message %d accepted", id).isEqualTo(1);
			assertThat(provider.attempts(id)).isEqualTo(id % 10 == 0 ? 2 : 1);
		}
		assertThat(jdbc.sql("select count(*) from notification_message where id in (:ids) and status = 'SENT'")
			.param("ids", ids)
			.query(Long.class)
			.single()).isEqualTo(500);
		assertThat(jdbc.sql("select count(distinct locked_by) from notification_message where id in (:ids)")
			.param("ids", ids)
			.query(Long.class)
			.single()).as("no lease left behind").isZero();
	}

	@Test
	void aMessageWaitingForTheEndOfTheQuietHoursIsNotSent() {
		long id = queue(1, false).get(0);
		// as if queued at 23:00: due at 07:00 tomorrow
		jdbc.sql("update notification_message set not_before = now() + interval '8 hours' where id = ?").param(id).update();
		worker("node-q", settings(6), () -> false).drain();
		assertThat(row(id)).containsEntry("status", "QUEUED").containsEntry("attempts", 0);
		assertThat(provider.attempts(id)).isZero();
	}

	@Test
	void theApplicationsOwnNodeDeliversThroughTheRecordingGatewayWhenWokenByTheCommit() throws Exception {
		paused.close();
		paused = () -> {
		};
		long id = queue(1, true).get(0);
		// woken after the commit, well before the 5 s poll
		await().atMost(Duration.ofSeconds(4)).untilAsserted(() -> assertThat(row(id)).containsEntry("status", "SENT"));
		assertThat(row(id)).containsEntry("provider_id", "local-" + id).containsEntry("attempts", 1);
		assertThat(provider.attempts(id)).isZero();
	}

	// ---- helpers

	private long pending(List<Long> ids) {
		return jdbc.sql("select count(*) from notification_message where id in (:ids) and status <> 'SENT'")
			.param("ids", ids)
			.query(Long.class)
			.single();
	}

	private DeliveryProperties.Delivery settings(int maxAttempts) {
		return new DeliveryProperties.Delivery(true, "", 50, Duration.ofSeconds(1), Duration.ofSeconds(30), maxAttempts,
				List.of(Duration.ZERO), 0);
	}

	private OutboxWorker worker(String name, DeliveryProperties.Delivery settings, BooleanSupplier stop) {
		DeliveryProperties.Http http = new DeliveryProperties.Http(provider.url(), null, null, "secret-token",
				"{\"to\":\"{phone}\",\"text\":\"{text}\",\"clientId\":\"{id}\"}", "id", Duration.ofSeconds(2),
				Duration.ofSeconds(2));
		return new OutboxWorker(jdbc, new TransactionTemplate(transactions), new HttpSmsGateway(http), settings,
				name + "-" + UUID.randomUUID().toString().substring(0, 6), clock, DeliveryMetrics.none(jdbc, clock), stop);
	}

	/** Queues {@code n} messages to fresh mobiles, each in its own transaction as a business change would. */
	private List<Long> queue(int n, boolean urgent) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		List<Long> ids = new ArrayList<>();
		String ticketNo = "GRD" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < n; i++) {
			String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
			ids.add(tx.execute(s -> messages.queue(SYSTEM, new MessageRequest(MessageKind.TICKET_RECORDED, null, mobile, ticketNo,
					Map.of("ticketNo", ticketNo), null, urgent))).id());
		}
		return ids;
	}

	private Map<String, Object> row(long id) {
		return jdbc.sql("""
				select status, attempts, last_error, provider_id, sent_at, not_before, locked_by
				  from notification_message where id = ?""").param(id).query().singleRow();
	}
}
