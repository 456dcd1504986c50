package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.MalformedInput.Case;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input on {@code /api/v1/tickets}: recording, every action, search parameters, the
 * {@code Idempotency-Key} header and attachment uploads. Generated cases never get a 5xx and a
 * refusal writes no ticket, event or transfer; the 500s found by trying (a NUL, an answer over the
 * result column, a date of year -999999999, a multipart body without boundary) are named refusals.
 */
@HeatDeskTest
class TicketApiMalformedInputIntegrationTests {

	private static final List<String> ACTIONS = List.of("dispatch", "respond", "resolve", "reopen", "close", "pause",
			"resume", "cancel", "escalate", "transfers", "link", "notes");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void generatedTicketsNeverGetA5xxAndARefusalRecordsNothing() {
		String valid = """
				{"type":"INQUIRY","priority":"NORMAL","scope":"HOUSEHOLD","channel":"PHONE","callerPhone":"13800000000",\
				"address":"翠园小区3号楼2单元501","description":"malformed %s 暖气不热","contactPhone":"13800000001",\
				"answer":"已答复：明天恢复供热"}""".formatted(MalformedInput.UNIQUE);
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, this::ticketRows);
		List<Case> cases = MalformedInput.cases(json, valid, 60);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(agent("/api/v1/tickets", i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isGreaterThan(250);
		assertThat(probe.accepted()).isGreaterThan(10);
	}

	@Test
	void generatedIncidentsNeverGetA5xxAndARefusalRecordsNothing() {
		String valid = """
				{"description":"malformed incident %s 翠园小区停暖","outageId":null}""".formatted(MalformedInput.UNIQUE);
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, this::ticketRows);
		List<Case> cases = MalformedInput.cases(json, valid, 20);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(agent("/api/v1/tickets/incidents", i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isGreaterThan(60);
	}

	@Test
	void generatedActionsNeverGetA5xxAndARefusalChangesNothing() {
		String no = record("actions " + UUID.randomUUID());
		String parent = record("parent " + UUID.randomUUID());
		long tech = jdbc.sql("select id from staff_member where username = 'tech'").query(Long.class).single();
		String valid = """
				{"version":0,"note":"已联系","result":"已修复","reason":"用户要求","assigneeId":%d,"teamId":null,\
				"toStaffId":%d,"toTeamId":null,"parentNo":"%s"}""".formatted(tech, tech, parent);
		long id = jdbc.sql("select id from ticket where ticket_no = ?").param(no).query(Long.class).single();
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, () -> jdbc.sql("""
				select (select count(*) from ticket_event where ticket_id = :id)
				     + (select count(*) from ticket_transfer where ticket_id = :id)
				     + (select version from ticket where id = :id)""").param("id", id).query(Long.class).single());
		List<Case> cases = MalformedInput.cases(json, valid, 60);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(agent("/api/v1/tickets/" + no + "/" + ACTIONS.get(i % ACTIONS.size()), i % 2 == 0 ? "zh-CN" : "en"),
					cases.get(i));
		}
		assertThat(probe.refused()).isGreaterThan(250);
	}

	@Test
	void aNulInATicketOrAnActionIsRefusedNamingTheField() {
		String description = "nul " + UUID.randomUUID();
		long before = ticketRows();
		JsonNode zh = refused(post(agent("/api/v1/tickets", "zh-CN"), body(description + "\\u0000")), 400,
				"TEXT_CONTROL_CHARACTER", "description");
		assertThat(zh.path("message").asString()).isEqualTo("“description”含有无法保存的控制字符（U+0000），请删去后再提交。");
		assertThat(ticketRows()).isEqualTo(before);
		String no = record(description);
		long events = events(no);
		refused(post(agent("/api/v1/tickets/" + no + "/notes", "en"), "{\"note\":\"a\\u0000\"}"), 400,
				"TEXT_CONTROL_CHARACTER", "note");
		refused(post(agent("/api/v1/tickets/" + no + "/cancel", "en"), "{\"version\":0,\"reason\":\"\\u0000\"}"), 400,
				"TEXT_CONTROL_CHARACTER", "reason");
		assertThat(events(no)).isEqualTo(events);
	}

	@Test
	void anAnswerOverTheResultColumnIsRefusedAndNothingIsRecorded() {
		String description = "long answer " + UUID.randomUUID();
		String body = body(description).replace("}", ",\"answer\":\"" + "答".repeat(4001) + "\"}").replace("REPAIR", "INQUIRY");
		JsonNode zh = refused(post(agent("/api/v1/tickets", "zh-CN"), body), 400, "TOO_LONG", "answer");
		assertThat(zh.path("message").asString()).isEqualTo("内容过长，最多 4,000 个字符。");
		assertThat(tickets(description)).isZero();
		// 4,000 characters fit
		HttpResponse<String> fits = post(agent("/api/v1/tickets", "zh-CN"),
				body(description).replace("}", ",\"answer\":\"" + "答".repeat(4000) + "\"}").replace("REPAIR", "INQUIRY"));
		assertThat(fits.statusCode()).as(fits.body()).isEqualTo(201);
	}

