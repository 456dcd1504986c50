package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestApiKeys;
import org.heatdesk.platform.ApiKeyScope;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 12345 city platform hands cases over through the API: registered as on the front desk's page
 * (contact and ticket with channel 12345, the configured receiver as first responder), once per case
 * number, refused with nothing written when the input is wrong, and readable back with the marks and
 * the result.
 */
@HeatDeskTest
class HotlineApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Tickets tickets;

	final HttpClient http = HttpClient.newHttpClient();

	String key;

	@BeforeEach
	void key() {
		key = TestApiKeys.create(jdbc, ApiKeyScope.HOTLINE_12345, "12345 platform");
	}

	@Test
	void aCaseIsRegisteredOnceWithItsTicketAndRepeatsReturnTheFirst() {
		String caseNo = "SD-" + UUID.randomUUID().toString().substring(0, 12);
		Instant handedOver = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		Instant due = handedOver.plus(3, ChronoUnit.DAYS);
		long auditBefore = count("select count(*) from platform_audit_event where action not like 'API_KEY%'");

		HttpResponse<String> first = post(body(caseNo, handedOver, due, "13905310001", "市民反映家中室温只有 14 度",
				"REPAIR"), "zh-CN");

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(first.headers().firstValue("Location")).hasValue("/api/v1/hotline12345/cases/" + caseNo);
		JsonNode state = json.readTree(first.body());
		String ticketNo = state.get("ticketNo").asString();
		assertThat(state.get("caseNo").asString()).isEqualTo(caseNo);
		assertThat(state.get("status").asString()).isEqualTo("RECORDED");
		assertThat(Instant.parse(state.get("replyDueAt").asString())).isEqualTo(due);
		assertThat(Instant.parse(state.get("handedOverAt").asString())).isEqualTo(handedOver);
		assertThat(state.get("dispatchedAt").isNull()).isTrue();
		assertThat(state.get("result").isNull()).isTrue();
		assertThat(state.get("replyDeadlineKept").isNull()).isTrue();

		// the contact takes the ticket's number just after the commit
		await().atMost(Duration.ofSeconds(15)).until(() -> ticketNo.equals(jdbc.sql(
				"select ticket_no from contact_contact where hotline_case_no = ?").param(caseNo)
			.query((rs, n) -> rs.getString(1)).list().get(0)));
		Map<String, Object> row = jdbc.sql("""
				select k.channel as contact_channel, k.name, k.phone, k.summary, k.reply_due_at, k.handed_over_at,
				       k.staff_id, t.channel as ticket_channel, t.type, t.first_responder, t.address, t.description,
				       t.caller_phone, (select e.contact_id from ticket_event e where e.ticket_id = t.id and e.kind = 'RECORDED') as contact_id,
				       k.id as contact_id_own
				from contact_contact k join ticket t on t.ticket_no = k.ticket_no where k.hotline_case_no = ?""")
			.param(caseNo).query().singleRow();
		assertThat(row.get("contact_channel")).isEqualTo("HOTLINE_12345");
		assertThat(row.get("ticket_channel")).isEqualTo("HOTLINE_12345");
		assertThat(row.get("type")).isEqualTo("REPAIR");
		assertThat(row.get("name")).isEqualTo("刘女士");
		assertThat(row.get("phone")).isEqualTo("13905310001");
		assertThat(row.get("caller_phone")).isEqualTo("13905310001");
		assertThat(row.get("description")).isEqualTo("市民反映家中室温只有 14 度");
		assertThat(row.get("address")).isEqualTo("翠园小区 3-2-501");
		assertThat(row.get("first_responder")).isEqualTo("lead");
		assertThat(((Number) row.get("staff_id")).longValue()).isEqualTo(staffId("lead"));
		assertThat(row.get("contact_id")).isEqualTo(row.get("contact_id_own"));
		assertThat(CallRecorder.instant(row.get("reply_due_at"))).isEqualTo(due);
		assertThat(CallRecorder.instant(row.get("handed_over_at"))).isEqualTo(handedOver);
		// the platform's act under its key, the registration and the ticket under the receiver's name
		List<Map<String, Object>> audited = jdbc.sql("""
				select action, actor from platform_audit_event where entity_id in (?, ?, ?) order by id""")
			.params(caseNo, ticketNo, String.valueOf(row.get("contact_id_own"))).query().listOfRows();
		assertThat(audited).extracting(r -> r.get("action") + " " + r.get("actor")).contains(
				"CONTACT_REGISTERED lead", "TICKET_RECORDED lead", "CONTACT_TICKET_LINKED lead",
				"HOTLINE_12345_CASE_RECEIVED api-key:12345 platform " + key.substring(9, 17));

		long contacts = count("select count(*) from contact_contact");
		long ticketCount = count("select count(*) from ticket");
		long changesAudited = count("select count(*) from platform_audit_event where action not like 'API_KEY%'");
		assertThat(changesAudited).isGreaterThan(auditBefore);
		HttpResponse<String> again = post(body(caseNo, handedOver, due, "13905310002", "再次转来", "COMPLAINT"), "zh-CN");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json.readTree(again.body()).get("ticketNo").asString()).isEqualTo(ticketNo);
		assertThat(count("select count(*) from contact_contact")).isEqualTo(contacts);
		assertThat(count("select count(*) from ticket")).isEqualTo(ticketCount);
		assertThat(count("select count(*) from platform_audit_event where action not like 'API_KEY%'")).isEqualTo(changesAudited);
	}

	@Test
	void badInputIsRefusedInTheCallersLanguageAndWritesNothing() {
		Instant handedOver = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Instant due = handedOver.plus(2, ChronoUnit.DAYS);
		record Case(String body, String code, String field) {
		}
		List<Case> cases = List.of(
				new Case(body(newCaseNo(), handedOver, due, "13905310001", " ", null), "CONTACT_SUMMARY_REQUIRED", "request"),
				// refused by the ticket module after the contact was written: the contact goes too
				new Case(body(newCaseNo(), handedOver, due, "not a phone", "暖气不热", null), "TICKET_PHONE_FORMAT", "phone"),
				new Case(body(newCaseNo(), handedOver, due, null, "暖气不热", null), "CONTACT_PHONE_OR_CUSTOMER_REQUIRED", "phone"),
				new Case(body(newCaseNo(), handedOver, handedOver.minusSeconds(60), "13905310001", "暖气不热", null),
						"HOTLINE_REPLY_DUE_BEFORE_HANDOVER", "replyDueAt"),
				new Case(body(newCaseNo(), null, due, "13905310001", "暖气不热", null), "HOTLINE_HANDED_OVER_REQUIRED", "handedOverAt"),
				new Case(body(newCaseNo(), handedOver, due, "13905310001", "暖气不热", "LEAK"), "HOTLINE_TYPE_UNKNOWN", "typeHint"),
				new Case(body(newCaseNo(), handedOver, due, "13905310001", "暖气不热", null).replace("\"replyDueAt\":\"",
						"\"replyDueAt\":\"tomorrow "), "HOTLINE_TIME_FORMAT", "replyDueAt"),
				new Case(body(null, handedOver, due, "13905310001", "暖气不热", null), "CONTACT_HOTLINE_CASE_REQUIRED", "caseNo"));
		for (Case c : cases) {
			long contacts = count("select count(*) from contact_contact");
			long ticketCount = count("select count(*) from ticket");
			HttpResponse<String> zh = post(c.body(), "zh-CN");
			assertThat(zh.statusCode()).as(c.code()).isEqualTo(400);
			JsonNode error = json.readTree(zh.body());
			assertThat(error.get("code").asString()).isEqualTo(c.code());
			assertThat(error.get("field").asString()).isEqualTo(c.field());
			assertThat(error.get("message").asString()).as(c.code()).containsPattern("\\p{IsHan}");
			JsonNode en = json.readTree(post(c.body(), "en").body());
			assertThat(en.get("code").asString()).isEqualTo(c.code());
			assertThat(en.get("message").asString()).as(c.code()).doesNotContainPattern("\\p{IsHan}").isNotBlank();
			assertThat(count("select count(*) from contact_contact")).as(c.code()).isEqualTo(contacts);
			assertThat(count("select count(*) from ticket")).as(c.code()).isEqualTo(ticketCount);
		}
	}

	@Test
	void onlyAKeyOfTheHotlineScopeMayPostOrRead() {
		String cti = TestApiKeys.create(jdbc, ApiKeyScope.CTI, "switch");
		HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/v1/hotline12345/cases"))
			.header("X-Api-Key", cti).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body(newCaseNo(), Instant.now().minusSeconds(60),
					Instant.now().plusSeconds(86_400), "13905310001", "暖气不热", null))));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(send(HttpRequest.newBuilder(uri("/api/v1/hotline12345/cases/X")).header("X-Api-Key", cti).GET())
			.statusCode()).isEqualTo(403);
	}

	@Test
	void thePlatformReadsTheMarksTheResultAndWhetherTheDeadlineWasKept() {
		assertThat(get("/api/v1/hotline12345/cases/NO-SUCH-CASE").statusCode()).isEqualTo(404);
		assertThat(json.readTree(get("/api/v1/hotline12345/cases/NO-SUCH-CASE").body()).get("code").asString())
			.isEqualTo("HOTLINE_CASE_NOT_FOUND");

		String kept = newCaseNo();
		Instant handedOver = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		String ticketNo = json.readTree(post(body(kept, handedOver, handedOver.plus(1, ChronoUnit.DAYS), "13905310003",
				"咨询今年供暖开始时间", "INQUIRY"), "zh-CN").body()).get("ticketNo").asString();
		asStaff("lead", () -> {
			tickets.dispatch(org.heatdesk.platform.Actor.current(), ticketNo, null, null, null, "自己答复");
			tickets.respond(org.heatdesk.platform.Actor.current(), ticketNo, null, "已回电");
			tickets.resolve(org.heatdesk.platform.Actor.current(), ticketNo, null, "已告知市民 11 月 15 日起供暖");
		});
		JsonNode state = json.readTree(get("/api/v1/hotline12345/cases/" + kept).body());
		assertThat(state.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(state.get("result").asString()).isEqualTo("已告知市民 11 月 15 日起供暖");
		assertThat(state.get("replyDeadlineKept").asBoolean()).isTrue();
		Map<String, Object> marks = jdbc.sql("select recorded_at, dispatched_at, responded_at, resolved_at from ticket where ticket_no = ?")
			.param(ticketNo).query().singleRow();
		for (String mark : List.of("recorded", "dispatched", "responded", "resolved")) {
			assertThat(Instant.parse(state.get(mark + "At").asString())).as(mark)
				.isEqualTo(CallRecorder.instant(marks.get(mark + "_at")));
		}

		// handed over three days ago, to be answered yesterday, still open: the deadline is missed
		String missed = newCaseNo();
		Instant old = Instant.now().minus(3, ChronoUnit.DAYS);
		post(body(missed, old, old.plus(2, ChronoUnit.DAYS), "13905310004", "小区整体不热", null), "zh-CN");
		JsonNode late = json.readTree(get("/api/v1/hotline12345/cases/" + missed).body());
		assertThat(late.get("status").asString()).isEqualTo("RECORDED");
		assertThat(late.get("replyDeadlineKept").asBoolean()).isFalse();
		assertThat(late.get("result").isNull()).isTrue();
	}

	@Test
	void aCaseReadBeforeItsContactIsLinkedStillShowsItsTicket() {
		String caseNo = newCaseNo();
		Instant handedOver = Instant.now().minus(1, ChronoUnit.HOURS);
		String ticketNo = json.readTree(post(body(caseNo, handedOver, handedOver.plus(1, ChronoUnit.DAYS), "13905310005",
				"楼道暖气漏水", "REPAIR"), "zh-CN").body()).get("ticketNo").asString();
		// the moment between the commit and the contact's link (ContactTicketLinks runs after it)
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("select ticket_no from contact_contact where hotline_case_no = ?").param(caseNo).query(String.class)
			.optional().isPresent());
		jdbc.sql("update contact_contact set ticket_no = null where hotline_case_no = ?").param(caseNo).update();
		JsonNode state = json.readTree(get("/api/v1/hotline12345/cases/" + caseNo).body());
		assertThat(state.get("ticketNo").asString()).isEqualTo(ticketNo);
		assertThat(state.get("status").asString()).isEqualTo("RECORDED");
	}

	private static String newCaseNo() {
		return "SD-" + UUID.randomUUID().toString().substring(0, 12);
	}

	private static String body(String caseNo, Instant handedOver, Instant due, String phone, String request, String type) {
		StringBuilder b = new StringBuilder("{");
		field(b, "caseNo", caseNo);
		field(b, "handedOverAt", handedOver == null ? null : OffsetDateTime.ofInstant(handedOver, ZoneOffset.ofHours(8)).toString());
		field(b, "replyDueAt", due == null ? null : OffsetDateTime.ofInstant(due, ZoneOffset.ofHours(8)).toString());
		field(b, "name", "刘女士");
		field(b, "phone", phone);
		field(b, "address", "翠园小区 3-2-501");
		field(b, "request", request);
		field(b, "typeHint", type);
		return b.append('}').toString();
	}

	private static void field(StringBuilder b, String name, String value) {
		if (value == null) {
			return;
		}
		if (b.length() > 1) {
			b.append(',');
		}
		b.append('"').append(name).append("\":\"").append(value).append('"');
	}

	private HttpResponse<String> post(String body, String language) {
		return send(HttpRequest.newBuilder(uri("/api/v1/hotline12345/cases"))
			.header("X-Api-Key", key)
			.header("Content-Type", "application/json")
			.header("Accept-Language", language)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", key).GET());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long staffId(String username) {
		return jdbc.sql("select id from staff_member where username = ?").param(username).query(Long.class).single();
	}

	private static void asStaff(String username, Runnable work) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username,
				null, List.of(new SimpleGrantedAuthority("ROLE_TEAM_LEAD"), new SimpleGrantedAuthority("ROLE_AGENT"))));
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
