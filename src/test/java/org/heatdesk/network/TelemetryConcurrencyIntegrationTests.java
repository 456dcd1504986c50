package org.heatdesk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestApiKeys;
import org.heatdesk.platform.ApiKeyScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Several SCADA clients posting at once over HTTP, as a retrying collector or two collectors do:
 * every reading is stored and every batch is answered 200, whether the batches name one substation
 * or several in different orders.
 */
@HeatDeskTest
class TelemetryConcurrencyIntegrationTests {

	static final int CLIENTS = 6;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	DataSource dataSource;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	String key;

	final Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(6));

	@BeforeEach
	void telemetryKey() {
		key = TestApiKeys.create(jdbc, ApiKeyScope.TELEMETRY, "SCADA concurrency test");
	}

	String newSubstation() {
		String code = "TC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		jdbc.sql("""
				insert into network_substation (code, name, heat_source_id)
				values (?, ?, (select min(id) from network_heat_source))""")
			.params(code, "test " + code)
			.update();
		return code;
	}

	static String item(String code, Instant at, double secondarySupply) {
		return TelemetryIntegrationTests.item(code, at, secondarySupply, 0.45);
	}

	HttpResponse<String> post(String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/telemetry?lang=en"))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	long readings(String code) {
		return jdbc.sql("select count(*) from network_reading r join network_substation s on s.id = r.substation_id where s.code = ?")
			.param(code)
			.query(Long.class)
			.single();
	}

	Instant lastReadingAt(String code) {
		return jdbc.sql("select last_reading_at from network_substation where code = ?")
			.param(code)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	/** Posts every batch from {@link #CLIENTS} threads that start together; returns the answers that were not 200. */
	List<String> postConcurrently(List<String> batches) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (String batch : batches) {
				answers.add(clients.submit(() -> {
					start.await();
					return post(batch);
				}));
			}
			start.countDown();
			List<String> failed = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
				if (response.statusCode() != 200) {
					failed.add(response.statusCode() + " " + response.body());
				}
			}
			return failed;
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void oneReadingBatchesOfOneSubstationFromSixClientsAreAllStored() throws Exception {
		String code = newSubstation();
		List<String> batches = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			batches.add("{\"readings\":[" + item(code, base.plus(Duration.ofMinutes(i)), 50 + i % 5) + "]}");
		}
		List<String> failed = postConcurrently(batches);
		assertThat(failed).isEmpty();
		assertThat(readings(code)).isEqualTo(120);
		// whatever order the batches committed in, the live state is the newest reading
		assertThat(lastReadingAt(code)).isEqualTo(base.plus(Duration.ofMinutes(119)));
	}

	@Test
	void batchesNamingSeveralSubstationsInDifferentOrdersAreAllStored() throws Exception {
		List<String> codes = List.of(newSubstation(), newSubstation(), newSubstation(), newSubstation());
		List<String> batches = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			List<String> items = new ArrayList<>();
			for (int j = 0; j < codes.size(); j++) {
				// each batch starts with another substation and half of them walk backwards
				int k = i % 2 == 0 ? (i + j) % codes.size() : Math.floorMod(i - j, codes.size());
				items.add(item(codes.get(k), base.plus(Duration.ofMinutes(i)), 50));
			}
			batches.add("{\"readings\":[" + String.join(",", items) + "]}");
		}
		List<String> failed = postConcurrently(batches);
		assertThat(failed).isEmpty();
		for (String code : codes) {
			assertThat(readings(code)).as(code).isEqualTo(60);
			assertThat(lastReadingAt(code)).as(code).isEqualTo(base.plus(Duration.ofMinutes(59)));
		}
	}

	/**
	 * Another writer that takes the substations' rows in the opposite order makes PostgreSQL break
	 * a deadlock by failing the batch: the server runs the batch again instead of answering 500.
	 * PostgreSQL fails whichever side looks for the deadlock first; on a busy machine that may be
	 * this test's session, and then the scene is played again.
	 */
	@Test
	void aBatchThatLosesADeadlockIsRunAgainAndStored() throws Exception {
		for (int attempt = 1;; attempt++) {
			String first = newSubstation();
			String second = newSubstation();
			long firstId = id(first);
			long secondId = id(second);
			boolean batchFailed;
			try (Connection other = dataSource.getConnection()) {
				other.setAutoCommit(false);
				long otherPid = pid(other);
				lockRow(other, secondId);
				CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> {
					try {
						return post("{\"readings\":[" + item(first, base, 50) + "," + item(second, base, 50) + "]}");
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				});
				// wait until the batch holds the first row and waits for the second, then close the circle
				await("the batch waits for the row held here").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
					.until(() -> waitingFor(otherPid));
				try {
					// the batch can neither commit nor go on: this lock is granted only once PostgreSQL failed it
					lockRow(other, firstId);
					batchFailed = true;
					other.commit();
				}
				catch (SQLException e) {
					assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("40P01");
					batchFailed = false;
					other.rollback();
				}
				HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(json.readTree(response.body()).get("stored").asLong()).isEqualTo(2);
			}
			assertThat(readings(first)).isEqualTo(1);
			assertThat(readings(second)).isEqualTo(1);
			if (batchFailed) {
				return;
			}
			assertThat(attempt).as("PostgreSQL failed this test's session every time, never the batch").isLessThan(5);
		}
	}

	long id(String code) {
		return jdbc.sql("select id from network_substation where code = ?").param(code).query(Long.class).single();
	}

	static void lockRow(Connection connection, long id) throws Exception {
		try (PreparedStatement lock = connection.prepareStatement("select id from network_substation where id = ? for update")) {
			lock.setLong(1, id);
			lock.executeQuery().close();
		}
	}

	static long pid(Connection connection) throws Exception {
		try (PreparedStatement pid = connection.prepareStatement("select pg_backend_pid()");
				java.sql.ResultSet rs = pid.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Whether some backend waits for a lock held by the backend {@code pid}. */
	boolean waitingFor(long pid) {
		return jdbc.sql("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")
			.param((int) pid)
			.query(Long.class)
			.single() > 0;
	}
}
