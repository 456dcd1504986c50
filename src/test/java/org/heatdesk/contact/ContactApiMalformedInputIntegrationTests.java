package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input on the switch's {@code POST /api/v1/cti/events} and the 12345 platform's
 * {@code POST /api/v1/hotline12345/cases}: generated cases never get a 5xx, every refusal is the
 * API's JSON and writes no call, event, contact or ticket; and the refusals found by trying (a NUL,
 * a year 0 or -999999999, a recording URL over its column) name the field in the caller's language.
 */
@HeatDeskTest
class ContactApiMalformedInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	String ctiKey;

	String hotlineKey;

	@BeforeEach
	void keys() {
		ctiKey = TestApiKeys.create(jdbc, ApiKeyScope.CTI, "malformed switch");
		hotlineKey = TestApiKeys.create(jdbc, ApiKeyScope.HOTLINE_12345, "malformed 12345");
	}

	@Test
	void generatedCtiEventsNeverGetA5xxAndARefusalWritesNothing() {
		String valid = """
				{"callId":"mi-%s","type":"RINGING","time":"%s","caller":"13900001111","dialled":"96123",\
				"queue":"repair","recordingUrl":"https://rec.example.cn/a.wav"}""".formatted(MalformedInput.UNIQUE,
				Instant.now().truncatedTo(ChronoUnit.SECONDS));
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, this::callRows);
		List<Case> cases = MalformedInput.cases(json, valid, 80);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(cti(i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(cases).hasSizeGreaterThan(400);
		assertThat(probe.refused()).isGreaterThan(200);
		assertThat(probe.accepted()).isGreaterThan(10);
	}

	@Test
	void generated12345CasesNeverGetA5xxAndARefusalWritesNothing() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String valid = """
				{"caseNo":"MI-%s","handedOverAt":"%s","replyDueAt":"%s","name":"张三","phone":"13900002222",\
				"address":"翠园小区3号楼2单元501","request":"暖气不热，室温15度","typeHint":"REPAIR"}""".formatted(
				MalformedInput.UNIQUE, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)));
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, this::hotlineRows);
		List<Case> cases = MalformedInput.cases(json, valid, 60);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(hotline(i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isGreaterThan(250);
		assertThat(probe.accepted()).isGreaterThan(10);
	}

	@Test
	void aNulInAnEventIsRefusedNamingTheFieldInTheCallersLanguage() {
		String callId = "nul-" + UUID.randomUUID();
		long before = callRows();
		String body = event(callId, Instant.now().toString()).replace("\"13900001111\"", "\"139\\u000000001111\"");
		JsonNode zh = refused(post(cti("zh-CN"), body), 400, "TEXT_CONTROL_CHARACTER", "caller");
		assertThat(zh.path("message").asString()).isEqualTo("“caller”含有无法保存的控制字符（U+0000），请删去后再提交。");
		JsonNode en = refused(post(cti("en"), body), 400, "TEXT_CONTROL_CHARACTER", "caller");
		assertThat(en.path("message").asString())
			.isEqualTo("\"caller\" contains a control character (U+0000) that cannot be stored; remove it and send again.");
		// in a batch the item is named by its place
		refused(post(cti("en"), "[" + event("ok-" + callId, Instant.now().toString()) + "," + body + "]"), 400,
				"TEXT_CONTROL_CHARACTER", "[1].caller");
		assertThat(callRows()).isEqualTo(before);
	}

	@Test
	void anEventTimeOutsideAnySensibleYearIsRefusedNamingTheField() {
		long before = callRows();
		for (String time : List.of("-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z",
				"+999999999-12-31T23:59:59Z")) {
			JsonNode en = refused(post(cti("en"), event("time-" + UUID.randomUUID(), time)), 400, "DATE_OUT_OF_RANGE",
					"time");
			assertThat(en.path("message").asString()).as(time)
				.isEqualTo("\"time\" holds a date outside the accepted range (years 1900 to 2999).");
		}
		assertThat(callRows()).isEqualTo(before);
	}

	@Test
	void aRecordingUrlOverItsColumnIsRefusedOnAnyEvent() {
		long before = callRows();
		String url = "https://rec.example.cn/" + "a".repeat(480);
		String body = event("url-" + UUID.randomUUID(), Instant.now().toString()).replace("}",
				",\"recordingUrl\":\"" + url + "\"}");
		JsonNode zh = refused(post(cti("zh-CN"), body), 400, "TOO_LONG", "recordingUrl");
		assertThat(zh.path("message").asString()).isEqualTo("内容过长，最多 500 个字符。");
		assertThat(callRows()).isEqualTo(before);
	}

	@Test
	void anEventSentAsAnyTypeIsTakenAsJsonOrRefusedAsJson() {
		HttpResponse<String> response = MalformedInput.send(http, json, cti("en").header("Content-Type", "*/*")
			.POST(HttpRequest.BodyPublishers.ofString(event("any-" + UUID.randomUUID(), Instant.now().toString())))
			.build(), "*/*");
		assertThat(response.statusCode()).as(response.body()).isIn(200, 415);
	}

	@Test
	void a12345CaseWithAnAbsurdHandOverOrANulIsRefusedNamingTheField() {
		long before = hotlineRows();
		Instant now = Instant.now();
		for (String handedOver : List.of("-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00+08:00")) {
			String body = """
					{"caseNo":"ABS-%s","handedOverAt":"%s","replyDueAt":"%s","phone":"13900002222","request":"暖气不热"}"""
				.formatted(UUID.randomUUID(), handedOver, now.plus(Duration.ofDays(1)));
			refused(post(hotline("zh-CN"), body), 400, "DATE_OUT_OF_RANGE", "handedOverAt");
		}
		String nul = """
				{"caseNo":"NUL-%s","handedOverAt":"%s","replyDueAt":"%s","phone":"13900002222","request":"暖气\\u0000不热"}"""
			.formatted(UUID.randomUUID(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
		refused(post(hotline("en"), nul), 400, "TEXT_CONTROL_CHARACTER", "request");
		assertThat(hotlineRows()).isEqualTo(before);
	}

	private static String event(String callId, String time) {
		return """
				{"callId":"%s","type":"RINGING","time":"%s","caller":"13900001111","dialled":"96123","queue":"repair"}"""
			.formatted(callId, time);
	}

	private JsonNode refused(HttpResponse<String> response, int status, String code, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = MalformedInput.assertRefusal(json, status, response.headers().firstValue("Content-Type").orElse(""),
				response.body(), code);
		assertThat(body.path("code").asString()).as(response.body()).isEqualTo(code);
		assertThat(body.path("field").asString()).as(response.body()).isEqualTo(field);
		return body;
	}

	private HttpResponse<String> post(HttpRequest.Builder request, String body) {
		try {
			return http.send(request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private HttpRequest.Builder cti(String language) {
		return MalformedInput.at(port, "/api/v1/cti/events").header("X-Api-Key", ctiKey).header("Accept-Language", language);
	}

	private HttpRequest.Builder hotline(String language) {
		return MalformedInput.at(port, "/api/v1/hotline12345/cases")
			.header("X-Api-Key", hotlineKey)
			.header("Accept-Language", language);
	}

	private long callRows() {
		return jdbc.sql("select (select count(*) from contact_call) + (select count(*) from contact_call_event)")
			.query(Long.class)
			.single();
	}

	private long hotlineRows() {
		return jdbc.sql("select (select count(*) from contact_contact) + (select count(*) from ticket)").query(Long.class).single();
	}
}
