package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/field/jobs/{id}/temperature-test}: the test recorded and priced, and every
 * malformed or forbidden request refused as the API's JSON in the caller's language with nothing
 * written.
 */
@HeatDeskTest
class FieldTemperatureApiIntegrationTests {

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
	Tickets tickets;

	@Autowired
	Jobs jobs;

	@Autowired
	Technicians technicians;

	record Setup(TemperatureTestSupport.Technician tech, long job) {
	}

	Setup onSite(String area) {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		long customer = TemperatureTestSupport.customer(jdbc, "刘洋", area);
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		return new Setup(tech, TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ON_SITE"));
	}

	static String body(String clientId, String rooms, String signature) {
		return """
				{"clientId":"%s","rooms":%s,"doorsClosed":true,"height":true,"centre":true,"reading":true,\
				"instrumentNo":"JD-T-0007","technicianSignature":"%s","customerSignature":"%s"}"""
			.formatted(clientId, rooms, signature, signature);
	}

	@Test
	void theTechnicianRecordsATestAndHearsTheRefund() {
		Setup s = onSite("120.00");
		String sig = TemperatureTestSupport.signature();
		HttpResponse<String> ok = send(s.job(), s.tech().username(),
				body("phone-1", "[{\"name\":\"主卧\",\"temperature\":12.5},{\"name\":\"客厅\",\"temperature\":11.9}]", sig), "zh-CN");
		assertThat(ok.statusCode()).isEqualTo(200);
		JsonNode t = json.readTree(ok.body());
		// (12.5 + 11.9) ÷ 2 = 12.2 °C: below 14 → 100 % in Jinan; complained and tested today: 1 day;
		// 26.70 × 120.00 × 1 ÷ 121 × 100 % = 3204 ÷ 121 = 26.4793… → 26.48 yuan
		assertThat(t.path("mean").decimalValue()).isEqualByComparingTo("12.2");
		assertThat(t.path("compliant").asBoolean()).isFalse();
		assertThat(t.path("percent").asInt()).isEqualTo(100);
		assertThat(t.path("daysBelow").asInt()).isEqualTo(1);
		assertThat(t.path("refund").decimalValue()).isEqualByComparingTo("26.48");
		assertThat(t.path("ruleCity").asString()).isEqualTo("JINAN");
		assertThat(ok.body()).doesNotContain("base64");
		// the same submission again: the same test
		HttpResponse<String> again = send(s.job(), s.tech().username(),
				body("phone-1", "[{\"name\":\"主卧\",\"temperature\":12.5},{\"name\":\"客厅\",\"temperature\":11.9}]", sig), "zh-CN");
		assertThat(json.readTree(again.body()).path("id").asLong()).isEqualTo(t.path("id").asLong());
		assertThat(rows(s.job())).isEqualTo(3);
	}

	@Test
	void refusalsAreJsonInTheCallersLanguageAndWriteNothing() {
		Setup s = onSite("80.00");
		String sig = TemperatureTestSupport.signature();
		String user = s.tech().username();

		JsonNode hot = refused(send(s.job(), user, body("a", "[{\"temperature\":40.5}]", sig), "zh-CN"), 400, "DISPATCH_TEMPERATURE_RANGE", "rooms");
		assertThat(hot.path("message").asString()).contains("−10 到 40");
		JsonNode hotEn = refused(send(s.job(), user, body("a", "[{\"temperature\":-12}]", sig), "en"), 400, "DISPATCH_TEMPERATURE_RANGE", "rooms");
		assertThat(hotEn.path("message").asString()).contains("−10").contains("40");
		refused(send(s.job(), user, body("a", "[]", sig), "zh-CN"), 400, "DISPATCH_ROOMS_REQUIRED", "rooms");
		JsonNode noRooms = refused(send(s.job(), user, body("a", "null", sig), "en"), 400, "DISPATCH_ROOMS_REQUIRED", "rooms");
		assertThat(noRooms.path("message").asString()).isNotBlank();
		JsonNode unsigned = refused(send(s.job(), user, body("a", "[{\"temperature\":15.0}]", sig).replace(
				"\"customerSignature\":\"" + sig + "\"", "\"customerSignature\":\"\""), "zh-CN"), 400, "DISPATCH_TEST_SIGNATURE_REQUIRED",
				"customerSignature");
		assertThat(unsigned.path("message").asString()).contains("签名");
		JsonNode unsignedEn = refused(send(s.job(), user, body("a", "[{\"temperature\":15.0}]", sig).replace(
				"\"technicianSignature\":\"" + sig + "\"", "\"technicianSignature\":null"), "en"), 400, "DISPATCH_TEST_SIGNATURE_REQUIRED",
				"technicianSignature");
		assertThat(unsignedEn.path("message").asString()).contains("sign");
		JsonNode unticked = refused(send(s.job(), user, body("a", "[{\"temperature\":15.0}]", sig).replace("\"centre\":true", "\"centre\":false"), "zh-CN"),
				400, "DISPATCH_TEST_METHOD_REQUIRED", "centre");
		assertThat(unticked.path("message").asString()).contains("房间中央");

		// not his job: another technician, and a dispatcher (not a technician at all)
		TemperatureTestSupport.Technician other = TemperatureTestSupport.technician(staff, jdbc, technicians);
		JsonNode notYours = refused(send(s.job(), other.username(), body("a", "[{\"temperature\":15.0}]", sig), "zh-CN"), 403,
				"DISPATCH_JOB_NOT_YOURS", null);
		assertThat(notYours.path("message").asString()).contains("没有派给您");
		JsonNode notYoursEn = refused(send(s.job(), other.username(), body("a", "[{\"temperature\":15.0}]", sig), "en"), 403,
				"DISPATCH_JOB_NOT_YOURS", null);
		assertThat(notYoursEn.path("message").asString()).contains("not dispatched to you");
		assertThat(send(s.job(), "dispatcher", body("a", "[{\"temperature\":15.0}]", sig), "zh-CN").statusCode()).isEqualTo(403);
		refused(send(Long.MAX_VALUE, user, body("a", "[{\"temperature\":15.0}]", sig), "en"), 404, "DISPATCH_JOB_NOT_FOUND", null);
		assertThat(rows(s.job())).isZero();
	}

	@Test
	void malformedBodies() {
		Setup s = onSite("75.50");
		String valid = body("probe-1", "[{\"name\":\"主卧\",\"temperature\":16.4},{\"name\":\"客厅\",\"temperature\":17.1}]",
				TemperatureTestSupport.signature());
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, () -> rows(s.job()));
		List<MalformedInput.Case> cases = MalformedInput.cases(json, valid, 40);
		String path = "/api/v1/field/jobs/" + s.job() + "/temperature-test";
		for (int i = 0; i < cases.size(); i++) {
			probe.check(request(path, s.tech().username(), i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isPositive();
		// what was accepted was one test: the job has one test and its two rooms at most
		assertThat(rows(s.job())).isLessThanOrEqualTo(3);
	}

	JsonNode refused(HttpResponse<String> r, int status, String code, String field) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
		JsonNode body = json.readTree(r.body());
		assertThat(body.path("code").asString()).isEqualTo(code);
		assertThat(body.path("message").asString()).isNotBlank();
		if (field != null) {
			assertThat(body.path("field").asString()).isEqualTo(field);
		}
		return body;
	}

	long rows(long job) {
		return jdbc.sql("""
				select (select count(*) from dispatch_temperature_test where job_id = ?)
				     + (select count(*) from dispatch_temperature_room r join dispatch_temperature_test t on t.id = r.test_id where t.job_id = ?)""")
			.params(job, job)
			.query(Long.class)
			.single();
	}

	HttpRequest.Builder request(String path, String user, String language) {
		return MalformedInput.at(port, path)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language);
	}

	HttpResponse<String> send(long job, String user, String body, String language) {
		String path = "/api/v1/field/jobs/" + job + "/temperature-test";
		return MalformedInput.send(http, json, request(path, user, language).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), path);
	}
}
