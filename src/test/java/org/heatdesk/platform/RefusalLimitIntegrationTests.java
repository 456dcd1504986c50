package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client sends 200 requests with a wrong key. Each used to add an audit row, and anyone can send
 * them. Now the first refusal of a minute from the address is a row, the rest of the minute one more
 * row with their count, and past the limit (20 a minute for one key) the answer is 429 at once.
 */
@HeatDeskTest
class RefusalLimitIntegrationTests {

	static final int LIMIT = 20;

	@LocalServerPort
	int port;

	@Autowired
	RepeatedRefusals refusals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void twoHundredWrongKeysFromOneSourceAreCountedNotWrittenAndLimited() throws Exception {
		// pending summaries of earlier tests are written now, so this source starts a fresh story
		refusals.flush(true);
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String hex = HexFormat.of().formatHex(random);
		String key = "hdk_" + hex.substring(0, 8) + "_" + hex.substring(8);
		String shown = "api-key:" + key.substring(0, 12) + "…";
		Instant start = Instant.now();
		long startMinute = start.getEpochSecond() / 60;

		int unauthorized = 0;
		int tooMany = 0;
		HttpResponse<String> last = null;
		for (int i = 0; i < 200; i++) {
			last = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/audit/verify"))
				.header("X-Api-Key", key)
				.build(), HttpResponse.BodyHandlers.ofString());
			if (last.statusCode() == 401) {
				unauthorized++;
				assertThat(json.readTree(last.body()).path("code").asString()).isEqualTo("INVALID_API_KEY");
			}
			else {
				assertThat(last.statusCode()).as("request %d", i).isEqualTo(429);
				tooMany++;
			}
		}
		long minutes = Instant.now().getEpochSecond() / 60 - startMinute + 1;
		refusals.flush(true);

		// each minute the run touched: the first 20 refusals are checked (401), the rest are not (429)
		assertThat(unauthorized).isBetween(LIMIT, (int) (LIMIT * minutes));
		assertThat(tooMany).isEqualTo(200 - unauthorized);
		assertThat(last.statusCode()).isEqualTo(429);
		long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 61L);
		JsonNode body = json.readTree(last.body());
		assertThat(body.path("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
		assertThat(body.path("message").asString()).contains("失败尝试过多");

		// per minute: one row for the first refusal, one summary with the count of the others
		List<String> rejected = jdbc.sql("""
				select action from platform_audit_event
				where occurred_at >= ? and action = 'API_KEY_REJECTED' and actor = ?""")
			.params(Timestamp.from(start), shown)
			.query(String.class)
			.list();
		List<Map<String, Object>> summaries = jdbc.sql("""
				select after_state from platform_audit_event
				where occurred_at >= ? and action = 'REFUSALS_REPEATED' and jsonb_exists(after_state::jsonb -> 'actors', ?)""")
			.params(Timestamp.from(start), shown)
			.query()
			.listOfRows();
		assertThat(rejected.size()).isBetween(1, (int) minutes);
		assertThat(summaries.size()).isBetween(1, (int) minutes);
		assertThat(rejected.size() + summaries.size()).isLessThanOrEqualTo((int) (2 * minutes));
		int counted = 0;
		int limited = 0;
		for (Map<String, Object> summary : summaries) {
			JsonNode details = json.readTree((String) summary.get("after_state"));
			assertThat(details.path("kind").asString()).isEqualTo("api-key");
			assertThat(details.path("refusedAction").asString()).isEqualTo("API_KEY_REJECTED");
			counted += details.path("count").asInt();
			limited += details.path("limited").asInt();
		}
		// nothing is lost: the rows and the counts add up to the 200 requests
		assertThat(rejected.size() + counted).isEqualTo(unauthorized);
		assertThat(limited).isEqualTo(tooMany);
	}

	@Test
	void deadSessionCookiesFromOneAddressAreOneRowAndACountPerMinute() throws Exception {
		refusals.flush(true);
		Instant start = Instant.now();
		long startMinute = start.getEpochSecond() / 60;
		HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		for (int i = 0; i < 50; i++) {
			HttpResponse<String> response = noRedirects.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/audit"))
				.header("Cookie", "JSESSIONID=DEAD" + i)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
		}
		long minutes = Instant.now().getEpochSecond() / 60 - startMinute + 1;
		refusals.flush(true);
		long rows = jdbc.sql("select count(*) from platform_audit_event where occurred_at >= ? and action = 'SESSION_EXPIRED'")
			.param(Timestamp.from(start))
			.query(Long.class)
			.single();
		List<String> summaries = jdbc.sql("""
				select after_state from platform_audit_event
				where occurred_at >= ? and action = 'REFUSALS_REPEATED' and after_state::jsonb ->> 'refusedAction' = 'SESSION_EXPIRED'""")
			.param(Timestamp.from(start))
			.query(String.class)
			.list();
		assertThat(rows).isBetween(1L, minutes);
		int counted = 0;
		for (String summary : summaries) {
			counted += json.readTree(summary).path("count").asInt();
		}
		assertThat(rows + counted).isEqualTo(50);
	}
}
