package org.heatdesk.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An outage notice to 20,000 customers: the time to queue them through {@link CustomerMessages#queue}
 * (in transactions of 500, and in one transaction) beside a raw JDBC batch insert of the same rows; then
 * the outbox's delivery rate through the recording gateway and through the HTTP gateway against a local
 * test provider, beside the HTTP gateway called alone (no outbox). The application's own delivery node is
 * paused throughout so that only the measured workers deliver.
 * Run: {@code mvn -B -o test -Dtest=OutboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@HeatDeskTest
class OutboxBenchmark {

	static final int MESSAGES = Integer.getInteger("bench.messages", 20_000);

	static final int DELIVERED = Integer.getInteger("bench.delivered", 5_000);

	static final int RUNS = Integer.getInteger("bench.runs", 3);

	static final int TX_SIZE = 500;

	@Autowired
	CustomerMessages messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	OutboxDelivery node;

	@Autowired
	Clock clock;

	@Autowired
	BulkMessages bulk;

	@Autowired
	org.heatdesk.customer.Customers customerFront;

	List<Long> customers;

	@Test
	void outageNoticeQueuedAndDelivered() throws Exception {
		StringBuilder report = new StringBuilder();
		customers = jdbc.sql("select id from customer order by id").query(Long.class).list();
		report.append(String.format("%,d messages to %,d customers (each customer several times, distinct dedup keys)%n",
				MESSAGES, customers.size()));
		try (AutoCloseable paused = node.pause()) {
			TransactionTemplate tx = new TransactionTemplate(transactions);
			// warm-up: JIT and caches on a tenth
			queueBatched(tx, "warm", MESSAGES / 10);
			rawInsert("warm", MESSAGES / 10);
			tx.executeWithoutResult(s -> queueBulk("warmk", MESSAGES / 10));
			clear();
			double[] batched = new double[RUNS];
			double[] single = new double[RUNS];
			double[] raw = new double[RUNS];
			double[] bulked = new double[RUNS];
			for (int r = 0; r < RUNS; r++) {
				int run = r;
				bulked[r] = time(() -> tx.executeWithoutResult(s -> queueBulk("k" + run, MESSAGES)));
				clear();
				batched[r] = time(() -> queueBatched(tx, "b", MESSAGES));
				clear();
				single[r] = time(() -> tx.executeWithoutResult(s -> queueAll("s", 0, MESSAGES)));
				clear();
				raw[r] = time(() -> rawInsert("r", MESSAGES));
				clear();
			}
			double b = median(batched), s = median(single), w = median(raw);
			report.append(String.format("%-46s %9s %12s %8s%n", "queue " + MESSAGES, "median", "per second", "/ raw"));
			report.append(line("CustomerMessages.queue, 500 per transaction", b, MESSAGES, b / w));
			report.append(line("CustomerMessages.queue, one transaction", s, MESSAGES, s / w));
			double k = median(bulked);
			report.append(line("BulkMessages.queueBulk (recipients read), one tx", k, MESSAGES, k / w));
			report.append(line("raw JDBC batch insert, one transaction", w, MESSAGES, 1));
			report.append(String.format("runs (s): batched %s, one tx %s, bulk %s, raw %s%n", Arrays.toString(batched),
					Arrays.toString(single), Arrays.toString(bulked), Arrays.toString(raw)));

			try (TestSmsServer provider = new TestSmsServer()) {
				DeliveryProperties.Http http = new DeliveryProperties.Http(provider.url(), null, null, "bench",
						"{\"to\":\"{phone}\",\"text\":\"{text}\",\"clientId\":\"{id}\"}", "id", Duration.ofSeconds(5),
						Duration.ofSeconds(10));
				HttpSmsGateway httpGateway = new HttpSmsGateway(http);
				double[] alone = new double[RUNS];
				double[] viaHttp = new double[RUNS];
				double[] viaHttp2 = new double[RUNS];
				double[] viaRecording = new double[RUNS];
				// warm-up
				rawInsert("wd", 1000, true);
				deliver(1, httpGateway);
				for (int r = 0; r < RUNS; r++) {
					alone[r] = time(() -> {
						for (int i = 0; i < DELIVERED; i++) {
							httpGateway.send("13800000000", "【金鼎公司】基准测试", 1_000_000_000L + i);
						}
					});
					rawInsert("dh" + r, DELIVERED, true);
					viaHttp[r] = time(() -> deliver(1, httpGateway));
					rawInsert("dh2" + r, DELIVERED, true);
					viaHttp2[r] = time(() -> deliver(2, httpGateway));
					rawInsert("dr" + r, DELIVERED, true);
					viaRecording[r] = time(() -> deliver(1, new RecordingGateway()));
				}
				report.append(String.format("%n%-46s %9s %12s %8s%n", "deliver " + DELIVERED + " (unthrottled)", "median",
						"per second", "/ alone"));
				double a = median(alone);
				report.append(line("HTTP gateway alone (no outbox, no database)", a, DELIVERED, 1));
				report.append(line("outbox → HTTP gateway, one node", median(viaHttp), DELIVERED, median(viaHttp) / a));
				report.append(line("outbox → HTTP gateway, two nodes", median(viaHttp2), DELIVERED, median(viaHttp2) / a));
				report.append(line("outbox → recording gateway, one node", median(viaRecording), DELIVERED,
						median(viaRecording) / a));
				long twice = jdbc.sql("select count(*) from notification_message where dedup_key like 'bench:d%' and status <> 'SENT'")
					.query(Long.class).single();
				report.append(String.format("not SENT after the runs: %d%n", twice));
			}
			clear();
		}
		System.out.println("\n===== OutboxBenchmark =====\n" + report + "===========================\n");
	}

	private static String line(String name, double seconds, int n, double ratio) {
		return String.format("%-46s %7.2f s %12.0f %8.2f%n", name, seconds, n / seconds, ratio);
	}

	private int deliver(int nodes, SmsGateway gateway) throws Exception {
		DeliveryProperties.Delivery settings = new DeliveryProperties.Delivery(true, "", 50, Duration.ofSeconds(5),
				Duration.ofSeconds(60), 6, List.of(Duration.ofSeconds(30)), 0);
		ExecutorService pool = Executors.newFixedThreadPool(nodes);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < nodes; i++) {
				OutboxWorker w = new OutboxWorker(jdbc, new TransactionTemplate(transactions), gateway, settings, "bench-" + i,
						clock, DeliveryMetrics.none(jdbc, clock), () -> false);
				runs.add(pool.submit(w::drain));
			}
			int total = 0;
			for (Future<Integer> f : runs) {
				total += f.get();
			}
			return total;
		}
		finally {
			pool.shutdown();
		}
	}

	private void queueBatched(TransactionTemplate tx, String prefix, int n) {
		for (int from = 0; from < n; from += TX_SIZE) {
			int start = from;
			tx.executeWithoutResult(s -> queueAll(prefix, start, Math.min(n, start + TX_SIZE)));
		}
	}

	private void queueAll(String prefix, int from, int to) {
		Actor system = Actor.system("outage");
		for (int i = from; i < to; i++) {
			messages.queue(system, new MessageRequest(MessageKind.OUTAGE_PUBLISHED, customers.get(i % customers.size()), null,
					null, Map.of("community", "阳光小区", "reason", "一次网管道抢修", "until", "12月1日18时"),
					"bench:" + prefix + ":" + i, false));
		}
	}

	/**
	 * As an outage broadcast would: the recipients of every community read through the customer module's
	 * bulk read, then queued by {@link BulkMessages} in slices (the demo has fewer customers than messages,
	 * and a dedup key is per customer, so each slice has its own prefix).
	 */
	private void queueBulk(String prefix, int n) {
		List<org.heatdesk.customer.MessageRecipient> recipients = new ArrayList<>();
		List<Long> communities = jdbc.sql("select id from network_community").query(Long.class).list();
		customerFront.forEachMessageRecipient(communities, recipients::add);
		int done = 0;
		for (int slice = 0; done < n; slice++) {
			List<org.heatdesk.customer.MessageRecipient> part = recipients.subList(0, Math.min(recipients.size(), n - done));
			bulk.queueBulk(Actor.system("outage"), MessageKind.OUTAGE_PUBLISHED, part,
					Map.of("community", "阳光小区", "reason", "一次网管道抢修", "until", "12月1日18时"), "bench:" + prefix + ":" + slice,
					null, false);
			done += part.size();
		}
	}

	private void rawInsert(String prefix, int n) throws Exception {
		rawInsert(prefix, n, false);
	}

	/** The same rows as the queue writes (rendered body, one number each), by one JDBC batch. */
	private void rawInsert(String prefix, int n, boolean dueNow) throws Exception {
		String body = "【金鼎公司】阳光小区因一次网管道抢修暂停供热，预计12月1日18时恢复，给您带来不便敬请谅解。咨询电话96123。";
		Instant now = clock.instant();
		Instant notBefore = dueNow ? now.minusSeconds(1) : now.plus(Duration.ofDays(365));
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement s = c.prepareStatement("""
					insert into notification_message (kind, channel, customer_id, phone, body, status, urgent, dedup_key,
					    not_before, queued_at, queued_by)
					values ('OUTAGE_PUBLISHED', 'SMS', ?, ?, ?, 'QUEUED', false, ?, ?, ?, 'system:outage')
					on conflict (dedup_key) do nothing""")) {
				for (int i = 0; i < n; i++) {
					s.setLong(1, customers.get(i % customers.size()));
					s.setString(2, "138" + String.format("%08d", i));
					s.setString(3, body);
					s.setString(4, "bench:" + prefix + ":" + i);
					s.setTimestamp(5, Timestamp.from(notBefore));
					s.setTimestamp(6, Timestamp.from(now));
					s.addBatch();
					if (i % 1000 == 999) {
						s.executeBatch();
					}
				}
				s.executeBatch();
			}
			c.commit();
		}
	}

	private void clear() {
		jdbc.sql("delete from notification_message where dedup_key like 'bench:%'").update();
		jdbc.sql("vacuum analyze notification_message").update();
	}

	interface Step {

		void run() throws Exception;
	}

	private static double time(Step step) throws Exception {
		long t = System.nanoTime();
		step.run();
		return Math.round((System.nanoTime() - t) / 1e7) / 100.0;
	}

	private static double median(double[] values) {
		double[] v = values.clone();
		Arrays.sort(v);
		return v[v.length / 2];
	}
}
