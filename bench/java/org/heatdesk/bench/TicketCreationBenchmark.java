package org.heatdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ticket creation through {@code POST /api/v1/tickets} (HTTP Basic, an Idempotency-Key per request)
 * with 1, 8 and 32 concurrent clients, beside the same inserts by raw JDBC in one transaction each
 * (day counter, ticket, timeline event, audit row) in the same process on the same database.
 * Run: {@code mvn -B -o test -Dtest=TicketCreationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@HeatDeskTest
class TicketCreationBenchmark {

	private static final int[] CLIENTS = { 1, 8, 32 };

	private static final int PER_CLIENT_1 = 400;

	private static final int TOTAL_MANY = 2400;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.heatdesk.ticket.Tickets tickets;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	record Result(String what, int clients, int ops, double seconds, double p50, double p99) {

		double rate() {
			return ops / seconds;
		}
	}

	@Test
	void ticketCreation() throws Exception {
		long firstResponder = jdbc.sql("select id from staff_member where username = 'agent'").query(Long.class).single();
		long policy = jdbc.sql("select id from ticket_policy order by version desc limit 1").query(Long.class).single();
		// warm-up of both paths
		run("warm-up api", 4, 300, this::apiCreate);
		run("warm-up jdbc", 4, 300, () -> jdbcCreate(firstResponder, policy));
		List<Result> results = new ArrayList<>();
		for (int clients : CLIENTS) {
			int ops = clients == 1 ? PER_CLIENT_1 : TOTAL_MANY;
			results.add(run("jdbc", clients, ops, () -> jdbcCreate(firstResponder, policy)));
			results.add(run("api", clients, ops, this::apiCreate));
			results.add(run("service", clients, ops, this::serviceCreate));
		}
		// the floor of any request through this HTTP stack on this machine: an unauthenticated health check
		Result floor = run("GET /actuator/health", 1, PER_CLIENT_1, this::health);
		Result floor8 = run("GET /actuator/health", 8, TOTAL_MANY, this::health);
		StringBuilder table = new StringBuilder(
				"\n| path | clients | tickets | rate /s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|\n");
		for (Result r : results) {
			table.append(String.format("| %s | %d | %d | %.0f | %.1f | %.1f |%n", r.what(), r.clients(), r.ops(), r.rate(),
					r.p50(), r.p99()));
		}
		for (Result r : List.of(floor, floor8)) {
			table.append(String.format("| %s | %d | %d | %.0f | %.1f | %.1f |%n", r.what(), r.clients(), r.ops(), r.rate(),
					r.p50(), r.p99()));
		}
		for (int i = 0; i < results.size(); i += 3) {
			table.append(String.format("ratio api/jdbc at %d clients: %.2f; in-process front door/jdbc: %.2f%n",
					results.get(i).clients(), results.get(i + 1).rate() / results.get(i).rate(),
					results.get(i + 2).rate() / results.get(i).rate()));
		}
		System.out.println("TICKET CREATION BENCHMARK" + table);
	}

	private Result run(String what, int clients, int ops, Callable<Void> op) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		AtomicInteger next = new AtomicInteger();
		long[] latencies = new long[ops];
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Void>> futures = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			futures.add(pool.submit(() -> {
				start.await();
				int i;
				while ((i = next.getAndIncrement()) < ops) {
					long t0 = System.nanoTime();
					op.call();
					latencies[i] = System.nanoTime() - t0;
				}
				return null;
			}));
		}
		long t0 = System.nanoTime();
		start.countDown();
		for (Future<Void> f : futures) {
			f.get();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		pool.shutdown();
		Arrays.sort(latencies);
		return new Result(what, clients, ops, seconds, latencies[ops / 2] / 1e6, latencies[(int) (ops * 0.99) - 1] / 1e6);
	}

	private final String auth = "Basic " + Base64.getEncoder().encodeToString("agent:heatdesk2026".getBytes(StandardCharsets.UTF_8));

	private Void health() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).GET().build();
		http.send(request, HttpResponse.BodyHandlers.discarding());
		return null;
	}

	private Void apiCreate() throws Exception {
		String body = """
				{"type":"REPAIR","priority":"NORMAL","callerPhone":"13800000000","address":"翠园小区 3-2-501",
				 "description":"基准测试：暖气片不热，室温十五度"}""";
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
			.header("Authorization", auth)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return null;
	}

	/** The same ticket through the front door in this process (no HTTP, no JSON, no authentication). */
	private Void serviceCreate() {
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
			.authenticated("agent", null, java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_AGENT"))));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			tickets.record(new org.heatdesk.ticket.RecordTicket(org.heatdesk.ticket.TicketType.REPAIR, null,
					org.heatdesk.ticket.Priority.NORMAL, null, null, null, "13800000000", "翠园小区 3-2-501",
					"基准测试：暖气片不热，室温十五度", null, null, UUID.randomUUID().toString()));
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
		return null;
	}

	private Void jdbcCreate(long firstResponder, long policy) throws Exception {
		Instant now = Instant.now();
		LocalDate day = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			int n;
			try (PreparedStatement s = c.prepareStatement("""
					insert into ticket_day_counter (day, last_no) values (?, 1)
					on conflict (day) do update set last_no = ticket_day_counter.last_no + 1 returning last_no""")) {
				s.setObject(1, day);
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					n = rs.getInt(1);
				}
			}
			long id;
			try (PreparedStatement s = c.prepareStatement("""
					insert into ticket (ticket_no, type, priority, scope, channel, status, caller_phone, address, description,
					  first_responder_id, first_responder, assignee_id, assignee, policy_id, recorded_at, dispatch_due,
					  respond_due, on_site_due, resolve_due, idempotency_key, search_text)
					values (?, 'REPAIR', 'NORMAL', 'HOUSEHOLD', 'PHONE', 'RECORDED', '13800000000', '翠园小区 3-2-501', ?, ?, 'agent', ?,
					  'agent', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
				s.setString(1, "JD" + day.toString().replace("-", "") + "-" + n);
				s.setString(2, "基准测试：暖气片不热，室温十五度");
				s.setLong(3, firstResponder);
				s.setLong(4, firstResponder);
				s.setLong(5, policy);
				Timestamp ts = Timestamp.from(now);
				s.setTimestamp(6, ts);
				s.setTimestamp(7, ts);
				s.setTimestamp(8, ts);
				s.setTimestamp(9, ts);
				s.setTimestamp(10, ts);
				s.setString(11, UUID.randomUUID().toString());
				s.setString(12, "基准 测试 暖气片 不 热 室温 十五 度");
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					id = rs.getLong(1);
				}
			}
			try (PreparedStatement s = c.prepareStatement(
					"insert into ticket_event (ticket_id, at, actor, kind) values (?, ?, 'agent', 'RECORDED')")) {
				s.setLong(1, id);
				s.setTimestamp(2, Timestamp.from(now));
				s.executeUpdate();
			}
			try (PreparedStatement s = c.prepareStatement("""
					insert into platform_audit_event (occurred_at, actor, action, entity_type, entity_id, after_state)
					values (?, 'agent', 'TICKET_RECORDED', 'ticket', ?, ?)""")) {
				s.setTimestamp(1, Timestamp.from(now));
				s.setString(2, String.valueOf(id));
				s.setString(3, "{\"type\":\"REPAIR\"}");
				s.executeUpdate();
			}
			c.commit();
		}
		return null;
	}
}
