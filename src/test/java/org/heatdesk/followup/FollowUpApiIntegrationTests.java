package org.heatdesk.followup;

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
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The follow-up API: the queue by status, an outcome and an unanswered call; malformed input on both
 * POSTs is refused with the API's JSON in the caller's language and stores nothing, never a 5xx.
 */
@HeatDeskTest
class FollowUpApiIntegrationTests {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Test
	void theQueueListsTheFollowUpAndAnOutcomeClosesTheTicket() {
		FollowUpTestSupport.Crew crew = FollowUpTestSupport.crew(staff);
		String no = FollowUpTestSupport.resolved(port, crew.agent().username(), "REPAIR", "API 回访 " + UUID.randomUUID(), "已修好");
		long id = FollowUpTestSupport.followUpOf(jdbc, no, 1);
		String user = crew.agent().username();

		HttpResponse<String> list = get("/api/v1/followups?status=QUEUED", user);
		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode mine = null;
		for (JsonNode n : json.readTree(list.body())) {
			if (n.path("id").asLong() == id) {
				mine = n;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.path("ticketNo").asString()).isEqualTo(no);
		assertThat(mine.path("maskedPhone").asString()).isEqualTo("139****5678");

		HttpResponse<String> bad = post("/api/v1/followups/" + id + "/outcome",
				user, "{\"satisfaction\":\"HAPPY\",\"solved\":true}", "en");
		assertThat(bad.statusCode()).isEqualTo(400);
		JsonNode refusal = json.readTree(bad.body());
		assertThat(refusal.path("code").asString()).isEqualTo("FOLLOWUP_SATISFACTION_INVALID");
		assertThat(refusal.path("field").asString()).isEqualTo("satisfaction");
		assertThat(refusal.path("message").asString()).contains("VERY_SATISFIED");
		assertThat(get("/api/v1/followups?status=WAITING", user).statusCode()).isEqualTo(400);
		// the technician and the auditor have no follow-up queue
		assertThat(get("/api/v1/followups", "tech").statusCode()).isEqualTo(403);

		HttpResponse<String> ok = post("/api/v1/followups/" + id + "/outcome", user,
				"{\"satisfaction\":\"SATISFIED\",\"solved\":true,\"comment\":\"好\"}", "zh-CN");
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(json.readTree(ok.body()).path("status").asString()).isEqualTo("DONE");
		assertThat(FollowUpTestSupport.ticketStatus(jdbc, no)).isEqualTo("CLOSED");
		HttpResponse<String> again = post("/api/v1/followups/" + id + "/outcome", user,
				"{\"satisfaction\":\"SATISFIED\",\"solved\":true}", "zh-CN");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json.readTree(again.body()).path("message").asString()).contains("已经完成");
	}

	@Test
	void malformedOutcomesAreRefusedAndStoreNothing() {
		FollowUpTestSupport.Crew crew = FollowUpTestSupport.crew(staff);
		String no = FollowUpTestSupport.resolved(port, crew.agent().username(), "REPAIR", "API 回访 " + UUID.randomUUID(), "已修好");
		long id = FollowUpTestSupport.followUpOf(jdbc, no, 1);
		// a reopening's valid body: once accepted the follow-up is done, and every later case is refused (409)
		String valid = """
				{"satisfaction":"DISSATISFIED","solved":false,"comment":"还是不热","suggestion":"早点来","contactId":null}""";
		probe("/api/v1/followups/" + id + "/outcome", crew.agent().username(), valid, 30);
		assertThat(post("/api/v1/followups/999999999/outcome", crew.agent().username(), valid, "en").statusCode()).isEqualTo(404);
	}

	@Test
	void malformedAttemptsAreRefusedAndStoreNothing() {
		FollowUpTestSupport.Crew crew = FollowUpTestSupport.crew(staff);
		String no = FollowUpTestSupport.resolved(port, crew.agent().username(), "REPAIR", "API 回访 " + UUID.randomUUID(), "已修好");
		long id = FollowUpTestSupport.followUpOf(jdbc, no, 1);
		String valid = """
				{"note":"无人接听","contactId":null}""";
		int accepted = probe("/api/v1/followups/" + id + "/attempts", crew.agent().username(), valid, 30);
		assertThat(accepted).isPositive();
		// every accepted call was on this day: still queued
		assertThat(jdbc.sql("select status from followup_follow_up where id = ?").param(id).query(String.class).single())
			.isEqualTo("QUEUED");
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

	private HttpResponse<String> post(String path, String user, String body, String language) {
		return MalformedInput.send(http, json, request(path, user, language).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), path);
	}

	private HttpResponse<String> get(String path, String user) {
		return MalformedInput.send(http, json, request(path, user, "zh-CN").GET().build(), path);
	}

	private long rows() {
		return jdbc.sql("""
				select (select count(*) from followup_follow_up where status <> 'QUEUED')
				     + (select count(*) from followup_attempt) + (select count(*) from followup_suggestion)""")
			.query(Long.class)
			.single();
	}
}