	@Test
	void anIdempotencyKeyOfOtherBytesOrTooLongIsRefusedOrTakenButNeverA500() {
		String description = "key " + UUID.randomUUID();
		byte[] body = body(description).getBytes(StandardCharsets.UTF_8);
		int taken = 0;
		// UTF-8 bytes read as Latin-1: "键" holds a C1 control, which the firewall refuses; "ÿþ" does not
		for (String key : List.of("schlüssel-ключ-键-" + UUID.randomUUID(), "\u00ff\u00fe" + UUID.randomUUID())) {
			MalformedInput.RawResponse first = MalformedInput.raw(port, head("/api/v1/tickets") + "\r\nIdempotency-Key: " + key,
					body, StandardCharsets.UTF_8);
			assertThat(first.status()).as(first.body()).isLessThan(500);
			MalformedInput.RawResponse again = MalformedInput.raw(port, head("/api/v1/tickets") + "\r\nIdempotency-Key: " + key,
					body, StandardCharsets.UTF_8);
			assertThat(again.status()).as(again.body()).isLessThan(500);
			if (first.status() == 201) {
				taken++;
				// the same key, the same ticket
				assertThat(json.readTree(again.body()).path("ticketNo").asString())
					.isEqualTo(json.readTree(first.body()).path("ticketNo").asString());
			}
			else {
				assertThat(first.status()).isEqualTo(400);
				JsonNode refusal = MalformedInput.assertRefusal(json, first.status(), first.headers().get("Content-Type"),
						first.body(), key);
				assertThat(refusal.path("code").asString()).isEqualTo("REQUEST_REJECTED");
			}
		}
		assertThat(taken).isEqualTo(1);
		assertThat(tickets(description)).isEqualTo(1);
		MalformedInput.RawResponse tooLong = MalformedInput.raw(port,
				head("/api/v1/tickets") + "\r\nIdempotency-Key: " + "k".repeat(101), body, StandardCharsets.UTF_8);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(json.readTree(tooLong.body()).path("field").asString()).isEqualTo("idempotencyKey");
		assertThat(tickets(description)).isEqualTo(1);
	}

	@Test
	void searchParametersOfAbsurdDatesOrANulAreRefusedNamingTheParameter() {
		refused(get("/api/v1/tickets?from=-999999999-01-01T00:00:00Z"), 400, "DATE_OUT_OF_RANGE", "from");
		refused(get("/api/v1/tickets?to=%2B999999999-12-31T23:59:59Z"), 400, "DATE_OUT_OF_RANGE", "to");
		refused(get("/api/v1/tickets?from=0000-01-01T00:00:00Z"), 400, "DATE_OUT_OF_RANGE", "from");
		refused(get("/api/v1/tickets?q=%E6%9A%96%00"), 400, "TEXT_CONTROL_CHARACTER", "q");
		assertThat(get("/api/v1/tickets?from=2026-01-01T00:00:00Z&limit=1").statusCode()).isEqualTo(200);
	}

	@Test
	void aBrokenOrNulNamedUploadIsRefusedAndNothingIsAttached() {
		String no = record("upload " + UUID.randomUUID());
		long before = jdbc.sql("select count(*) from ticket_attachment").query(Long.class).single();
		byte[] png = Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
		String path = "/api/v1/tickets/" + no + "/attachments";
		refused(upload(path, "multipart/form-data", MalformedInput.multipart("b0", "file", "a.png", "image/png", png)), 400,
				"MALFORMED_MULTIPART", null);
		byte[] whole = MalformedInput.multipart("b1", "file", "a.png", "image/png", png);
		byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 12);
		refused(upload(path, "multipart/form-data; boundary=b1", cut), 400, "MALFORMED_MULTIPART", null);
		// a NUL in the file name: Tomcat's parser already refuses the part, or platform's guard names it
		JsonNode nul = refused(upload(path, "multipart/form-data; boundary=b2",
				MalformedInput.multipart("b2", "file", "a\u0000.png", "image/png", png)), 400, null, null);
		assertThat(nul.path("code").asString()).isIn("MALFORMED_MULTIPART", "TEXT_CONTROL_CHARACTER");
		assertThat(jdbc.sql("select count(*) from ticket_attachment").query(Long.class).single()).isEqualTo(before);
		HttpResponse<String> fine = upload(path, "multipart/form-data; boundary=b3",
				MalformedInput.multipart("b3", "file", "现场.png", "image/png", png));
		assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
	}

	private String head(String path) {
		return "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic "
				+ Base64.getEncoder().encodeToString("agent:heatdesk2026".getBytes(StandardCharsets.UTF_8))
				+ "\r\nContent-Type: application/json\r\nAccept-Language: en";
	}

	private String record(String description) {
		HttpResponse<String> response = post(agent("/api/v1/tickets", "en"), body(description));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).path("ticketNo").asString();
	}

	private static String body(String description) {
		return """
				{"type":"REPAIR","priority":"NORMAL","callerPhone":"13800000000","description":"%s"}""".formatted(description);
	}

	private JsonNode refused(HttpResponse<String> response, int status, String code, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = MalformedInput.assertRefusal(json, status, response.headers().firstValue("Content-Type").orElse(""),
				response.body(), String.valueOf(code));
		if (code == null) {
			return body;
		}
		assertThat(body.path("code").asString()).as(response.body()).isEqualTo(code);
		if (field == null) {
			assertThat(body.path("field").isNull()).as(response.body()).isTrue();
		}
		else {
			assertThat(body.path("field").asString()).as(response.body()).isEqualTo(field);
		}
		return body;
	}

	private HttpResponse<String> post(HttpRequest.Builder request, String body) {
		return send(request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private HttpResponse<String> upload(String path, String contentType, byte[] body) {
		return send(agent(path, "en").header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	private HttpResponse<String> get(String path) {
		return send(agent(path, "en").build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private HttpRequest.Builder agent(String path, String language) {
		return MalformedInput.at(port, path)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("agent:heatdesk2026".getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language);
	}

	private long ticketRows() {
		return jdbc.sql("select count(*) from ticket").query(Long.class).single();
	}

	private long tickets(String description) {
		return jdbc.sql("select count(*) from ticket where description = ?").param(description).query(Long.class).single();
	}

	private long events(String no) {
		return jdbc.sql("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ?")
			.param(no)
			.query(Long.class)
			.single();
	}
}
