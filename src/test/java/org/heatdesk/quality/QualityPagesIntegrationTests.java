package org.heatdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The quality pages by role, and malformed form input: refused with a message beside the form (or
 * the calm error page), never a 500, nothing written. The case library stores its texts masked.
 */
@HeatDeskTest
class QualityPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SamplingPlans samples;

	@Autowired
	SpotChecks checks;

	@Autowired
	CaseLibrary cases;

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void everyRoleOfOperationsAndAuditReadsTheHubAndTheAdministratorDoesNot() {
		for (String user : List.of("agent", "lead", "dispatcher", "manager", "auditor")) {
			PageSession s = PageSession.login(port, user);
			for (String path : List.of("/quality", "/quality/checks", "/quality/samples", "/quality/rectifications",
					"/quality/cases", "/quality/rubric", "/quality/disputes")) {
				HttpResponse<String> page = s.get(path);
				assertThat(page.statusCode()).as(user + " " + path).isEqualTo(200);
				assertThat(page.body()).as(user + " " + path).doesNotContain("出错了");
			}
		}
		assertThat(PageSession.login(port, "admin").get("/quality").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "tech").get("/quality/checks").statusCode()).isIn(403, 302);
	}

	@Test
	void anAgentCannotDrawScoreDecideOrWriteCases() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 1);
		YearMonth month = YearMonth.now(QualityTestSupport.ZONE).minusMonths(4);
		QualityTestSupport.call(jdbc, crew.agent(), QualityTestSupport.in(month, 2, 10), 60, true, null);
		long samplesBefore = count("quality_sample");
		PageSession agent = PageSession.login(port, crew.agent().username());
		assertThat(agent.post("/quality/samples", Map.of("teamId", String.valueOf(crew.teamId()), "month", month.toString(),
				"perAgent", "1")).statusCode()).isEqualTo(403);
		assertThat(count("quality_sample")).isEqualTo(samplesBefore);
		SamplingPlans.Sample s = samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), month, 1, null);
		long id = checks.ofSample(s.id()).get(0).id();
		assertThat(agent.post("/quality/checks/" + id + "/score", Map.of()).statusCode()).isEqualTo(403);
		assertThat(agent.post("/quality/checks/" + id + "/decide", Map.of("decision", "UPHELD", "note", "x")).statusCode())
			.isEqualTo(403);
		assertThat(agent.post("/quality/cases", Map.of("kind", "GOOD")).statusCode()).isEqualTo(403);
		assertThat(agent.post("/quality/rubric", Map.of("note", "x")).statusCode()).isEqualTo(403);
		// not scored yet: the agent does not see it
		assertThat(agent.get("/quality/checks/" + id).statusCode()).isEqualTo(404);
		// another team's lead does not see it either
		QualityTestSupport.Crew other = QualityTestSupport.crew(staff, 1);
		assertThat(PageSession.login(port, other.lead().username()).get("/quality/checks/" + id).statusCode())
			.isEqualTo(404);
		assertThat(PageSession.login(port, crew.lead().username()).get("/quality/checks/" + id).statusCode())
			.isEqualTo(200);
	}

	@Test
	void malformedFormsAreRefusedBesideTheFormInTheReadersLanguage() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 1);
		YearMonth month = YearMonth.now(QualityTestSupport.ZONE).minusMonths(5);
		QualityTestSupport.call(jdbc, crew.agent(), QualityTestSupport.in(month, 2, 10), 60, true, null);
		PageSession lead = PageSession.login(port, crew.lead().username());
		long before = count("quality_sample");
		String team = String.valueOf(crew.teamId());
		List<Map<String, String>> bad = List.of(
				Map.of("teamId", team, "month", "2026-13", "perAgent", "1"),
				Map.of("teamId", team, "month", "\u0000", "perAgent", "1"),
				Map.of("teamId", team, "month", month.toString(), "perAgent", "abc"),
				Map.of("teamId", team, "month", month.toString(), "perAgent", "99999999999"),
				Map.of("teamId", team, "month", month.toString(), "perAgent", "-1"),
				Map.of("teamId", team, "month", month.toString(), "perAgent", "2"),
				Map.of("teamId", "999999999", "month", month.toString(), "perAgent", "1"),
				Map.of("month", month.toString(), "perAgent", "1"));
		for (Map<String, String> form : bad) {
			HttpResponse<String> r = lead.post("/quality/samples", form);
			assertThat(r.statusCode()).as(form.toString()).isIn(302, 400);
			HttpResponse<String> page = lead.get("/quality/samples");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).as(form.toString()).contains("id=\"sample-error\"");
		}
		assertThat(count("quality_sample")).isEqualTo(before);
		// "2 per agent" names the agent and his single call
		lead.post("/quality/samples", Map.of("teamId", team, "month", month.toString(), "perAgent", "2"));
		assertThat(lead.get("/quality/samples").body()).contains(crew.agent().displayName() + " 本月只有 1 通已接来电");
		lead.post("/quality/samples?lang=en", Map.of("teamId", team, "month", month.toString(), "perAgent", "2"));
		assertThat(lead.get("/quality/samples?lang=en").body()).contains("answered only 1 calls this month");
		lead.get("/quality/samples?lang=zh_CN");

		SamplingPlans.Sample s = samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), month, 1, null);
		long id = checks.ofSample(s.id()).get(0).id();
		for (Map<String, String> form : List.of(Map.<String, String>of(), Map.of("p_1", "abc"), Map.of("mark", "1:75", "remark", "x"),
				Map.of("fatal", "zz"), Map.of("rectifyBy", "2026-02-31"), Map.of("p_99999999999999999999", "1"))) {
			HttpResponse<String> r = lead.post("/quality/checks/" + id + "/score", form);
			assertThat(r.statusCode()).as(form.toString()).isIn(302, 400);
			HttpResponse<String> page = lead.get("/quality/checks/" + id);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).as(form.toString()).contains("id=\"check-error\"");
		}
		assertThat(checks.find(id).orElseThrow().status()).isEqualTo(SpotChecks.Status.TO_SCORE);
		assertThat(lead.get("/quality/checks/99999999999").statusCode()).isEqualTo(404);
		assertThat(lead.get("/quality/samples/99999999999").statusCode()).isEqualTo(404);
		assertThat(lead.get("/quality/cases?kind=NOPE").statusCode()).isEqualTo(400);
		assertThat(lead.post("/quality/samples/" + s.id() + "/calls", Map.of("callId", "x1")).statusCode()).isIn(302, 400);
		assertThat(lead.get("/quality/samples/" + s.id()).body()).contains("id=\"sample-error\"");
		long casesBefore = count("quality_case");
		lead.post("/quality/cases", Map.of("kind", "GOOD", "title", "t", "summary", "s", "lesson", "l"));
		assertThat(lead.get("/quality/cases/new").body()).contains("id=\"case-error\"").contains("请填写来源通话编号或工单号");
		assertThat(count("quality_case")).isEqualTo(casesBefore);
	}

	@Test
	void aCaseIsStoredWithTheCustomersDataMasked() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 1);
		long call = QualityTestSupport.call(jdbc, crew.agent(), QualityTestSupport.in(YearMonth.now(QualityTestSupport.ZONE)
			.minusMonths(1), 9, 10), 60, true, null);
		long id = cases.create(QualityTestSupport.as(crew.lead()), new CaseLibrary.NewCase(CaseLibrary.Kind.BAD,
				"客户 13912345678 来电", call, null, null,
				"客户（手机 13912345678，户号 20261234567，身份证 370102199001011234）住 3-2-501，坐席在电话里念出了他的户号。",
				"不要在电话里读出完整户号；固话 0531-88889999 也一样。", null));
		CaseLibrary.Case c = cases.find(id).orElseThrow();
		assertThat(c.title()).isEqualTo("客户 139****5678 来电");
		assertThat(c.summary()).isEqualTo(
				"客户（手机 139****5678，户号 ***********，身份证 ******************）住 3-2-***，坐席在电话里念出了他的户号。");
		assertThat(c.lesson()).isEqualTo("不要在电话里读出完整户号；固话 0531-******** 也一样。");
		// an agent of another team reads it, masked
		HttpResponse<String> page = PageSession.login(port, "agent3").get("/quality/cases/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("139****5678").doesNotContain("13912345678").doesNotContain("20261234567");
	}
}
