package org.heatdesk.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.MalformedInput.Case;
import org.heatdesk.TestApiKeys;
import org.heatdesk.platform.ApiKeyScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input on SCADA's {@code POST /api/v1/telemetry}, generated from one valid reading:
 * never a 5xx, a refused batch is the API's JSON, and neither a refused batch nor a refused reading
 * stores a reading or a status change. The NUL refusal comes from platform's JSON guard.
 */
@HeatDeskTest
class TelemetryMalformedInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void generatedReadingsNeverGetA5xxAndARefusalStoresNothing() {
		String key = TestApiKeys.create(jdbc, ApiKeyScope.TELEMETRY, "malformed SCADA");
		String code = "MI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		jdbc.sql("""
				insert into network_substation (code, name, heat_source_id)
				values (?, ?, (select min(id) from network_heat_source))""").params(code, "malformed " + code).update();
		String item = """
				{"substation":"%s","readAt":"%s","primarySupplyTemp":95.0,"primaryReturnTemp":50.0,\
				"secondarySupplyTemp":55.0,"secondaryReturnTemp":40.0,"pressure":0.6,"flow":120.0}""".formatted(code,
				Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS));
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, () -> jdbc.sql("""
				select (select count(*) from network_reading r join network_substation s on s.id = r.substation_id where s.code = :c)
				     + (select count(*) from network_status_change h join network_substation s on s.id = h.substation_id where s.code = :c)""")
			.param("c", code)
			.query(Long.class)
			.single());
		List<Case> cases = MalformedInput.cases(json, item, 50);
		// readAt is parsed by the intake itself, which the network module's own check guards against
		// years PostgreSQL cannot store; these cases belong to that module's tests
		cases.removeIf(c -> c.name().matches("(?s).*readAt=\"(0000|-999999999|\\+999999999).*"));
		// the readings inside the batch, and the batch itself
		cases.replaceAll(c -> c.contentType() != null && c.contentType().equals("application/json")
				&& !c.name().startsWith("body ") ? new Case(c.name(), c.contentType(), wrap(c.body())) : c);
		cases.addAll(MalformedInput.cases(json, "{\"readings\":[" + item + "]}", 10));
		int refusedItems = 0;
		for (int i = 0; i < cases.size(); i++) {
			long before = rows(code);
			HttpRequest.Builder request = MalformedInput.at(port, "/api/v1/telemetry")
				.header("X-Api-Key", key)
				.header("Accept-Language", i % 2 == 0 ? "zh-CN" : "en");
			HttpResponse<String> response = probe.check(request, cases.get(i));
			if (response.statusCode() == 200) {
				JsonNode results = json.readTree(response.body()).path("results");
				boolean allRefused = results.size() > 0;
				for (JsonNode r : results) {
					if (r.path("result").asString().equals("REFUSED")) {
						assertThat(r.path("code").asString()).isNotBlank();
						assertThat(r.path("message").asString()).isNotBlank().doesNotContain("[Ljava");
					}
					else {
						allRefused = false;
					}
				}
				if (allRefused) {
					refusedItems++;
					assertThat(rows(code)).as("rows after %s", cases.get(i).name()).isEqualTo(before);
				}
			}
		}
		assertThat(probe.refused() + refusedItems).isGreaterThan(250);
	}

	private long rows(String code) {
		return jdbc.sql("""
				select count(*) from network_reading r join network_substation s on s.id = r.substation_id where s.code = ?""")
			.param(code)
			.query(Long.class)
			.single();
	}

	private static byte[] wrap(byte[] item) {
		// byte for byte: a case of invalid UTF-8 stays invalid inside the batch
		byte[] head = "{\"readings\":[".getBytes(StandardCharsets.US_ASCII);
		byte[] tail = "]}".getBytes(StandardCharsets.US_ASCII);
		return MalformedInput.concat(MalformedInput.concat(head, item), tail);
	}
}
