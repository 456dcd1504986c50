package org.heatdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One SCADA poll = a batch of one reading for each of 40 substations. Measures
 * {@code POST /api/v1/telemetry} end to end (HTTP, key check, JSON, per-item checks, insert,
 * live-state update) against raw JDBC running the same statements in one transaction.
 */
@HeatDeskTest
class TelemetryIntakeBenchmark {

	static final int SUBSTATIONS = 40;

	static final int WARMUP = 50;

	static final int RUNS = 400;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void telemetryBatchOf40() throws Exception {
		String key = "hdk_bench_" + UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("""
				insert into platform_api_key (name, scope, key_prefix, key_hash, created_by, created_at)
				values ('bench', 'TELEMETRY', 'bench', ?, 'bench', now())""")
			.param(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))))
			.update();
		List<String> appCodes = substations("BA");
		List<String> jdbcCodes = substations("BJ");
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2));
		HttpClient http = HttpClient.newHttpClient();
		String unknown = batch(appCodes.stream().map(c -> "X" + c).toList(), start);

		long[] app = new long[RUNS];
		long[] raw = new long[RUNS];
		long[] floor = new long[RUNS];
		for (int i = 0; i < WARMUP + RUNS; i++) {
			Instant at = start.plusSeconds(i);
			String body = batch(appCodes, at);
			long t0 = System.nanoTime();
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/telemetry"))
				.header("Content-Type", "application/json")
				.header("X-Api-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			long t1 = System.nanoTime();
			if (response.statusCode() != 200 || !response.body().contains("\"stored\":40")) {
				throw new IllegalStateException(response.body());
			}
			rawBatch(jdbcCodes, at);
			long t2 = System.nanoTime();
			// the same request path without writes: key check, JSON both ways, the code lookup, 40 refusals
			HttpResponse<String> empty = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/telemetry"))
				.header("Content-Type", "application/json")
				.header("X-Api-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(unknown))
				.build(), HttpResponse.BodyHandlers.ofString());
			long t3 = System.nanoTime();
			if (empty.statusCode() != 200 || !empty.body().contains("\"refused\":40")) {
				throw new IllegalStateException(empty.body());
			}
			if (i >= WARMUP) {
				app[i - WARMUP] = t1 - t0;
				raw[i - WARMUP] = t2 - t1;
				floor[i - WARMUP] = t3 - t2;
			}
		}
		report("POST /api/v1/telemetry, 40 readings", app, "raw JDBC, same statements", raw);
		Arrays.sort(floor);
		System.out.printf(Locale.ROOT, "%-40s median %.2f ms  p99 %.2f ms%n%n", "same request, 40 unknown substations",
				ms(floor, 0.5), ms(floor, 0.99));
	}

	List<String> substations(String prefix) {
		String tag = UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
		List<String> codes = new ArrayList<>();
		for (int n = 0; n < SUBSTATIONS; n++) {
			String code = "%s%s-%02d".formatted(prefix, tag, n);
			jdbc.sql("insert into network_substation (code, name, heat_source_id) values (?, ?, (select min(id) from network_heat_source))")
				.params(code, "bench " + code)
				.update();
			codes.add(code);
		}
		return codes;
	}

	static String batch(List<String> codes, Instant at) {
		StringBuilder b = new StringBuilder("{\"readings\":[");
		for (int n = 0; n < codes.size(); n++) {
			if (n > 0) {
				b.append(',');
			}
			b.append("""
					{"substation":"%s","readAt":"%s","primarySupplyTemp":95.0,"primaryReturnTemp":50.0,\
					"secondarySupplyTemp":%s,"secondaryReturnTemp":40.0,"pressure":0.45,"flow":120.0}"""
				.formatted(codes.get(n), at, 50 + (n % 5)));
		}
		return b.append("]}").toString();
	}

	/** What the intake does, by hand: look the codes up, insert the readings, lock and update the substations. */
	void rawBatch(List<String> codes, Instant at) throws Exception {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			List<Long> ids = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("select code, id from network_substation where code = any(?)")) {
				ps.setArray(1, c.createArrayOf("varchar", codes.toArray()));
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						ids.add(rs.getLong(2));
					}
				}
			}
			// as the intake does: the batch's substations locked in id order before any reading refers to them
			ids.sort(null);
			try (PreparedStatement lock = c.prepareStatement("""
					select id, code, status, status_manual, last_reading_at, primary_supply_warn_min, primary_supply_fault_min,
					       secondary_supply_warn_min, secondary_supply_fault_min, pressure_warn_min, pressure_warn_max,
					       pressure_fault_min, pressure_fault_max, flow_warn_min, flow_fault_min
					from network_substation where id = any(?) order by id for no key update""")) {
				lock.setObject(1, ids.toArray(Long[]::new));
				try (ResultSet rs = lock.executeQuery()) {
					while (rs.next()) {
						rs.getLong(1);
					}
				}
			}
			Timestamp ts = Timestamp.from(at);
			Timestamp now = Timestamp.from(Instant.now());
			int n = ids.size();
			String[] times = new String[n];
			Double[] primarySupply = new Double[n];
			Double[] primaryReturn = new Double[n];
			Double[] secondarySupply = new Double[n];
			Double[] secondaryReturn = new Double[n];
			Double[] pressure = new Double[n];
			Double[] flow = new Double[n];
			for (int i = 0; i < n; i++) {
				times[i] = at.toString();
				primarySupply[i] = 95.0;
				primaryReturn[i] = 50.0;
				secondarySupply[i] = 50.0 + (i % 5);
				secondaryReturn[i] = 40.0;
				pressure[i] = 0.45;
				flow[i] = 120.0;
			}
			try (PreparedStatement ps = c.prepareStatement("""
					insert into network_reading (substation_id, read_at, primary_supply_temp, primary_return_temp,
					  secondary_supply_temp, secondary_return_temp, pressure, flow, received_at)
					select u.*, ? from unnest(?::bigint[], ?::timestamptz[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
					                          ?::float8[], ?::float8[]) as u
					on conflict (substation_id, read_at) do nothing
					returning substation_id, read_at""")) {
				ps.setTimestamp(1, now);
				ps.setObject(2, ids.toArray(Long[]::new));
				ps.setObject(3, times);
				ps.setObject(4, primarySupply);
				ps.setObject(5, primaryReturn);
				ps.setObject(6, secondarySupply);
				ps.setObject(7, secondaryReturn);
				ps.setObject(8, pressure);
				ps.setObject(9, flow);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						rs.getLong(1);
					}
				}
			}
			try (PreparedStatement update = c.prepareStatement("""
							update network_substation set last_reading_at = ?, primary_supply_temp = ?, primary_return_temp = ?,
							  secondary_supply_temp = ?, secondary_return_temp = ?, pressure = ?, flow = ?, status = ?,
							  status_since = case when ? then ? else status_since end, version = version + 1
							where id = ?""")) {
				for (int i = 0; i < n; i++) {
					update.setTimestamp(1, ts);
					update.setDouble(2, 95);
					update.setDouble(3, 50);
					update.setDouble(4, 50 + (i % 5));
					update.setDouble(5, 40);
					update.setDouble(6, 0.45);
					update.setDouble(7, 120);
					update.setString(8, "NORMAL");
					update.setBoolean(9, false);
					update.setTimestamp(10, ts);
					update.setLong(11, ids.get(i));
					update.addBatch();
				}
				update.executeBatch();
			}
			c.commit();
		}
	}

	static void report(String appName, long[] app, String rawName, long[] raw) {
		Arrays.sort(app);
		Arrays.sort(raw);
		System.out.printf(Locale.ROOT, "%n%-40s median %.2f ms  p99 %.2f ms  (%d batches)%n", appName, ms(app, 0.5), ms(app, 0.99), app.length);
		System.out.printf(Locale.ROOT, "%-40s median %.2f ms  p99 %.2f ms%n", rawName, ms(raw, 0.5), ms(raw, 0.99));
		System.out.printf(Locale.ROOT, "ratio app/raw: median %.2f, p99 %.2f; app throughput at the median %.0f readings/s%n%n",
				ms(app, 0.5) / ms(raw, 0.5), ms(app, 0.99) / ms(raw, 0.99), SUBSTATIONS * 1000 / ms(app, 0.5));
	}

	static double ms(long[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
	}
}
