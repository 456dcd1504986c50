package org.heatdesk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/telemetry} against the running application, each test on its own substation. */
@HeatDeskTest
class TelemetryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Network network;

	final HttpClient http = HttpClient.newHttpClient();

	String key;

	/** A reading time safely in the past, on a whole minute. */
	final Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));

	@BeforeEach
	void telemetryKey() {
		key = org.heatdesk.TestApiKeys.create(jdbc, org.heatdesk.platform.ApiKeyScope.TELEMETRY, "SCADA test");
	}

	/** A new substation of the first heat source, with default thresholds and no reading. */
	String newSubstation() {
		String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		jdbc.sql("""
				insert into network_substation (code, name, heat_source_id)
				values (?, ?, (select min(id) from network_heat_source))""")
			.params(code, "test " + code)
			.update();
		return code;
	}

	static String item(String code, Instant at, double secondarySupply, double pressure) {
		return """
				{"substation":"%s","readAt":"%s","primarySupplyTemp":95.0,"primaryReturnTemp":50.0,
				 "secondarySupplyTemp":%s,"secondaryReturnTemp":40.0,"pressure":%s,"flow":120.0}"""
			.formatted(code, at, secondarySupply, pressure);
	}

	HttpResponse<String> post(String body, String apiKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/telemetry?lang=en"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (apiKey != null) {
			request.header("X-Api-Key", apiKey);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	JsonNode send(String... items) throws Exception {
		HttpResponse<String> response = post("{\"readings\":[" + String.join(",", items) + "]}", key);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	long readings(String code) {
		return jdbc.sql("select count(*) from network_reading r join network_substation s on s.id = r.substation_id where s.code = ?")
			.param(code)
			.query(Long.class)
			.single();
	}

	@Test
	void aRepeatedBatchStoresEachReadingOnce() throws Exception {
		String code = newSubstation();
		String a = item(code, base, 52, 0.45);
		String b = item(code, base.plus(Duration.ofMinutes(5)), 52.5, 0.46);
		JsonNode first = send(a, b);
		assertThat(first.get("stored").asLong()).isEqualTo(2);
		JsonNode again = send(a, b);
		assertThat(again.get("stored").asLong()).isZero();
		assertThat(again.get("duplicates").asLong()).isEqualTo(2);
		assertThat(again.get("results").get(0).get("result").asString()).isEqualTo("DUPLICATE");
		assertThat(readings(code)).isEqualTo(2);
		SubstationView s = network.substationByCode(code).orElseThrow();
		assertThat(s.lastReadingAt()).isEqualTo(base.plus(Duration.ofMinutes(5)));
		assertThat(s.secondarySupplyTemp()).isEqualTo(52.5);
		assertThat(s.status()).isEqualTo(OperatingStatus.NORMAL);
	}

	@Test
	void aReadingSentTwiceInOneBatchIsStoredOnce() throws Exception {
		String code = newSubstation();
		JsonNode answer = send(item(code, base, 52, 0.45), item(code, base, 52, 0.45));
		assertThat(answer.get("results").get(0).get("result").asString()).isEqualTo("STORED");
		assertThat(answer.get("results").get(1).get("result").asString()).isEqualTo("DUPLICATE");
		assertThat(readings(code)).isEqualTo(1);
	}

	@Test
	void aLateReadingIsKeptButDoesNotRollTheLiveStateBack() throws Exception {
		String code = newSubstation();
		Instant newer = base.plus(Duration.ofMinutes(30));
		send(item(code, newer, 52, 0.45));
		// the older reading would be a fault if it were current
		JsonNode late = send(item(code, base, 30, 0.05));
		assertThat(late.get("stored").asLong()).isEqualTo(1);
		assertThat(late.get("statusChanges")).isEmpty();
		assertThat(readings(code)).isEqualTo(2);
		SubstationView s = network.substationByCode(code).orElseThrow();
		assertThat(s.status()).isEqualTo(OperatingStatus.NORMAL);
		assertThat(s.lastReadingAt()).isEqualTo(newer);
		assertThat(s.secondarySupplyTemp()).isEqualTo(52.0);
	}

	@Test
	void withinOneBatchTheNewestReadingWinsWhateverTheOrder() throws Exception {
		String code = newSubstation();
		send(item(code, base.plus(Duration.ofMinutes(10)), 43, 0.45), item(code, base, 30, 0.45));
		SubstationView s = network.substationByCode(code).orElseThrow();
		assertThat(s.lastReadingAt()).isEqualTo(base.plus(Duration.ofMinutes(10)));
		assertThat(s.status()).isEqualTo(OperatingStatus.WARNING);
	}

	@Test
	void unknownSubstationsAndImpossibleValuesAreRefusedOneByOneAndTheRestStored() throws Exception {
		String code = newSubstation();
		JsonNode answer = send(item(code, base, 52, 0.45), item("NO-SUCH-" + code, base, 52, 0.45),
				item(code, base.plus(Duration.ofMinutes(1)), 52, -3), item(code, base.plus(Duration.ofMinutes(2)), 999, 0.45),
				"{\"substation\":\"" + code + "\",\"readAt\":\"" + base.plus(Duration.ofMinutes(3)) + "\"}",
				item(code, Instant.now().plus(Duration.ofHours(2)), 52, 0.45), item(code, base.plus(Duration.ofMinutes(4)), 51, 0.44));
		assertThat(answer.get("received").asInt()).isEqualTo(7);
		assertThat(answer.get("stored").asLong()).isEqualTo(2);
		assertThat(answer.get("refused").asLong()).isEqualTo(5);
		JsonNode results = answer.get("results");
		assertThat(results.get(0).get("result").asString()).isEqualTo("STORED");
		assertThat(results.get(1).get("code").asString()).isEqualTo("TELEMETRY_SUBSTATION_UNKNOWN");
		assertThat(results.get(1).get("message").asString()).contains("NO-SUCH-" + code);
		assertThat(results.get(2).get("code").asString()).isEqualTo("TELEMETRY_VALUE_IMPOSSIBLE");
		assertThat(results.get(2).get("field").asString()).isEqualTo("pressure");
		assertThat(results.get(3).get("field").asString()).isEqualTo("secondarySupplyTemp");
		assertThat(results.get(4).get("code").asString()).isEqualTo("TELEMETRY_VALUE_REQUIRED");
		assertThat(results.get(5).get("code").asString()).isEqualTo("TELEMETRY_READ_AT_FUTURE");
		assertThat(results.get(6).get("result").asString()).isEqualTo("STORED");
		assertThat(readings(code)).isEqualTo(2);
		assertThat(network.substationByCode(code).orElseThrow().lastReadingAt()).isEqualTo(base.plus(Duration.ofMinutes(4)));
	}

	@Test
	void aReadingTimeOutsideAnyPossibleRangeIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
		String code = newSubstation();
		List<String> absurd = List.of("-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
				"1999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59+08:00");
		for (String readAt : absurd) {
			String body = item(code, base, 52, 0.45).replace(base.toString(), readAt);
			HttpResponse<String> response = post("{\"readings\":[" + body + "]}", key);
			assertThat(response.statusCode()).as(readAt + ": " + response.body()).isEqualTo(200);
			JsonNode answer = json.readTree(response.body());
			assertThat(answer.get("stored").asLong()).as(readAt).isZero();
			assertThat(answer.get("refused").asLong()).as(readAt).isEqualTo(1);
			JsonNode result = answer.get("results").get(0);
			assertThat(result.get("result").asString()).isEqualTo("REFUSED");
			assertThat(result.get("field").asString()).as(readAt).isEqualTo("readAt");
			assertThat(result.get("code").asString()).as(readAt)
				.isIn("TELEMETRY_READ_AT_TOO_EARLY", "TELEMETRY_READ_AT_FUTURE");
		}
		HttpResponse<String> chinese = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/telemetry"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "zh-CN")
			.header("X-Api-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString("{\"readings\":["
					+ item(code, base, 52, 0.45).replace(base.toString(), "0000-01-01T00:00:00Z") + "]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(json.readTree(chinese.body()).get("results").get(0).get("message").asString())
			.isEqualTo("采集时间不可能：0000-01-01T00:00:00Z。采集时间须在 2000-01-01 之后，请检查采集设备的时钟。");
		assertThat(readings(code)).isZero();
		SubstationView s = network.substationByCode(code).orElseThrow();
		assertThat(s.lastReadingAt()).isNull();
		assertThat(s.status()).isEqualTo(OperatingStatus.UNKNOWN);
		// the earliest possible time itself is a reading like any other
		JsonNode earliest = send(item(code, base, 52, 0.45).replace(base.toString(), "2000-01-01T00:00:00Z"));
		assertThat(earliest.get("stored").asLong()).isEqualTo(1);
	}

	@Test
	void anEmptyBatchIsAnErrorInTheCallersLanguage() throws Exception {
		HttpResponse<String> response = post("{\"readings\":[]}", key);
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("code").asString()).isEqualTo("TELEMETRY_EMPTY");
		assertThat(body.get("message").asString()).isEqualTo("The batch is empty.");
	}

	@Test
	void aBadKeyOrAStaffLoginIsRefused() throws Exception {
		String code = newSubstation();
		String body = "{\"readings\":[" + item(code, base, 52, 0.45) + "]}";
		assertThat(post(body, "hdk_nonsense_0000").statusCode()).isEqualTo(401);
		assertThat(post(body, null).statusCode()).isEqualTo(401);
		HttpRequest asAgent = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/telemetry"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent:heatdesk2026".getBytes()))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		assertThat(http.send(asAgent, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
		assertThat(readings(code)).isZero();
	}

	@Test
	void aStatusChangeIsPublishedAndReachesItsListener() throws Exception {
		String code = newSubstation();
		send(item(code, base, 52, 0.45));
		JsonNode answer = send(item(code, base.plus(Duration.ofMinutes(1)), 30, 0.45));
		assertThat(answer.get("statusChanges").get(0).get("to").asString()).isEqualTo("FAULT");
		SubstationView s = network.substationByCode(code).orElseThrow();
		assertThat(s.status()).isEqualTo(OperatingStatus.FAULT);
		assertThat(s.statusSince()).isEqualTo(base.plus(Duration.ofMinutes(1)));
		// the listener writes the history after the commit, from the event publication registry
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select from_status || '>' || to_status from network_status_change where substation_id = ? order by changed_at""")
			.param(s.id())
			.query(String.class)
			.list()).containsExactly("UNKNOWN>NORMAL", "NORMAL>FAULT"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select count(*) from event_publication
				where event_type = ? and serialized_event like ? and completion_date is not null""")
			.params(SubstationStatusChanged.class.getName(), "%\"code\":\"" + code + "\"%\"to\":\"FAULT\"%")
			.query(Long.class)
			.single()).isEqualTo(1));
		List<String> audited = jdbc.sql("""
				select action from platform_audit_event where entity_type = 'network_substation' and entity_id = ?""")
			.param(String.valueOf(s.id()))
			.query(String.class)
			.list();
		assertThat(audited).containsOnly("SUBSTATION_STATUS_CHANGED").hasSize(2);
	}

	@Test
	void maintenanceSetByHandHoldsAgainstReadingsUntilLifted() throws Exception {
		String code = newSubstation();
		send(item(code, base, 52, 0.45));
		long id = network.substationByCode(code).orElseThrow().id();
		assertThat(network.setMaintenance(id, true).status()).isEqualTo(OperatingStatus.MAINTENANCE);
		send(item(code, base.plus(Duration.ofMinutes(1)), 30, 0.45));
		SubstationView during = network.substationByCode(code).orElseThrow();
		assertThat(during.status()).isEqualTo(OperatingStatus.MAINTENANCE);
		assertThat(during.secondarySupplyTemp()).isEqualTo(30.0);
		assertThat(network.setMaintenance(id, false).status()).isEqualTo(OperatingStatus.FAULT);
	}

}
