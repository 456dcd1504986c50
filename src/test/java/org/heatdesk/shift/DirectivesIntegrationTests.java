package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Directives from superiors (4.8) through the API: a lead gives one to an agent with a deadline, the
 * agent is told, accepts it and feeds back; a directive without a deadline or an owner is refused and
 * nothing is written; one past its deadline stands first as overdue and its late feedback is marked.
 */
@HeatDeskTest
class DirectivesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Test
	void aLeadGivesADirectiveTheOwnerIsToldAcceptsAndFeedsBack() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		String title = "核对本周停暖小区名单 " + UUID.randomUUID().toString().substring(0, 6);
		Instant due = Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS);
		HttpResponse<String> given = post("/api/v1/shift/directives", t.lead().username(), """
				{"title":"%s","details":"与调度核对","fromWhom":"客服中心主任","ownerId":%d,"dueAt":"%s"}"""
			.formatted(title, t.agent().id(), due), "zh-CN");
		assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
		JsonNode d = json.readTree(given.body());
		long id = d.path("id").asLong();
		assertThat(d.path("status").asString()).isEqualTo("GIVEN");
		assertThat(d.path("owner").asString()).isEqualTo(t.agent().displayName());
		assertThat(d.path("teamId").asLong()).isEqualTo(t.team().id());
		assertThat(Instant.parse(d.path("dueAt").asString())).isEqualTo(due);
		assertThat(d.path("overdue").asBoolean()).isFalse();
		// the owner is told, with the title and who gave it
		List<String> notice = jdbc.sql("""
				select array_to_string(args, '|') from shift_notice where staff_id = ? and message_key = 'shift.notice.directive'""")
			.param(t.agent().id()).query(String.class).list();
		assertThat(notice).containsExactly(title + "|客服中心主任");

		// the owner sees it in his list; another agent may not accept it
		assertThat(get("/api/v1/shift/directives", t.agent().username()).body()).contains(title);
		assertThat(get("/api/v1/shift/directives", t.agent2().username()).body()).doesNotContain(title);
		HttpResponse<String> notHis = post("/api/v1/shift/directives/" + id + "/accept", t.agent2().username(), "", "en");
		assertThat(notHis.statusCode()).isEqualTo(403);
		assertThat(json.readTree(notHis.body()).path("code").asString()).isEqualTo("SHIFT_DIRECTIVE_NOT_OWNER");
		// an agent gives no directives
		assertThat(post("/api/v1/shift/directives", t.agent().username(), "{}", "zh-CN").statusCode()).isEqualTo(403);

		HttpResponse<String> accepted = post("/api/v1/shift/directives/" + id + "/accept", t.agent().username(), "", "zh-CN");
		assertThat(json.readTree(accepted.body()).path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(post("/api/v1/shift/directives/" + id + "/accept", t.agent().username(), "", "zh-CN").statusCode())
			.isEqualTo(409);
		HttpResponse<String> empty = post("/api/v1/shift/directives/" + id + "/feedback", t.agent().username(),
				"{\"feedback\":\"  \"}", "zh-CN");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(json.readTree(empty.body()).path("field").asString()).isEqualTo("feedback");
		HttpResponse<String> done = post("/api/v1/shift/directives/" + id + "/feedback", t.agent().username(),
				"{\"feedback\":\"已核对 12 个小区，名单已更新\"}", "zh-CN");
		JsonNode closed = json.readTree(done.body());
		assertThat(closed.path("status").asString()).isEqualTo("DONE");
		assertThat(closed.path("late").asBoolean()).isFalse();
		assertThat(closed.path("feedback").asString()).isEqualTo("已核对 12 个小区，名单已更新");
		assertThat(post("/api/v1/shift/directives/" + id + "/feedback", t.agent().username(), "{\"feedback\":\"再次\"}",
				"zh-CN").statusCode()).isEqualTo(409);
		assertThat(jdbc.sql("select count(*) from platform_audit_event where entity_type = 'shift_directive' and entity_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aDirectiveWithoutDeadlineOrOwnerIsRefusedAndNothingIsWritten() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		String title = "无时限 " + UUID.randomUUID().toString().substring(0, 6);
		String due = Instant.now().plus(Duration.ofHours(2)).toString();
		HttpResponse<String> noDeadline = post("/api/v1/shift/directives", t.lead().username(), """
				{"title":"%s","fromWhom":"公司领导","ownerId":%d}""".formatted(title, t.agent().id()), "zh-CN");
		assertThat(noDeadline.statusCode()).isEqualTo(400);
		JsonNode r = json.readTree(noDeadline.body());
		assertThat(r.path("code").asString()).isEqualTo("SHIFT_DIRECTIVE_DEADLINE_MISSING");
		assertThat(r.path("field").asString()).isEqualTo("dueAt");
		assertThat(r.path("message").asString()).isEqualTo("请填写交办事项的完成时限");

		HttpResponse<String> noOwner = post("/api/v1/shift/directives", t.lead().username(), """
				{"title":"%s","fromWhom":"公司领导","dueAt":"%s"}""".formatted(title, due), "en");
		assertThat(noOwner.statusCode()).isEqualTo(400);
		assertThat(json.readTree(noOwner.body()).path("code").asString()).isEqualTo("SHIFT_DIRECTIVE_OWNER_MISSING");
		assertThat(json.readTree(noOwner.body()).path("message").asString()).isEqualTo("Name who carries out the directive");

		HttpResponse<String> past = post("/api/v1/shift/directives", t.lead().username(), """
				{"title":"%s","fromWhom":"公司领导","ownerId":%d,"dueAt":"%s"}"""
			.formatted(title, t.agent().id(), Instant.now().minus(Duration.ofMinutes(1))), "zh-CN");
		assertThat(json.readTree(past.body()).path("code").asString()).isEqualTo("SHIFT_DIRECTIVE_DEADLINE_PAST");
		HttpResponse<String> nobody = post("/api/v1/shift/directives", t.lead().username(), """
				{"title":"%s","fromWhom":"公司领导","ownerId":999999999,"dueAt":"%s"}""".formatted(title, due), "zh-CN");
		assertThat(json.readTree(nobody.body()).path("code").asString()).isEqualTo("SHIFT_DIRECTIVE_OWNER_UNKNOWN");

		assertThat(jdbc.sql("select count(*) from shift_directive where title = ?").param(title).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from shift_notice where staff_id = ?").param(t.agent().id()).query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDirectivePastItsDeadlineStandsFirstAsOverdueAndItsFeedbackIsLate() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		long late = give(t, "逾期的交办 " + UUID.randomUUID().toString().substring(0, 6), Duration.ofHours(5));
		long later = give(t, "后到期的交办 " + UUID.randomUUID().toString().substring(0, 6), Duration.ofHours(3));
		// the deadline passes: 30 minutes ago
		jdbc.sql("update shift_directive set due_at = now() - interval '30 minutes' where id = ?").param(late).update();

		JsonNode list = json.readTree(get("/api/v1/shift/directives", t.agent().username()).body());
		assertThat(list.get(0).path("id").asLong()).isEqualTo(late);
		assertThat(list.get(0).path("overdue").asBoolean()).isTrue();
		assertThat(list.get(1).path("id").asLong()).isEqualTo(later);
		assertThat(list.get(1).path("overdue").asBoolean()).isFalse();

		JsonNode done = json.readTree(post("/api/v1/shift/directives/" + late + "/feedback", t.agent().username(),
				"{\"feedback\":\"迟了半小时办完\"}", "zh-CN").body());
		assertThat(done.path("late").asBoolean()).isTrue();
		assertThat(done.path("overdue").asBoolean()).isFalse();
	}

	@Test
	void malformedDirectivesAreRefusedAndStoreNothing() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		String valid = """
				{"title":"交办@@U@@","details":"细节","fromWhom":"主任","ownerId":%d,"dueAt":"%s"}"""
			.formatted(t.agent().id(), Instant.now().plus(Duration.ofDays(2)));
		MalformedInput.Probe probe = new MalformedInput.Probe(TeamLogFixtures.http, json,
				() -> jdbc.sql("select count(*) from shift_directive").query(Long.class).single());
		List<MalformedInput.Case> cases = MalformedInput.cases(json, valid, 30);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(TeamLogFixtures.request(port, "/api/v1/shift/directives", t.lead().username(),
					i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isPositive();
		assertThat(probe.accepted()).isPositive();
		long id = give(t, "反馈的畸形输入 " + UUID.randomUUID().toString().substring(0, 6), Duration.ofHours(1));
		MalformedInput.Probe feedback = new MalformedInput.Probe(TeamLogFixtures.http, json,
				() -> jdbc.sql("select count(*) from shift_directive where status = 'DONE'").query(Long.class).single());
		List<MalformedInput.Case> fb = MalformedInput.cases(json, "{\"feedback\":\"办完了\"}", 20);
		for (int i = 0; i < fb.size(); i++) {
			feedback.check(TeamLogFixtures.request(port, "/api/v1/shift/directives/" + id + "/feedback", t.agent().username(),
					i % 2 == 0 ? "zh-CN" : "en"), fb.get(i));
		}
		assertThat(feedback.refused()).isPositive();
	}

	private long give(TeamLogFixtures.Team t, String title, Duration in) {
		HttpResponse<String> r = post("/api/v1/shift/directives", t.lead().username(), """
				{"title":"%s","fromWhom":"客服中心主任","ownerId":%d,"dueAt":"%s"}"""
			.formatted(title, t.agent().id(), Instant.now().plus(in)), "zh-CN");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return json.readTree(r.body()).path("id").asLong();
	}

	private HttpResponse<String> post(String path, String user, String body, String language) {
		return TeamLogFixtures.post(json, port, path, user, body, language);
	}

	private HttpResponse<String> get(String path, String user) {
		return TeamLogFixtures.get(json, port, path, user);
	}
}
