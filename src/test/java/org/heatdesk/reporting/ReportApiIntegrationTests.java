package org.heatdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.reporting.ReportingFixtures.at;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/reports/compliance}: the report as JSON for a scope the caller may see; a
 * reversed period, one over three years, a malformed date or scope, an unknown scope id and a scope
 * the caller may not see are refused with the API's JSON in the caller's language, never a 5xx.
 */
@HeatDeskTest
class ReportApiIntegrationTests {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	HttpResponse<String> get(String query, String user, String language) {
		return MalformedInput.send(http, json, MalformedInput.at(port, "/api/v1/reports/compliance" + query)
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language)
			.GET()
			.build(), query);
	}

	@Test
	void theReportOfATeamAsJson() {
		ReportingFixtures f = new ReportingFixtures(jdbc, staff);
		LocalDate d = LocalDate.of(2019, 5, 6);
		f.call(at(d, "09:00"), f.agent1Id, true, false, "INBOUND");
		f.call(at(d, "09:30"), f.agent2Id, false, false, "INBOUND");

		HttpResponse<String> r = get("?period=day&day=2019-05-06&scope=team:" + f.teamId, "manager", "zh-CN");
		assertThat(r.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(r.body());
		assertThat(body.path("period").path("from").asString()).isEqualTo("2019-05-06");
		assertThat(body.path("scope").path("key").asString()).isEqualTo("team:" + f.teamId);
		JsonNode calls = null;
		JsonNode handovers = null;
		for (JsonNode l : body.path("lines")) {
			if (l.path("code").asString().equals("calls.answered-in-limit")) {
				calls = l;
			}
			if (l.path("code").asString().equals("shift.handovers-on-time")) {
				handovers = l;
			}
		}
		// the team: 1 of its 2 calls within the limit → 50.0 %, below the 95 % target
		assertThat(calls.path("value").decimalValue()).isEqualByComparingTo("50.0");
		assertThat(calls.path("numerator").asLong()).isEqualTo(1);
		assertThat(calls.path("denominator").asLong()).isEqualTo(2);
		assertThat(calls.path("meetsTarget").asBoolean()).isFalse();
		assertThat(calls.path("article").asString()).isEqualTo("7(三)");
		// the test's own team held no hand-over that day: measured, but no value (never zero)
		assertThat(handovers.path("measured").asBoolean()).isTrue();
		assertThat(handovers.path("value").isNull()).isTrue();

		// an agent of the team sees his own figures and his team's, not another team's nor the company's
		assertThat(get("?period=day&day=2019-05-06&scope=agent:" + f.agent1Id, f.agent1.username(), "zh-CN").statusCode()).isEqualTo(200);
		assertThat(get("?period=day&day=2019-05-06&scope=team:" + f.teamId, f.agent1.username(), "zh-CN").statusCode()).isEqualTo(200);
		HttpResponse<String> other = get("?period=day&day=2019-05-06&scope=agent:" + f.agent2Id, f.agent1.username(), "en");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(json.readTree(other.body()).path("code").asString()).isEqualTo("REPORT_SCOPE_FORBIDDEN");
		assertThat(get("?scope=company", f.agent1.username(), "zh-CN").statusCode()).isEqualTo(403);
		// without a scope, an agent gets his own report
		HttpResponse<String> own = get("?period=day&day=2019-05-06", f.agent1.username(), "zh-CN");
		assertThat(json.readTree(own.body()).path("scope").path("key").asString()).isEqualTo("agent:" + f.agent1Id);
	}

	@Test
	void badPeriodsAndScopesAreRefusedInTheCallersLanguage() {
		JsonNode reversed = refused(get("?from=2026-03-01&to=2026-02-01", "manager", "zh-CN"), 400, "REPORT_PERIOD_REVERSED");
		assertThat(reversed.path("message").asString()).contains("早于");
		JsonNode reversedEn = refused(get("?from=2026-03-01&to=2026-02-01", "manager", "en"), 400, "REPORT_PERIOD_REVERSED");
		assertThat(reversedEn.path("message").asString()).contains("ends (2026-02-01) before it starts (2026-03-01)");
		// 2020-01-01 … 2023-01-05 is 1,101 days, more than three years of 366
		refused(get("?from=2020-01-01&to=2023-01-05", "manager", "zh-CN"), 400, "REPORT_PERIOD_TOO_LONG");
		JsonNode unknown = refused(get("?period=month&scope=team:987654321", "manager", "en"), 404, "REPORT_SCOPE_UNKNOWN");
		assertThat(unknown.path("message").asString()).contains("no such scope");
		refused(get("?scope=community:987654321", "manager", "zh-CN"), 404, "REPORT_SCOPE_UNKNOWN");
		refused(get("?scope=team:abc", "manager", "zh-CN"), 400, "REPORT_SCOPE_INVALID");
		refused(get("?scope=planet:1", "manager", "zh-CN"), 400, "REPORT_SCOPE_INVALID");
		refused(get("?scope=team:-1", "manager", "zh-CN"), 400, "REPORT_SCOPE_INVALID");
		refused(get("?period=day&day=2026-13-45", "manager", "zh-CN"), 400, "REPORT_PERIOD_INVALID");
		refused(get("?period=fortnight", "manager", "zh-CN"), 400, "REPORT_PERIOD_INVALID");
		refused(get("?from=2026-01-01", "manager", "zh-CN"), 400, "REPORT_PERIOD_MISSING");

		// odd values in every parameter: never a 5xx, a refusal is the API's JSON (MalformedInput.send checks both)
		long targets = jdbc.sql("select count(*) from reporting_target").query(Long.class).single();
		for (String odd : MalformedInput.ODD_STRINGS) {
			String raw = odd.length() > 2 ? odd.substring(1, odd.length() - 1) : odd;
			String v = URLEncoder.encode(raw.length() > 300 ? raw.substring(0, 300) : raw, StandardCharsets.UTF_8);
			for (String p : new String[] { "period", "day", "from", "to", "scope" }) {
				get("?" + p + "=" + v, "manager", "zh-CN");
			}
		}
		assertThat(jdbc.sql("select count(*) from reporting_target").query(Long.class).single()).isEqualTo(targets);
		// the role: a technician may not read reports at all
		assertThat(get("", "tech", "zh-CN").statusCode()).isEqualTo(403);
	}

	JsonNode refused(HttpResponse<String> r, int status, String code) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
		JsonNode body = json.readTree(r.body());
		assertThat(body.path("code").asString()).isEqualTo(code);
		assertThat(body.has("field")).isTrue();
		return body;
	}
}
