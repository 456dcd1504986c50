package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

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
 * Malformed input on every POST of the dispatch API, generated from one valid body each: never a
 * 5xx, a refusal is the API's JSON in the caller's language, and a refusal stores nothing.
 */
@HeatDeskTest
class DispatchApiMalformedInputIntegrationTests {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Autowired
	Technicians technicians;

	@Test
	void certificates() {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 1);
		String valid = """
				{"kind":"WELDING","number":"T-@@U@@","issuer":"济南市应急管理局","validFrom":"2026-01-01","validUntil":"2032-01-01"}""";
		int accepted = probe("/api/v1/dispatch/technicians/" + crew.technicians()[0] + "/certificates", "dispatcher", valid, 40);
		assertThat(accepted).isPositive();
	}

	@Test
	void refundRules() {
		String valid = """
				{"city":"M@@U@@","cityName":"测试市","effectiveFrom":"%s","pricePerM2":22.50,"seasonDays":121,\
				"bands":[{"from":14.0,"below":18.0,"percent":50},{"from":null,"below":14.0,"percent":100}]}"""
			.formatted(Instant.now().plus(Duration.ofDays(30)));
		assertThat(probe("/api/v1/dispatch/refund-rules", "manager", valid, 40)).isPositive();
	}

	@Test
	void refundQuotes() {
		String valid = """
				{"city":"JINAN","testedAt":"%s","rooms":[15.0,15.4,15.2],"heatedArea":85.40,"daysBelow":10}"""
			.formatted(Instant.now().minus(Duration.ofHours(1)));
		HttpResponse<String> ok = send("/api/v1/dispatch/refunds/quote", "dispatcher", valid, "zh-CN");
		assertThat(ok.statusCode()).isEqualTo(200);
		JsonNode quote = json.readTree(ok.body());
		assertThat(quote.path("householdTemperature").decimalValue()).isEqualByComparingTo("15.2");
		assertThat(quote.path("refund").decimalValue()).isEqualByComparingTo("94.22");
		HttpResponse<String> cold = send("/api/v1/dispatch/refunds/quote", "dispatcher", valid.replace("15.0,", "40.5,"), "en");
		assertThat(cold.statusCode()).isEqualTo(400);
		assertThat(json.readTree(cold.body()).path("message").asString()).contains("−10 and 40");
		assertThat(probe("/api/v1/dispatch/refunds/quote", "dispatcher", valid, 40)).isPositive();
	}

	@Test
	void eligibility() {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 1);
		technicians.setSkills(org.heatdesk.platform.Actor.system("test"), crew.technicians()[0], java.util.Set.of(Skill.WELDER));
		String valid = """
				{"technicianId":%d,"jobKind":"WELDING","at":"%s"}""".formatted(crew.technicians()[0], Instant.now());
		HttpResponse<String> refused = send("/api/v1/dispatch/eligibility", "dispatcher", valid, "zh-CN");
		assertThat(refused.statusCode()).isEqualTo(409);
		JsonNode body = json.readTree(refused.body());
		assertThat(body.path("code").asString()).isEqualTo("DISPATCH_CERTIFICATE_MISSING");
		assertThat(body.path("message").asString()).contains("特种作业操作证（焊接与热切割作业）");
		probe("/api/v1/dispatch/eligibility", "dispatcher", valid.replace("WELDING", "TEMPERATURE_TEST"), 30);
		// a technician may not ask, nor change the rule table
		assertThat(send("/api/v1/dispatch/eligibility", "tech", valid, "zh-CN").statusCode()).isEqualTo(403);
		assertThat(send("/api/v1/dispatch/refund-rules", "dispatcher", "{}", "zh-CN").statusCode()).isEqualTo(403);
	}

	private int probe(String path, String user, String valid, int random) {
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, this::rows);
		List<MalformedInput.Case> cases = MalformedInput.cases(json, valid, random);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(request(path, user, i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isPositive();
		return probe.accepted();
	}

	private HttpRequest.Builder request(String path, String user, String language) {
		return MalformedInput.at(port, path)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language);
	}

	private HttpResponse<String> send(String path, String user, String body, String language) {
		return MalformedInput.send(http, json, request(path, user, language).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), path);
	}

	private long rows() {
		return jdbc.sql("""
				select (select count(*) from dispatch_certificate) + (select count(*) from dispatch_refund_rule)
				     + (select count(*) from dispatch_refund_band) + (select count(*) from dispatch_shift)
				     + (select count(*) from dispatch_skill) + (select count(*) from dispatch_crew_area)""")
			.query(Long.class)
			.single();
	}
}
