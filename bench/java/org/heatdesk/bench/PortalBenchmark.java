package org.heatdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public portal in a cold snap: 200 concurrent clients (one kept-alive socket each) on the outage
 * page ({@code GET /portal/outages}, the list cached 30 s in memory), the progress lookup
 * ({@code POST /api/v1/portal/progress}, a ticket number and its phone that match, portal-b's) and,
 * as the floor, a static file of the same server ({@code /css/portal.css}). Each path runs alone for
 * {@code bench.seconds} after a warm-up of the same length; throughput, median and p99 are printed
 * with the ratio to the static file.
 * Run: {@code mvn -B -o test -Dtest=PortalBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@HeatDeskTest
class PortalBenchmark {

	static final int CLIENTS = Integer.getInteger("bench.clients", 200);

	static final int SECONDS = Integer.getInteger("bench.seconds", 15);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	record Result(String name, double perSecond, double medianMs, double p99Ms, long requests, long failures) {
	}

	interface Call {
		Http1Client.Response call(Http1Client c) throws Exception;
	}

	@Test
	void portalUnderLoad() throws Exception {
		var pair = jdbc.sql("""
				select t.ticket_no, t.caller_phone from ticket t
				where t.caller_phone ~ '^1[3-9][0-9]{9}$' order by t.id desc limit 1""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		String progressBody = "{\"ticketNo\":\"" + pair[0] + "\",\"phone\":\"" + pair[1] + "\"}";
		Map<String, String> json = Map.of("Content-Type", "application/json", "Accept-Language", "zh-CN");

		List<Result> results = new ArrayList<>();
		results.add(run("static /css/portal.css", c -> c.get("/css/portal.css", Map.of())));
		results.add(run("GET /portal/outages", c -> c.get("/portal/outages", Map.of())));
		results.add(run("POST /api/v1/portal/progress", c -> c.post("/api/v1/portal/progress", json, progressBody)));
		Result floor = results.get(0);
		StringBuilder out = new StringBuilder("\n| path | clients | requests/s | median ms | p99 ms | requests | not 2xx | vs static (req/s) |\n|---|---|---|---|---|---|---|---|\n");
		for (Result r : results) {
			out.append(String.format("| %s | %d | %.0f | %.1f | %.1f | %d | %d | %.2f |%n", r.name(), CLIENTS, r.perSecond(), r.medianMs(),
					r.p99Ms(), r.requests(), r.failures(), r.perSecond() / floor.perSecond()));
		}
		System.out.println(out);
	}

	private Result run(String name, Call call) throws Exception {
		load(call, SECONDS); // warm-up: the JIT and the caches
		return load(name, call, SECONDS);
	}

	private void load(Call call, int seconds) throws Exception {
		load("warm-up", call, seconds);
	}

	private Result load(String name, Call call, int seconds) throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<long[]> latencies = new ArrayList<>();
		AtomicLong failures = new AtomicLong();
		CountDownLatch done = new CountDownLatch(CLIENTS);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			long[] mine = new long[20_000];
			latencies.add(mine);
			Thread t = new Thread(() -> {
				int n = 0;
				try (Http1Client c = new Http1Client("localhost", port)) {
					while (System.nanoTime() < end && n < mine.length - 1) {
						long t0 = System.nanoTime();
						Http1Client.Response r = call.call(c);
						mine[++n] = System.nanoTime() - t0;
						if (r.status() / 100 != 2) {
							failures.incrementAndGet();
						}
					}
				}
				catch (Exception e) {
					failures.incrementAndGet();
				}
				finally {
					mine[0] = n;
					done.countDown();
				}
			});
			t.setDaemon(true);
			t.start();
			threads.add(t);
		}
		done.await();
		long total = latencies.stream().mapToLong(l -> l[0]).sum();
		long[] all = new long[(int) total];
		int k = 0;
		for (long[] l : latencies) {
			System.arraycopy(l, 1, all, k, (int) l[0]);
			k += (int) l[0];
		}
		Arrays.sort(all);
		double median = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
		double p99 = all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.99))] / 1e6;
		return new Result(name, total / (double) seconds, median, p99, total, failures.get());
	}
}
