package org.heatdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.platform.Role;
import org.heatdesk.reporting.ComplianceReports;
import org.heatdesk.reporting.Period;
import org.heatdesk.reporting.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people records through their API and pages: a sanction is refused without its article or
 * evidence, the person is heard before a manager decides; commendations are decided by a manager;
 * training records add up per person with the pass mark; certificates are flagged 30 days ahead.
 */
@HeatDeskTest
class PeopleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	PeopleApi api() {
		return new PeopleApi(port, json);
	}

	@Test
	void aSanctionNeedsItsArticleAndEvidenceAndTheHearingBeforeTheManagerDecides() {
		PeopleApi api = api();
		PeopleApi.Person agent = PeopleApi.person(staff, "psa", Role.AGENT);
		PeopleApi.Person other = PeopleApi.person(staff, "pso", Role.AGENT);
		PeopleApi.Person lead = PeopleApi.person(staff, "psl", Role.TEAM_LEAD, Role.AGENT);
		PeopleApi.Person manager = PeopleApi.person(staff, "psm", Role.MANAGER);

		// refused without an article and without evidence, in the caller's language; nothing written
		HttpResponse<String> noArticle = api.post("/api/v1/people/sanctions", lead.username(),
				"{\"staffId\":" + agent.id() + ",\"measure\":\"WARNING\",\"facts\":\"迟到\",\"evidence\":\"考勤\"}", "en");
		assertThat(noArticle.statusCode()).isEqualTo(400);
		assertThat(api.read(noArticle).path("code").asString()).isEqualTo("SANCTION_ARTICLE_REQUIRED");
		assertThat(api.read(noArticle).path("field").asString()).isEqualTo("article");
		assertThat(api.read(noArticle).path("message").asString()).contains("chapter 8 or 11");
		HttpResponse<String> noEvidence = api.post("/api/v1/people/sanctions", lead.username(),
				"{\"staffId\":" + agent.id() + ",\"article\":\"8.1\",\"measure\":\"WARNING\",\"facts\":\"迟到\",\"evidence\":\"  \"}");
		assertThat(noEvidence.statusCode()).isEqualTo(400);
		assertThat(api.read(noEvidence).path("code").asString()).isEqualTo("SANCTION_EVIDENCE_REQUIRED");
		assertThat(api.read(noEvidence).path("message").asString()).contains("证据");
		HttpResponse<String> chapter9 = api.post("/api/v1/people/sanctions", lead.username(),
				"{\"staffId\":" + agent.id() + ",\"article\":\"9.1\",\"measure\":\"WARNING\",\"facts\":\"x\",\"evidence\":\"y\"}");
		assertThat(api.read(chapter9).path("code").asString()).isEqualTo("SANCTION_ARTICLE_UNKNOWN");
		assertThat(count("staff_sanction", agent.id())).isZero();
		// an agent cannot propose one, nor a lead on himself
		assertThat(api.post("/api/v1/people/sanctions", other.username(),
				"{\"staffId\":" + agent.id() + ",\"article\":\"8.1\",\"measure\":\"WARNING\",\"facts\":\"x\",\"evidence\":\"y\"}")
			.statusCode()).isEqualTo(403);
		assertThat(api.post("/api/v1/people/sanctions", lead.username(),
				"{\"staffId\":" + lead.id() + ",\"article\":\"8.1\",\"measure\":\"WARNING\",\"facts\":\"x\",\"evidence\":\"y\"}")
			.statusCode()).isEqualTo(409);

		HttpResponse<String> proposed = api.post("/api/v1/people/sanctions", lead.username(),
				"{\"staffId\":" + agent.id() + ",\"article\":\"8.4\",\"measure\":\"FINE\",\"facts\":\"把客户电话抄在纸上\",\"evidence\":\"监控录像 2026-11-28\"}");
		assertThat(proposed.statusCode()).isEqualTo(200);
		JsonNode s = api.read(proposed);
		long id = s.path("id").asLong();
		assertThat(s.path("article").asString()).isEqualTo("ART_8_4");
		assertThat(s.path("status").asString()).isEqualTo("PROPOSED");

		// the manager cannot decide before the person is heard
		HttpResponse<String> early = api.post("/api/v1/people/sanctions/" + id + "/decision", manager.username(),
				"{\"approve\":true}", "en");
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat(api.read(early).path("code").asString()).isEqualTo("SANCTION_NOT_HEARD");
		// only the person himself (or a supervisor) gives the statement
		assertThat(api.post("/api/v1/people/sanctions/" + id + "/statement", other.username(), "{\"statement\":\"不是我\"}")
			.statusCode()).isEqualTo(403);
		HttpResponse<String> heard = api.post("/api/v1/people/sanctions/" + id + "/statement", agent.username(),
				"{\"statement\":\"记下来是为了回电，已销毁。\"}");
		assertThat(heard.statusCode()).isEqualTo(200);
		assertThat(api.read(heard).path("status").asString()).isEqualTo("HEARD");
		// a lead may not decide
		assertThat(api.post("/api/v1/people/sanctions/" + id + "/decision", lead.username(), "{\"approve\":true}")
			.statusCode()).isEqualTo(403);
		HttpResponse<String> approved = api.post("/api/v1/people/sanctions/" + id + "/decision", manager.username(),
				"{\"approve\":true,\"note\":\"罚款 200 元\"}");
		assertThat(approved.statusCode()).isEqualTo(200);
		assertThat(api.read(approved).path("status").asString()).isEqualTo("APPROVED");
		assertThat(api.read(approved).path("decidedBy").asString()).isEqualTo(manager.username());
		assertThat(api.post("/api/v1/people/sanctions/" + id + "/decision", manager.username(), "{\"approve\":false}")
			.statusCode()).isEqualTo(409);
		// three steps, three audit rows, each by the person who acted
		assertThat(jdbc.sql("""
				select actor || ':' || action from platform_audit_event where entity_type = 'staff_sanction' and entity_id = ?
				order by id""").param(String.valueOf(id)).query(String.class).list())
			.containsExactly(lead.username() + ":SANCTION_PROPOSED", agent.username() + ":SANCTION_HEARD",
					manager.username() + ":SANCTION_APPROVED");

		// on the person's record page, the lead's list and the person's own page
		PageSession leadPages = PageSession.login(port, lead.username());
		String record = leadPages.get("/people/staff/" + agent.id()).body();
		assertThat(record).contains("sanction-" + id).contains("8.4 泄露用户信息").contains("已批准");
		assertThat(leadPages.get("/people/sanctions").body()).contains("sanction-" + id).contains(agent.name());
		String own = PageSession.login(port, agent.username()).get("/people/me").body();
		assertThat(own).contains("sanction-" + id).contains("记下来是为了回电");
	}

	@Test
	void aSupervisorTakesDownTheStatementAndTheManagerRejectsOnThePages() {
		PeopleApi.Person agent = PeopleApi.person(staff, "pga", Role.AGENT);
		PeopleApi.Person lead = PeopleApi.person(staff, "pgl", Role.TEAM_LEAD);
		PeopleApi.Person manager = PeopleApi.person(staff, "pgm", Role.MANAGER);
		PageSession leadPages = PageSession.login(port, lead.username());
		HttpResponse<String> refused = leadPages.post("/people/sanctions", Map.of("staffId", String.valueOf(agent.id()),
				"article", "", "measure", "WARNING", "facts", "离岗", "evidence", "班组日志"));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(leadPages.get("/people/sanctions").body()).contains("请选择违反的条款");
		assertThat(count("staff_sanction", agent.id())).isZero();
		leadPages.post("/people/sanctions", Map.of("staffId", String.valueOf(agent.id()), "article", "ART_8_2", "measure",
				"WARNING", "facts", "离岗二十分钟", "evidence", "班组日志"));
		long id = jdbc.sql("select id from staff_sanction where staff_id = ?").param(agent.id()).query(Long.class).single();
		leadPages.post("/people/sanctions/" + id + "/statement", Map.of("statement", "去处理耳麦故障"));
		PageSession managerPages = PageSession.login(port, manager.username());
		managerPages.post("/people/sanctions/" + id + "/decision", Map.of("decision", "reject", "note", "设备故障，情有可原"));
		assertThat(jdbc.sql("select status || ':' || heard_by from staff_sanction where id = ?").param(id).query(String.class)
			.single()).isEqualTo("REJECTED:" + lead.username());
		assertThat(managerPages.get("/people/sanctions").body()).contains("sanction-" + id).contains("已驳回");
	}

	@Test
	void aCommendationIsGrantedByAManagerAndShownOnTheRecord() {
		PeopleApi api = api();
		PeopleApi.Person agent = PeopleApi.person(staff, "pca", Role.AGENT);
		PeopleApi.Person lead = PeopleApi.person(staff, "pcl", Role.TEAM_LEAD);
		PeopleApi.Person manager = PeopleApi.person(staff, "pcm", Role.MANAGER);
		HttpResponse<String> proposed = api.post("/api/v1/people/commendations", lead.username(),
				"{\"staffId\":" + agent.id() + ",\"reason\":\"寒潮中连续加班\"}");
		assertThat(proposed.statusCode()).isEqualTo(200);
		long id = api.read(proposed).path("id").asLong();
		assertThat(api.post("/api/v1/people/commendations/" + id + "/decision", manager.username(), "{}").statusCode())
			.isEqualTo(400);
		HttpResponse<String> granted = api.post("/api/v1/people/commendations/" + id + "/decision", manager.username(),
				"{\"approve\":true}");
		assertThat(api.read(granted).path("status").asString()).isEqualTo("GRANTED");
		String overview = PageSession.login(port, manager.username()).get("/people").body();
		// one commendation granted, none sanctioned: the person's row on the people page
		assertThat(overview).containsPattern("person-" + agent.id() + "\"[\\s\\S]*?<td class=\"num\">1</td>\\s*<td class=\"num\"><span>0</span>");
		assertThat(PageSession.login(port, agent.username()).get("/people/me").body()).contains("commendation-" + id)
			.contains("寒潮中连续加班").contains("已表彰");
	}

	@Test
	void trainingAddsUpPerPersonWithThePassMark() {
		PeopleApi api = api();
		PeopleApi.Person a = PeopleApi.person(staff, "pta", Role.AGENT);
		PeopleApi.Person b = PeopleApi.person(staff, "ptb", Role.AGENT);
		PeopleApi.Person lead = PeopleApi.person(staff, "ptl", Role.TEAM_LEAD);
		LocalDate day = PeopleApi.today().minusDays(2);
		HttpResponse<String> first = api.post("/api/v1/people/trainings", lead.username(), """
				{"topic":"三声服务","heldOn":"%s","minutes":90,"trainer":"周经理",
				 "attendees":[{"staffId":%d,"score":59},{"staffId":%d,"score":60}]}""".formatted(day, a.id(), b.id()));
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode session = api.read(first);
		// 59 fails, 60 passes (the pass mark is 60)
		Map<Long, Boolean> passed = new java.util.HashMap<>();
		session.path("attendees").forEach(n -> passed.put(n.path("staffId").asLong(), n.path("passed").asBoolean()));
		assertThat(passed).containsEntry(a.id(), false).containsEntry(b.id(), true);
		assertThat(jdbc.sql("select passed from staff_training_attendance where session_id = ? order by score")
			.param(session.path("id").asLong()).query(Boolean.class).list()).containsExactly(false, true);
		api.post("/api/v1/people/trainings", lead.username(), """
				{"topic":"保密制度","heldOn":"%s","minutes":45,"trainer":"黄伟","attendees":[{"staffId":%d}]}"""
			.formatted(day.minusDays(1), a.id()));
		// a attended 90 + 45 = 135 minutes, b 90
		String record = PageSession.login(port, lead.username()).get("/people/staff/" + a.id()).body();
		assertThat(record).contains("三声服务").contains("保密制度").contains("不合格");
		if (day.minusDays(1).getYear() == PeopleApi.today().getYear()) {
			assertThat(record).contains("培训 2.3 小时");
		}

		HttpResponse<String> future = api.post("/api/v1/people/trainings", lead.username(), """
				{"topic":"x","heldOn":"%s","minutes":30,"trainer":"y","attendees":[{"staffId":%d}]}"""
			.formatted(PeopleApi.today().plusDays(1), a.id()), "en");
		assertThat(api.read(future).path("code").asString()).isEqualTo("TRAINING_DATE_FUTURE");
		HttpResponse<String> twice = api.post("/api/v1/people/trainings", lead.username(), """
				{"topic":"x","heldOn":"%s","minutes":30,"trainer":"y","attendees":[{"staffId":%d},{"staffId":%d,"score":70}]}"""
			.formatted(day, a.id(), a.id()));
		assertThat(api.read(twice).path("code").asString()).isEqualTo("TRAINING_ATTENDEE_TWICE");
		assertThat(api.read(twice).path("message").asString()).contains(a.name());
		HttpResponse<String> score = api.post("/api/v1/people/trainings", lead.username(), """
				{"topic":"x","heldOn":"%s","minutes":30,"trainer":"y","attendees":[{"staffId":%d,"score":101}]}"""
			.formatted(day, a.id()));
		assertThat(api.read(score).path("code").asString()).isEqualTo("TRAINING_SCORE_RANGE");
		assertThat(jdbc.sql("select count(*) from staff_training_attendance where staff_id = ?").param(a.id())
			.query(Long.class).single()).isEqualTo(2);
		assertThat(PageSession.login(port, lead.username()).get("/people/training").body())
			.contains("training-" + session.path("id").asLong());
	}

	/*
	 * A session recorded three weeks after it was held: the days from then to yesterday leave the
	 * roll-up of the people figures (counted live until rolled again), the day before and the other
	 * figures stay rolled, and the person's training minutes of that day count it at once.
	 */
	@Test
	void aTrainingRecordedAfterItsDayIsCountedAgainByTheReports() {
		PeopleApi.Person a = PeopleApi.person(staff, "ptr", Role.AGENT);
		PeopleApi.Person lead = PeopleApi.person(staff, "ptrl", Role.TEAM_LEAD);
		LocalDate held = PeopleApi.today().minusDays(21);
		String code = "people.training-hours";
		for (LocalDate d : List.of(held.minusDays(1), held, held.plusDays(1), PeopleApi.today().minusDays(1))) {
			jdbc.sql("""
					insert into reporting_day_rolled (code, day, rolled_at) values (?, ?, timestamptz '2000-01-01 00:00+00')
					on conflict (code, day) do update set rolled_at = excluded.rolled_at""").params(code, d).update();
		}
		jdbc.sql("""
				insert into reporting_day_rolled (code, day, rolled_at) values ('calls.answered-in-limit', ?, timestamptz '2000-01-01 00:00+00')
				on conflict (code, day) do update set rolled_at = excluded.rolled_at""").param(held).update();
		HttpResponse<String> r = api().post("/api/v1/people/trainings", lead.username(), """
				{"topic":"热计量表读数","heldOn":"%s","minutes":75,"trainer":"周经理","attendees":[{"staffId":%d}]}"""
			.formatted(held, a.id()));
		assertThat(r.statusCode()).isEqualTo(200);
		// the roll-up job may have rolled some of them again since: then they are newer than 2000
		String stale = "select count(*) from reporting_day_rolled where code = ? and day = ? and rolled_at < timestamptz '2001-01-01 00:00+00'";
		assertThat(jdbc.sql(stale).params(code, held.minusDays(1)).query(Long.class).single()).isEqualTo(1);
		for (LocalDate d : List.of(held, held.plusDays(1), PeopleApi.today().minusDays(1))) {
			assertThat(jdbc.sql(stale).params(code, d).query(Long.class).single()).as(d.toString()).isZero();
		}
		assertThat(reports.value(code, Period.day(held), Scope.agent(a.id())).orElseThrow().numerator()).isEqualTo(75);
		// the other figures of those days stay rolled
		assertThat(jdbc.sql(stale).params("calls.answered-in-limit", held).query(Long.class).single()).isEqualTo(1);
	}

	@Autowired
	ComplianceReports reports;

	@Test
	void certificatesAreFlaggedThirtyDaysAheadUntilRenewed() {
		PeopleApi api = api();
		PeopleApi.Person a = PeopleApi.person(staff, "pka", Role.AGENT);
		PeopleApi.Person lead = PeopleApi.person(staff, "pkl", Role.TEAM_LEAD);
		LocalDate today = PeopleApi.today();
		long in30 = certificate(api, lead, a, "上岗证", today.plusDays(30));
		long in31 = certificate(api, lead, a, "普通话证", today.plusDays(31));
		long expired = certificate(api, lead, a, "急救证", today.minusDays(1));
		long lastDay = certificate(api, lead, a, "消防证", today);

		Map<Long, String> states = states(api.get("/api/v1/people/certificates", lead.username()), a.id());
		// 30 days left: flagged; 31: not yet; ended yesterday: expired; ends today: still valid today, flagged
		assertThat(states).containsEntry(in30, "EXPIRING").containsEntry(in31, "VALID").containsEntry(expired, "EXPIRED")
			.containsEntry(lastDay, "EXPIRING");
		assertThat(states(api.get("/api/v1/people/certificates/flagged", lead.username()), a.id()).keySet())
			.containsExactlyInAnyOrder(in30, expired, lastDay);

		// the renewed 上岗证 (a new certificate of the same name) is no longer a warning
		long renewed = certificate(api, lead, a, "上岗证", today.plusYears(3));
		assertThat(states(api.get("/api/v1/people/certificates/flagged", lead.username()), a.id()).keySet())
			.containsExactlyInAnyOrder(expired, lastDay).doesNotContain(renewed);

		HttpResponse<String> reversed = api.post("/api/v1/people/certificates", lead.username(), """
				{"staffId":%d,"name":"x","number":"1","issuedOn":"%s","expiresOn":"%s"}""".formatted(a.id(), today, today), "en");
		assertThat(reversed.statusCode()).isEqualTo(400);
		assertThat(api.read(reversed).path("code").asString()).isEqualTo("CERTIFICATE_DATES");
		assertThat(api.read(reversed).path("field").asString()).isEqualTo("expiresOn");

		String page = PageSession.login(port, lead.username()).get("/people/certificates").body();
		assertThat(page).contains("certificate-" + in30).contains("即将到期（剩 30 天）").contains("已过期");
	}

	private long certificate(PeopleApi api, PeopleApi.Person by, PeopleApi.Person of, String name, LocalDate expires) {
		HttpResponse<String> r = api.post("/api/v1/people/certificates", by.username(), """
				{"staffId":%d,"name":"%s","number":"N-%d","issuedOn":"%s","expiresOn":"%s"}"""
			.formatted(of.id(), name, System.nanoTime(), expires.minusYears(2), expires));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return api.read(r).path("id").asLong();
	}

	private Map<Long, String> states(HttpResponse<String> response, long staffId) {
		Map<Long, String> m = new java.util.HashMap<>();
		for (JsonNode n : json.readTree(response.body())) {
			if (n.path("staffId").asLong() == staffId) {
				m.put(n.path("id").asLong(), n.path("state").asString());
			}
		}
		return m;
	}

	@Test
	void malformedPageFormsAreRefusedAndWriteNothing() {
		PeopleApi.Person agent = PeopleApi.person(staff, "pfa", Role.AGENT);
		PeopleApi.Person lead = PeopleApi.person(staff, "pfl", Role.TEAM_LEAD);
		PageSession leadPages = PageSession.login(port, lead.username());
		String a = String.valueOf(agent.id());
		String huge = "9".repeat(40);
		String day = PeopleApi.today().minusDays(1).toString();
		List<Map.Entry<String, Map<String, String>>> bad = List.of(
				Map.entry("/people/sanctions", Map.of("staffId", huge, "article", "ART_8_2", "measure", "WARNING", "facts", "f",
						"evidence", "e")),
				Map.entry("/people/sanctions", Map.of("staffId", a, "article", "NOPE", "measure", "WARNING", "facts", "f",
						"evidence", "e")),
				Map.entry("/people/sanctions", Map.of("staffId", a, "article", "ART_8_2", "measure", "WARNING", "facts",
						"长".repeat(5000), "evidence", "e")),
				Map.entry("/people/sanctions", Map.of("staffId", a, "article", "ART_8_2", "measure", "WARNING", "facts", "f\u0000",
						"evidence", "e")),
				Map.entry("/people/commendations", Map.of("staffId", "abc", "reason", "r")),
				Map.entry("/people/commendations", Map.of("staffId", a, "reason", "r", "ticketNo", huge + "9")),
				Map.entry("/people/training", Map.of("topic", "t", "heldOn", "2019-02-31", "minutes", "60", "attendee", a)),
				Map.entry("/people/training", Map.of("topic", "t", "heldOn", "+99999-01-01", "minutes", "60", "attendee", a)),
				Map.entry("/people/training", Map.of("topic", "t", "heldOn", day, "minutes", huge, "attendee", a)),
				Map.entry("/people/training", Map.of("topic", "t", "heldOn", day, "minutes", "-60", "attendee", a)),
				Map.entry("/people/training", Map.of("topic", "t", "heldOn", day, "minutes", "60", "attendee", "abc")),
				Map.entry("/people/training", Map.of("topic", "t", "heldOn", day, "minutes", "60", "attendee", a, "score-" + a, huge)),
				Map.entry("/people/certificates", Map.of("staffId", a, "name", "n", "number", "1", "issuedOn", "0000-01-01",
						"expiresOn", "2030-01-01")),
				Map.entry("/people/certificates", Map.of("staffId", a, "name", "n", "number", "1", "issuedOn", "2030-01-01",
						"expiresOn", "2020-01-01")),
				Map.entry("/people/certificates", Map.of("staffId", a, "name", "n", "number", "1", "issuedOn", "x",
						"expiresOn", "2030-01-01")),
				Map.entry("/people/report", Map.of("reportedStaffId", huge, "article", "ART_8_2", "text", "t")),
				Map.entry("/people/report", Map.of("reportedStaffId", a, "article", "ART_8_2", "text", "长".repeat(20000))));
		for (Map.Entry<String, Map<String, String>> form : bad) {
			HttpResponse<String> r = leadPages.post(form.getKey(), form.getValue());
			assertThat(r.statusCode()).as(form.toString()).isIn(302, 400);
			assertThat(leadPages.get(form.getKey()).statusCode()).as(form.toString()).isEqualTo(200);
		}
		assertThat(leadPages.post("/people/sanctions/" + huge + "/statement", Map.of("statement", "s")).statusCode())
			.isIn(302, 400, 404);
		for (String table : List.of("staff_sanction", "staff_commendation", "staff_training_attendance", "staff_certificate")) {
			assertThat(count(table, agent.id())).as(table).isZero();
		}
		assertThat(jdbc.sql("select count(*) from staff_violation_report where reported_staff_id = ?").param(agent.id())
			.query(Long.class).single()).isZero();
	}

	private long count(String table, long staffId) {
		return jdbc.sql("select count(*) from " + table + " where staff_id = ?").param(staffId).query(Long.class).single();
	}

	static List<String> lines(String s) {
		return List.of(s.split("\n"));
	}
}
