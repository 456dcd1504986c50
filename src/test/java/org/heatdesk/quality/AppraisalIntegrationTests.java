package org.heatdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.reporting.ComplianceReports;
import org.heatdesk.reporting.Period;
import org.heatdesk.reporting.Scope;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The monthly appraisal on a hand-made month (October 2019 — before the roll-up's 400 days, so counted live while the test writes it) of a new agent: training and a
 * certificate recorded for that month give the two people figures, a figure without cases is left
 * out, the lead adds his score, issues it, and the agent acknowledges it; the formula's version is
 * the one in force when it was issued.
 */
@HeatDeskTest
class AppraisalIntegrationTests {

	static final YearMonth OCTOBER = YearMonth.of(2019, 10);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Autowired
	AppraisalFormulas formulas;

	@Autowired
	Appraisals appraisals;

	@Autowired
	ComplianceReports reports;

	record Team(StaffView agent, StaffView lead, StaffView otherLead, StaffView manager, StaffView otherAgent) {
	}

	@Test
	void aHandMadeOctoberIsComputedIssuedAndAcknowledged() {
		Team t = team();
		Actor manager = actor(t.manager());
		// the formula of this test: the two people figures and one the agent has no case of
		AppraisalFormula before = formulas.current();
		AppraisalFormula formula = formulas.publish(manager, List.of(
				new AppraisalFormula.Item("people.training-hours", 40, AppraisalRule.TARGET, BigDecimal.valueOf(240)),
				new AppraisalFormula.Item("people.certificates-valid", 20, AppraisalRule.PERCENT, null),
				new AppraisalFormula.Item("calls.answered-in-limit", 20, AppraisalRule.PERCENT, null)), 20, "测试");
		try {
			assertThat(formula.version()).isEqualTo(before.version() + 1);
			// October: training of 120 minutes on the 5th and 60 on the 12th; in the team since September,
			// certified from the 10th
			jdbc.sql("update staff_member set created_at = '2019-09-01T00:00:00Z' where id = ?").param(t.agent().id()).update();
			training(t, "2019-10-05", 120);
			training(t, "2019-10-12", 60);
			jdbc.sql("""
					insert into staff_certificate (staff_id, name, number, issued_on, expires_on, created_by, created_at)
					values (?, '上岗证', 'T-1', '2019-10-10', '2022-10-09', 'test', now())""").param(t.agent().id()).update();

			// the figures, by hand: 120 + 60 = 180 minutes; certified on 22 of October's 31 days (10th–31st):
			// 22 / 31 = 70.96… % → 71.0
			assertThat(reports.value("people.training-hours", Period.month(OCTOBER), Scope.agent(t.agent().id())).orElseThrow()
				.value()).isEqualByComparingTo("180");
			assertThat(reports.value("people.certificates-valid", Period.month(OCTOBER), Scope.agent(t.agent().id()))
				.orElseThrow().value()).isEqualByComparingTo("71.0");

			// refused: the lead of another team, the current month, a score out of range
			assertThat(refusal(() -> appraisals.issue(actor(t.otherLead()), t.agent().id(), OCTOBER, 80, null)))
				.isEqualTo("APPRAISAL_NOT_YOUR_TEAM");
			assertThat(refusal(() -> appraisals.issue(actor(t.lead()), t.agent().id(), YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")), 80, null)))
				.isEqualTo("APPRAISAL_MONTH_OPEN");
			assertThat(refusal(() -> appraisals.issue(actor(t.lead()), t.agent().id(), OCTOBER, 101, null)))
				.isEqualTo("APPRAISAL_LEAD_SCORE_RANGE");

			// the lead's page of his team's October, before issuing: the computed score
			PageSession leadPages = PageSession.login(port, t.lead().username());
			String month = leadPages.get("/people/appraisals?month=2019-10").body();
			assertThat(month).contains("appraisal-person-" + t.agent().id()).contains("73.7");

			leadPages.post("/people/appraisals", Map.of("staffId", String.valueOf(t.agent().id()), "month", "2019-10",
					"leadScore", "85", "leadComment", "态度认真，培训还要加强。"));
			Appraisals.Appraisal a = appraisals.find(t.agent().id(), OCTOBER).orElseThrow();
			// scores: training 180 / 240 = 75.0, certificates 71.0, calls: no cases (or not measured), left out
			assertThat(a.lines()).extracting(AppraisalFormula.Line::score).containsExactly(new BigDecimal("75.0"),
					new BigDecimal("71.0"), null);
			assertThat(a.lines().get(2).state()).isIn(AppraisalFormula.State.NO_CASES, AppraisalFormula.State.NOT_MEASURED);
			// figures: (75.0×40 + 71.0×20) / 60 = 4420 / 60 = 73.66… → 73.7; with the lead's 85 at 20:
			// (4420 + 1700) / 80 = 76.5
			assertThat(a.computedScore()).isEqualByComparingTo("73.7");
			assertThat(a.total()).isEqualByComparingTo("76.5");
			assertThat(a.formulaVersion()).isEqualTo(formula.version());
			assertThat(a.status()).isEqualTo(Appraisals.Status.ISSUED);
			assertThat(refusal(() -> appraisals.issue(actor(t.lead()), t.agent().id(), OCTOBER, 90, null)))
				.isEqualTo("APPRAISAL_ISSUED");

			// a new version later does not change an issued appraisal
			formulas.publish(manager, before.items(), before.leadWeight(), "恢复");
			assertThat(appraisals.find(a.id()).formulaVersion()).isEqualTo(formula.version());
			assertThat(appraisals.find(a.id()).total()).isEqualByComparingTo("76.5");

			// the agent reads it and acknowledges it; nobody else may
			assertThat(refusal(() -> appraisals.acknowledge(actor(t.otherAgent()), a.id(), null)))
				.isEqualTo("APPRAISAL_NOT_YOURS");
			PageSession agentPages = PageSession.login(port, t.agent().username());
			String mine = agentPages.get("/people/me/appraisals").body();
			assertThat(mine).contains("appraisal-" + a.id()).contains("76.5").contains("态度认真");
			agentPages.post("/people/me/appraisals/" + a.id() + "/acknowledge", Map.of("comment", "收到，会参加培训。"));
			assertThat(appraisals.find(a.id()).status()).isEqualTo(Appraisals.Status.ACKNOWLEDGED);
			assertThat(agentPages.get("/people/me/appraisals").body()).contains("本人已确认").contains("收到，会参加培训。");
			assertThat(PageSession.login(port, t.otherAgent().username()).get("/people/appraisals/" + a.id()).statusCode())
				.isEqualTo(403);
			assertThat(jdbc.sql("""
					select actor || ':' || action from platform_audit_event where entity_type = 'quality_appraisal' and entity_id = ?
					order by id""").param(String.valueOf(a.id())).query(String.class).list())
				.containsExactly(t.lead().username() + ":APPRAISAL_ISSUED", t.agent().username() + ":APPRAISAL_ACKNOWLEDGED");
		}
		finally {
			if (formulas.current().version() == formula.version()) {
				formulas.publish(manager, before.items(), before.leadWeight(), "恢复");
			}
		}
	}

	@Test
	void aFormulaWhoseWeightsDoNotAddUpIsRefused() {
		Team t = team();
		int version = formulas.current().version();
		assertThat(refusal(() -> formulas.publish(actor(t.manager()),
				List.of(new AppraisalFormula.Item("quality.mean-score", 50, AppraisalRule.SCORE, null)), 20, null)))
			.isEqualTo("APPRAISAL_WEIGHTS_SUM");
		assertThat(refusal(() -> formulas.publish(actor(t.manager()),
				List.of(new AppraisalFormula.Item("people.training-hours", 80, AppraisalRule.TARGET, null)), 20, null)))
			.isEqualTo("APPRAISAL_PARAMETER_REQUIRED");
		PageSession managerPages = PageSession.login(port, t.manager().username());
		managerPages.post("/people/appraisals/formula", Map.of("code-0", "quality.mean-score", "weight-0", "70", "rule-0",
				"SCORE", "leadWeight", "20"));
		assertThat(managerPages.get("/people/appraisals/formula").body()).contains("合计须为 100，现在是 90")
			.contains("formula-" + version);
		assertThat(formulas.current().version()).isEqualTo(version);
		// a lead reads the formula but cannot publish one
		PageSession leadPages = PageSession.login(port, t.lead().username());
		assertThat(leadPages.get("/people/appraisals/formula").statusCode()).isEqualTo(200);
		assertThat(leadPages.post("/people/appraisals/formula", Map.of("code-0", "quality.mean-score", "weight-0", "80",
				"rule-0", "SCORE", "leadWeight", "20")).statusCode()).isEqualTo(403);
	}

	@Test
	void malformedAppraisalFormsAreRefusedAndWriteNothing() {
		Team t = team();
		PageSession leadPages = PageSession.login(port, t.lead().username());
		String agent = String.valueOf(t.agent().id());
		String huge = "9".repeat(40);
		for (String month : List.of("", "2019-13", "99999-01", "2019-10\r\nX-Injected: 1", "2019-10\u0000", huge, "-2019-10", "+99999-01", "0000-01")) {
			HttpResponse<String> r = leadPages.get("/people/appraisals?month=" + encode(month));
			assertThat(r.statusCode()).as(month).isIn(200, 400);
		}
		for (String team : List.of("abc", huge, "-1", "0")) {
			assertThat(leadPages.get("/people/appraisals?team=" + encode(team)).statusCode()).as(team).isIn(200, 400);
		}
		List<Map<String, String>> bad = List.of(Map.of(),
				Map.of("staffId", "abc", "month", "2019-10", "leadScore", "80"),
				Map.of("staffId", huge, "month", "2019-10", "leadScore", "80"),
				Map.of("staffId", "-1", "month", "2019-10", "leadScore", "80"),
				Map.of("staffId", agent, "month", "2019-13", "leadScore", "80"),
				Map.of("staffId", agent, "month", "99999-01", "leadScore", "80"),
				Map.of("staffId", agent, "month", "2019-10\r\nX-Injected: 1", "leadScore", "80"),
				Map.of("staffId", agent, "month", "2019-10", "leadScore", "101", "team", "1\r\nX-Injected: 1"),
				Map.of("staffId", agent, "month", "2019-10", "leadScore", "101", "team", "1&month=2019-01#x"),
				Map.of("staffId", agent, "month", "2019-10", "leadScore", huge),
				Map.of("staffId", agent, "month", "2019-10", "leadScore", "-1"),
				Map.of("staffId", agent, "month", "2019-10", "leadScore", "abc"),
				Map.of("staffId", agent, "month", "2019-10", "leadScore", "80", "leadComment", "长".repeat(2001)),
				Map.of("staffId", agent, "month", "2019-10", "leadScore", "80", "leadComment", "a\u0000b"));
		for (Map<String, String> form : bad) {
			HttpResponse<String> r = leadPages.post("/people/appraisals", form);
			assertThat(r.statusCode()).as(form.toString()).isIn(302, 400);
			assertThat(r.headers().firstValue("X-Injected")).as(form.toString()).isEmpty();
			r.headers().firstValue("Location").ifPresent(l -> assertThat(l).as(form.toString()).doesNotContain("\n", "\r"));
		}
		assertThat(appraisals.forStaff(t.agent().id())).isEmpty();

		PageSession managerPages = PageSession.login(port, t.manager().username());
		int version = formulas.current().version();
		try {
			for (String parameter : List.of("abc", "0", "-5", "1E-999999999", "1E+999999999", "0." + "0".repeat(5000) + "1", huge)) {
				HttpResponse<String> r = managerPages.post("/people/appraisals/formula", Map.of("code-0", "people.training-hours",
						"weight-0", "80", "rule-0", "TARGET", "parameter-0", parameter, "leadWeight", "20"));
				assertThat(r.statusCode()).as(parameter).isIn(302, 400);
			}
			for (Map<String, String> form : List.of(Map.of("code-0", "quality.mean-score", "weight-0", huge, "rule-0", "SCORE",
					"leadWeight", "20"), Map.of("code-0", "quality.mean-score", "weight-0", "80", "rule-0", "NOPE", "leadWeight", "20"),
					Map.of("code-0", "quality.mean-score", "weight-0", "80", "rule-0", "SCORE", "leadWeight", huge),
					Map.of("code-0", "x\u0000", "weight-0", "80", "rule-0", "SCORE", "leadWeight", "20"),
					Map.of("code-0", "quality.mean-score", "weight-0", "80", "rule-0", "SCORE", "leadWeight", "20", "note",
							"长".repeat(501)))) {
				assertThat(managerPages.post("/people/appraisals/formula", form).statusCode()).as(form.toString()).isIn(302, 400);
			}
			HttpResponse<String> page = managerPages.get("/people/appraisals/formula");
			assertThat(page.statusCode()).isEqualTo(200);
			// the figures are chosen by their names, not typed as codes
			assertThat(page.body()).contains("value=\"people.training-hours\">培训时长</option>").doesNotContain("list=\"figure-codes\"");
			assertThat(formulas.current().version()).isEqualTo(version);
		}
		finally {
			if (formulas.current().version() != version) {
				formulas.publish(actor(t.manager()), formulas.version(version).items(), formulas.version(version).leadWeight(),
						"恢复");
			}
		}
		PageSession agentPages = PageSession.login(port, t.agent().username());
		assertThat(agentPages.post("/people/me/appraisals/" + huge + "/acknowledge", Map.of()).statusCode()).isIn(302, 400, 404);
		assertThat(agentPages.post("/people/me/appraisals/999999999/acknowledge", Map.of("comment", "长".repeat(1001)))
			.statusCode()).isIn(302, 404);
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private void training(Team t, String day, int minutes) {
		long id = jdbc.sql("""
				insert into staff_training_session (topic, held_on, minutes, trainer, created_by, created_at)
				values ('文明用语', ?::date, ?, '周经理', 'test', now()) returning id""").params(day, minutes).query(Long.class)
			.single();
		jdbc.sql("insert into staff_training_attendance (session_id, staff_id, score) values (?, ?, 90)").params(id, t.agent().id())
			.update();
	}

	private Team team() {
		asAdmin();
		try {
			TeamView team = staff.createTeam("T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36), "考核测试班");
			TeamView other = staff.createTeam("U" + Long.toString(System.nanoTime() % 1_000_000_000L, 36), "另一班");
			return new Team(create("apa", team, Role.AGENT), create("apl", team, Role.TEAM_LEAD, Role.AGENT),
					create("apo", other, Role.TEAM_LEAD), create("apm", null, Role.MANAGER), create("apx", team, Role.AGENT));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private StaffView create(String prefix, TeamView team, Role first, Role... more) {
		String username = prefix + Long.toString(System.nanoTime(), 36);
		return staff.create(new Staff.NewStaff(username, "考核" + username.substring(username.length() - 4), username,
				team == null ? null : team.id(), null, EnumSet.of(first, more), TestStaff.PASSWORD));
	}

	private static void asAdmin() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
	}

	private static Actor actor(StaffView s) {
		return Actor.person(s.username(), s.displayName());
	}

	private static String refusal(Runnable r) {
		try {
			r.run();
		}
		catch (HeatDeskException e) {
			return e.code();
		}
		return "accepted";
	}
}
