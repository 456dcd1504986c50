package org.heatdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Ticket creation through {@code POST /api/v1/tickets} (HTTP Basic, an Idempotency-Key per request,
 * one kept-alive connection per client) with 1, 8 and 32 concurrent clients, beside the same rows
 * written by raw JDBC in one transaction each (the day's number from the {@code ticket_number}
 * sequence, ticket, timeline event, audit row), once as four plain statements and once as the ticket
 * module writes them (one statement plus the audit row), the in-process front door, and the floor:
 * a plain single-row insert of the ticket's width, one commit each; same process, same database,
 * rounds interleaved. Each path's rate at 8 and 32 clients is also given against its rate at 1.
 * Run: {@code mvn -B -o test -Dtest=TicketCreationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The table also gives each path's CPU per ticket (this JVM and PostgreSQL, from /proc) and the
 * JIT compiler's share of it, which is near zero once the warm-up has settled.
 */
@HeatDeskTest
// As HeatDesk runs at a site: every commit flushed to disk (the tests' throw-away databases skip the
// flush). Without it the raw JDBC baseline measures a database that loses accepted tickets in a
// crash. -Dbench.durable=false measures the throw-away setting.
@org.springframework.test.context.TestPropertySource(properties = "heatdesk.embedded-db.durable=${bench.durable:true}")
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

	@Autowired
	org.heatdesk.platform.internal.AuditSealer sealer;

	private static final String DESCRIPTION = "基准测试：暖气片不热，室温十五度";

	/** One kept-alive connection per client thread, as a busy integration would hold. */
	private final ThreadLocal<Http1Client> http = ThreadLocal.withInitial(() -> new Http1Client("localhost", port));

	/** {@code jvmCpu} and {@code pgCpu}: CPU seconds this JVM (server and clients) and PostgreSQL spent on the run. */
	record Result(String what, int clients, int ops, double seconds, double p50, double p99, double jvmCpu, double pgCpu,
			double jitSeconds) {

		double rate() {
			return ops / seconds;
		}

		double jvmCpuMsPerOp() {
			return jvmCpu * 1000 / ops;
		}

		double pgCpuMsPerOp() {
			return pgCpu * 1000 / ops;
		}
	}

	/** CPU seconds of this JVM so far. */
	private static double jvmCpu() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	/** The embedded PostgreSQL's postmaster: the parent of one of its backends. */
	private long postmaster() {
		try {
			long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
			String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(backend), "stat"));
			return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
		}
		catch (Exception e) {
			return -1;
		}
	}

	private long postmaster = -1;

	/** CPU seconds of this database's PostgreSQL processes so far (Linux /proc; 0 elsewhere). */
	private double pgCpu() {
		if (postmaster < 0) {
			postmaster = postmaster();
		}
		double ticks = 0;
		java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
		if (procs == null) {
			return 0;
		}
		for (java.io.File p : procs) {
			try {
				String stat = java.nio.file.Files.readString(p.toPath().resolve("stat"));
				int close = stat.lastIndexOf(')');
				String[] f = stat.substring(close + 2).split(" ");
				if (Long.parseLong(f[1]) != postmaster && !p.getName().equals(String.valueOf(postmaster))) {
					continue;
				}
				// fields 14 and 15 of stat (utime, stime), counted after the command name
				ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
			}
			catch (Exception e) {
				// the process ended meanwhile
			}
		}
		return ticks / 100.0;
	}

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

	private static final long WARM_UP_MAX_SECONDS = Long.getLong("bench.warmUpMaxSeconds", 240);

	@Test
	void ticketCreation() throws Exception {
		long firstResponder = jdbc.sql("select id from staff_member where username = 'agent'").query(Long.class).single();
		long policy = jdbc.sql("select id from ticket_policy order by version desc limit 1").query(Long.class).single();
		// the floor: one row as wide as a ticket, in a table without the ticket's indexes, one commit each
		jdbc.sql("create table if not exists bench_plain_row (like ticket including defaults)").update();
		Map<String, Callable<Void>> paths = new LinkedHashMap<>();
		paths.put("plain single-row insert", () -> plainInsert(firstResponder, policy));
		paths.put("jdbc", () -> jdbcCreate(firstResponder, policy));
		paths.put("jdbc, one statement", () -> jdbcCreateOneStatement(firstResponder, policy));
		paths.put("api", this::apiCreate);
		paths.put("service", this::serviceCreate);
		// Warm-up of every path until the JIT has done compiling it: a server runs for hours, and on
		// two cores the C2 compiler's own CPU was otherwise counted against whichever path it was
		// compiling (after 20 s of warm-up the HTTP path still spent 5 of its 7 CPU seconds per round
		// in the compiler). Settled: two runs in a row with compilation under 5 % of the run's time.
		for (Map.Entry<String, Callable<Void>> p : paths.entrySet()) {
			warmUp(p.getKey(), p.getValue());
			for (int clients : CLIENTS) {
				run("warm-up " + p.getKey(), clients, clients == 1 ? PER_CLIENT_1 : TOTAL_MANY, p.getValue());
			}
		}
		// rounds interleave the paths, so a noisy moment on the shared machine hits all of them
		Map<String, List<Result>> results = new LinkedHashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			for (int clients : CLIENTS) {
				int ops = clients == 1 ? PER_CLIENT_1 : TOTAL_MANY;
				for (Map.Entry<String, Callable<Void>> p : paths.entrySet()) {
					results.computeIfAbsent(p.getKey() + "|" + clients, k -> new ArrayList<>())
						.add(run(p.getKey(), clients, ops, p.getValue()));
				}
			}
		}
		// Floors: what any request costs here before it does any work of its own, warmed like the paths.
		Map<String, Callable<Void>> floors = new LinkedHashMap<>();
		floors.put("floor: GET /actuator/health, no login", () -> get("/actuator/health", Map.of()));
		floors.put("floor: GET /api/v1/outages?active=true, HTTP Basic, one query",
				() -> get("/api/v1/outages?active=true", Map.of("Authorization", auth, "Accept", "application/json")));
		Map<String, List<Result>> floorResults = new LinkedHashMap<>();
		for (Map.Entry<String, Callable<Void>> f : floors.entrySet()) {
			warmUp(f.getKey(), f.getValue());
			// one client takes other code paths than eight (the compiler was still busy with them)
			for (int i = 0; i < 5; i++) {
				run("warm-up " + f.getKey(), 1, PER_CLIENT_1, f.getValue());
			}
		}
		for (int round = 0; round < ROUNDS; round++) {
			for (Map.Entry<String, Callable<Void>> f : floors.entrySet()) {
				floorResults.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(run(f.getKey(), 1, PER_CLIENT_1, f.getValue()));
			}
		}
		String durability = jdbc.sql("select current_setting('fsync') || ' / ' || current_setting('synchronous_commit')")
			.query(String.class).single();
		String collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
			.map(java.lang.management.GarbageCollectorMXBean::getName).collect(java.util.stream.Collectors.joining(", "));
		StringBuilder table = new StringBuilder(String.format(
				"%nJava %s, garbage collectors: %s%nPostgreSQL fsync / synchronous_commit: %s%n%d rounds; median of the rounds' rates, p50 and p99 of the median round%n%n"
						+ "| path | clients | tickets per round | rate /s (median) | rates of the rounds | p50 ms | p99 ms "
						+ "| CPU ms per ticket: JVM + PostgreSQL | of the JVM's, JIT compiler |%n|---|---:|---:|---:|---|---:|---:|---|---:|%n",
				Runtime.version(), collectors, durability, ROUNDS));
		for (int clients : CLIENTS) {
			for (String path : paths.keySet()) {
				table.append(row(results.get(path + "|" + clients)));
			}
		}
		floorResults.values().forEach(f -> table.append(row(f)));
		table.append('\n');
		for (String path : paths.keySet()) {
			double one = median(results.get(path + "|1")).rate();
			table.append(String.format("%s: 8 clients / 1 client %.2f, 32 clients / 1 client %.2f%n", path,
					median(results.get(path + "|8")).rate() / one, median(results.get(path + "|32")).rate() / one));
		}
		for (int clients : CLIENTS) {
			double plainRate = median(results.get("plain single-row insert|" + clients)).rate();
			double jdbcRate = median(results.get("jdbc|" + clients)).rate();
			double oneRate = median(results.get("jdbc, one statement|" + clients)).rate();
			double apiRate = median(results.get("api|" + clients)).rate();
			double serviceRate = median(results.get("service|" + clients)).rate();
			table.append(String.format(
					"%d clients: jdbc/plain insert %.2f, (jdbc, one statement)/plain insert %.2f; api/jdbc %.2f, api/(jdbc, one statement) %.2f; front door/jdbc %.2f%n",
					clients, jdbcRate / plainRate, oneRate / plainRate, apiRate / jdbcRate, apiRate / oneRate,
					serviceRate / jdbcRate));
			if (clients == 1) {
				double floorRate = median(floorResults.values().stream().reduce((a, b) -> b).orElseThrow()).rate();
				table.append(String.format("  half the jdbc rate at 1 client: %.0f /s; the authenticated one-query GET alone: %.0f /s%n",
						jdbcRate / 2, floorRate));
			}
		}
		System.out.println("TICKET CREATION BENCHMARK" + table);
		// every ticket a path created is a whole one: on its timeline
		assertThat(jdbc.sql("""
				select count(*) from ticket t where t.description = ? and not exists
				(select 1 from ticket_event e where e.ticket_id = t.id and e.kind = 'RECORDED')""")
			.param(DESCRIPTION).query(Long.class).single()).isZero();
	}

	private static String row(List<Result> rounds) {
		Result m = median(rounds);
		StringBuilder rates = new StringBuilder();
		for (Result r : rounds) {
			rates.append(rates.isEmpty() ? "" : ", ").append(String.format("%.0f", r.rate()));
		}
		return String.format("| %s | %d | %d | %.0f | %s | %.1f | %.1f | %.2f + %.2f | %.2f |%n", m.what(), m.clients(),
				m.ops(), m.rate(), rates, m.p50(), m.p99(), m.jvmCpuMsPerOp(), m.pgCpuMsPerOp(), m.jitSeconds() * 1000 / m.ops());
	}

	private static Result median(List<Result> rounds) {
		List<Result> sorted = new ArrayList<>(rounds);
		sorted.sort(java.util.Comparator.comparingDouble(Result::rate));
		return sorted.get(sorted.size() / 2);
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
		// Every path leaves audit rows for the sealer; chained now, so that no path's figures carry the
		// sealing of rows another path wrote (a path's own rows are sealed while it runs, as in service).
		sealer.sealAll();
		double jvm0 = jvmCpu();
		double pg0 = pgCpu();
		long jit0 = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
		long t0 = System.nanoTime();
		start.countDown();
		for (Future<Void> f : futures) {
			f.get();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		double jvm = jvmCpu() - jvm0;
		double pg = pgCpu() - pg0;
		long jit = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0;
		pool.shutdown();
		Arrays.sort(latencies);
		return new Result(what, clients, ops, seconds, latencies[ops / 2] / 1e6, latencies[(int) (ops * 0.99) - 1] / 1e6, jvm,
				pg, jit / 1000.0);
	}

	private final String auth = "Basic " + Base64.getEncoder().encodeToString("agent:heatdesk2026".getBytes(StandardCharsets.UTF_8));

	/** Runs the path with 8 clients until the JIT has settled (or the limit is reached). */
	private void warmUp(String what, Callable<Void> op) throws Exception {
		long start = System.nanoTime();
		long until = start + WARM_UP_MAX_SECONDS * 1_000_000_000L;
		int quiet = 0;
		while (quiet < 2 && System.nanoTime() < until) {
			Result r = run("warm-up " + what, 8, 800, op);
			quiet = r.jitSeconds() < 0.05 * r.seconds() ? quiet + 1 : 0;
		}
		System.out.printf("WARM-UP %s: %.0f s, %s%n", what, (System.nanoTime() - start) / 1e9,
				quiet == 2 ? "settled" : "compiler still busy at the limit");
	}

	private Void get(String path, Map<String, String> headers) throws Exception {
		Http1Client.Response r = http.get().get(path, headers);
		if (r.status() != 200) {
			throw new IllegalStateException(r.status() + " " + r.text());
		}
		return null;
	}

	private static final String BODY = """
			{"type":"REPAIR","priority":"NORMAL","callerPhone":"13800000000","address":"翠园小区 3-2-501",
			 "description":"%s"}""".formatted(DESCRIPTION);

	private Void apiCreate() throws Exception {
		Http1Client.Response r = http.get().post("/api/v1/tickets", Map.of("Authorization", auth, "Content-Type",
				"application/json", "Accept", "application/json", "Idempotency-Key", UUID.randomUUID().toString()), BODY);
		if (r.status() != 201) {
			throw new IllegalStateException(r.status() + " " + r.text());
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
			tickets.record(org.heatdesk.platform.Actor.current(), new org.heatdesk.ticket.RecordTicket(org.heatdesk.ticket.TicketType.REPAIR, null,
					org.heatdesk.ticket.Priority.NORMAL, null, null, null, "13800000000", "翠园小区 3-2-501",
					DESCRIPTION, null, null, UUID.randomUUID().toString()));
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
		return null;
	}

	/**
	 * The same rows by raw JDBC the way the ticket module now writes them: counter, ticket and
	 * timeline entry in one statement, then the audit row, then commit.
	 */
	private Void jdbcCreateOneStatement(long firstResponder, long policy) throws Exception {
		Instant now = Instant.now();
		LocalDate day = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			long id;
			try (PreparedStatement s = c.prepareStatement("""
					with prior as (
					  select 1 from ticket where idempotency_key = ?
					), n as (
					  select nextval('ticket_number') - ?::bigint as day_no where not exists (select 1 from prior)
					), t as (
					  insert into ticket (ticket_no, type, priority, scope, channel, status, caller_phone, address, description,
					    first_responder_id, first_responder, assignee_id, assignee, policy_id, recorded_at, dispatch_due,
					    respond_due, on_site_due, resolve_due, idempotency_key, search_text)
					  select 'JX' || to_char(?::date, 'YYYYMMDD') || '-' || lpad(n.day_no::text, greatest(4, length(n.day_no::text)), '0'),
					    'REPAIR', 'NORMAL', 'HOUSEHOLD', 'PHONE', 'RECORDED', '13800000000', '翠园小区 3-2-501',
					    ?, ?, 'agent', ?, 'agent', ?, ?, ?, ?, ?, ?, ?, ? from n returning id
					), e as (
					  insert into ticket_event (ticket_id, at, actor, kind) select t.id, ?, 'agent', 'RECORDED' from t
					)
					select id from t""")) {
				Timestamp ts = Timestamp.from(now);
				String key = UUID.randomUUID().toString();
				s.setString(1, key);
				s.setLong(2, base(day));
				s.setObject(3, day);
				s.setString(4, DESCRIPTION);
				s.setLong(5, firstResponder);
				s.setLong(6, firstResponder);
				s.setLong(7, policy);
				for (int p = 8; p <= 12; p++) {
					s.setTimestamp(p, ts);
				}
				s.setString(13, key);
				s.setString(14, "基准 测试 暖气片 不 热 室温 十五 度");
				s.setTimestamp(15, ts);
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					id = rs.getLong(1);
				}
			}
			audit(c, now, id);
			c.commit();
		}
		return null;
	}

	private static void audit(Connection c, Instant now, long id) throws Exception {
		try (PreparedStatement s = c.prepareStatement("""
				insert into platform_audit_event (occurred_at, actor, action, entity_type, entity_id, after_state)
				values (?, 'agent', 'TICKET_RECORDED', 'ticket', ?, ?)""")) {
			s.setTimestamp(1, Timestamp.from(now));
			s.setString(2, String.valueOf(id));
			s.setString(3, "{\"type\":\"REPAIR\"}");
			s.executeUpdate();
		}
	}

	private final Map<LocalDate, Long> bases = new java.util.concurrent.ConcurrentHashMap<>();

	/** The day's base as the ticket module writes it (once per day, committed before any number of the day). */
	private long base(LocalDate day) {
		return bases.computeIfAbsent(day, d -> {
			jdbc.sql("""
					insert into ticket_day_start (day, base) select ?, nextval('ticket_number')
					where not exists (select 1 from ticket_day_start where day = ?) on conflict (day) do nothing""")
				.params(d, d).update();
			return jdbc.sql("select base from ticket_day_start where day = ?").param(d).query(Long.class).single();
		});
	}

	private static final AtomicInteger PLAIN = new AtomicInteger();

	/**
	 * The baseline: one row of the ticket's width and values (a table shaped like {@code ticket},
	 * without its indexes), one statement, one commit. What PostgreSQL here commits at most.
	 */
	private Void plainInsert(long firstResponder, long policy) throws Exception {
		Instant now = Instant.now();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			try (PreparedStatement s = c.prepareStatement("""
					insert into bench_plain_row (ticket_no, type, priority, scope, channel, status, caller_phone, address, description,
					  first_responder_id, first_responder, assignee_id, assignee, policy_id, recorded_at, dispatch_due,
					  respond_due, on_site_due, resolve_due, idempotency_key, search_text)
					values (?, 'REPAIR', 'NORMAL', 'HOUSEHOLD', 'PHONE', 'RECORDED', '13800000000', '翠园小区 3-2-501', ?, ?, 'agent', ?,
					  'agent', ?, ?, ?, ?, ?, ?, ?, ?)""")) {
				s.setString(1, "PL20261129-" + String.format("%04d", PLAIN.incrementAndGet()));
				s.setString(2, DESCRIPTION);
				s.setLong(3, firstResponder);
				s.setLong(4, firstResponder);
				s.setLong(5, policy);
				Timestamp ts = Timestamp.from(now);
				for (int p = 6; p <= 10; p++) {
					s.setTimestamp(p, ts);
				}
				s.setString(11, UUID.randomUUID().toString());
				s.setString(12, "基准 测试 暖气片 不 热 室温 十五 度");
				s.executeUpdate();
			}
		}
		return null;
	}

	private Void jdbcCreate(long firstResponder, long policy) throws Exception {
		Instant now = Instant.now();
		LocalDate day = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			long n;
			try (PreparedStatement s = c.prepareStatement("select nextval('ticket_number') - ?")) {
				s.setLong(1, base(day));
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					n = rs.getLong(1);
				}
			}
			long id;
			try (PreparedStatement s = c.prepareStatement("""
					insert into ticket (ticket_no, type, priority, scope, channel, status, caller_phone, address, description,
					  first_responder_id, first_responder, assignee_id, assignee, policy_id, recorded_at, dispatch_due,
					  respond_due, on_site_due, resolve_due, idempotency_key, search_text)
					values (?, 'REPAIR', 'NORMAL', 'HOUSEHOLD', 'PHONE', 'RECORDED', '13800000000', '翠园小区 3-2-501', ?, ?, 'agent', ?,
					  'agent', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
				s.setString(1, "JD" + day.toString().replace("-", "") + "-" + String.format("%04d", n));
				s.setString(2, DESCRIPTION);
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
			audit(c, now, id);
			c.commit();
		}
		return null;
	}
}
