package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service incidents and disputes (4.5): recorded at once and reported to every manager with a
 * notice, investigated by the lead, concluded by a manager only; one recorded long after it happened
 * is not reported in time; a time in the future or an unknown kind is refused.
 */
@HeatDeskTest
class ServiceIncidentsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Autowired
	ShiftNotices notices;

	@Test
	void anIncidentIsReportedToTheManagersInvestigatedAndConcludedByAManager() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		StaffView manager = TeamLogFixtures.manager(staff);
		String summary = "接线员与用户争执，用户挂断后投诉 " + UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> r = post("/api/v1/shift/incidents", t.lead().username(), """
				{"kind":"INCIDENT","occurredAt":"%s","summary":"%s","involved":"%s","ticketNo":null}"""
			.formatted(Instant.now().minus(Duration.ofMinutes(10)), summary, t.agent().displayName()), "zh-CN");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode i = json.readTree(r.body());
		long id = i.path("id").asLong();
		assertThat(i.path("status").asString()).isEqualTo("REPORTED");
		// recorded 10 minutes after it happened: within the hour
		assertThat(i.path("reportedInTime").asBoolean()).isTrue();
		assertThat(i.path("teamId").asLong()).isEqualTo(t.team().id());

		// every manager (this test's own too) is told at once, with who reported it and what happened
		List<ShiftNotices.Notice> unread = notices.unread(manager.id(), manager.roles(), 50);
		ShiftNotices.Notice n = unread.stream().filter(x -> ("/shift/incidents#incident-" + id).equals(x.link()))
			.findFirst().orElseThrow();
		assertThat(n.kind()).isEqualTo("SERVICE_INCIDENT");
		assertThat(n.messageKey()).isEqualTo("shift.notice.incident");
		assertThat(n.args()).containsExactly(t.lead().displayName(), summary);

		HttpResponse<String> investigated = post("/api/v1/shift/incidents/" + id + "/investigation", t.lead().username(),
				"{\"text\":\"听录音：接线员语气生硬，未使用规范用语\"}", "zh-CN");
		assertThat(json.readTree(investigated.body()).path("status").asString()).isEqualTo("INVESTIGATING");
		// the lead does not conclude
		assertThat(post("/api/v1/shift/incidents/" + id + "/conclusion", t.lead().username(), "{\"text\":\"结论\"}", "zh-CN")
			.statusCode()).isEqualTo(403);
		HttpResponse<String> concluded = post("/api/v1/shift/incidents/" + id + "/conclusion", manager.username(),
				"{\"text\":\"属服务事故，当事人通报批评并复训\"}", "zh-CN");
		JsonNode c = json.readTree(concluded.body());
		assertThat(c.path("status").asString()).isEqualTo("CONCLUDED");
		assertThat(c.path("conclusion").asString()).isEqualTo("属服务事故，当事人通报批评并复训");
		HttpResponse<String> again = post("/api/v1/shift/incidents/" + id + "/investigation", t.lead().username(),
				"{\"text\":\"补充\"}", "en");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json.readTree(again.body()).path("message").asString())
			.isEqualTo("The record has a conclusion and can no longer change");
		// the auditor reads the list
		assertThat(get("/api/v1/shift/incidents", "auditor").body()).contains(summary);
	}

	@Test
	void aDisputeRecordedHoursLaterIsNotReportedInTimeAndBadInputIsRefused() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		String summary = "两名接线员因排班争执 " + UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> r = post("/api/v1/shift/incidents", t.lead().username(), """
				{"kind":"DISPUTE","occurredAt":"%s","summary":"%s"}"""
			.formatted(Instant.now().minus(Duration.ofHours(3)), summary), "zh-CN");
		JsonNode d = json.readTree(r.body());
		// three hours after it happened: beyond the hour
		assertThat(d.path("reportedInTime").asBoolean()).isFalse();
		assertThat(jdbc.sql("select kind from shift_notice where link = ?").param("/shift/incidents#incident-" + d.path("id").asLong())
			.query(String.class).single()).isEqualTo("DISPUTE");

		String marker = "不应写入 " + UUID.randomUUID();
		HttpResponse<String> future = post("/api/v1/shift/incidents", t.lead().username(), """
				{"kind":"INCIDENT","occurredAt":"%s","summary":"%s"}""".formatted(Instant.now().plus(Duration.ofHours(1)), marker),
				"zh-CN");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(json.readTree(future.body()).path("code").asString()).isEqualTo("SHIFT_INCIDENT_IN_FUTURE");
		assertThat(json.readTree(future.body()).path("message").asString()).isEqualTo("发生时间不能晚于现在");
		HttpResponse<String> kind = post("/api/v1/shift/incidents", t.lead().username(), """
				{"kind":"OUTAGE","occurredAt":"%s","summary":"%s"}""".formatted(Instant.now(), marker), "en");
		assertThat(json.readTree(kind.body()).path("code").asString()).isEqualTo("SHIFT_INCIDENT_KIND_UNKNOWN");
		assertThat(post("/api/v1/shift/incidents", t.agent().username(), "{}", "zh-CN").statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from shift_service_incident where summary = ?").param(marker).query(Long.class)
			.single()).isZero();
	}

	@Test
	void malformedIncidentsAreRefusedAndStoreNothing() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		String valid = """
				{"kind":"DISPUTE","occurredAt":"%s","summary":"纠纷@@U@@","involved":"甲、乙","ticketNo":"GR20261130-0001"}"""
			.formatted(Instant.now().minus(Duration.ofMinutes(5)));
		MalformedInput.Probe probe = new MalformedInput.Probe(TeamLogFixtures.http, json,
				() -> jdbc.sql("select (select count(*) from shift_service_incident) + (select count(*) from shift_notice)")
					.query(Long.class).single());
		List<MalformedInput.Case> cases = MalformedInput.cases(json, valid, 30);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(TeamLogFixtures.request(port, "/api/v1/shift/incidents", t.lead().username(),
					i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isPositive();
		assertThat(probe.accepted()).isPositive();
	}

	private HttpResponse<String> post(String path, String user, String body, String language) {
		return TeamLogFixtures.post(json, port, path, user, body, language);
	}

	private HttpResponse<String> get(String path, String user) {
		return TeamLogFixtures.get(json, port, path, user);
	}
}
