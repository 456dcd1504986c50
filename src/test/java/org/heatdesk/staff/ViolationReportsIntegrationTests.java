package org.heatdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The confidential channel (举报): only managers and auditors read a report; the person reported,
 * his team lead and the other agents cannot, by page or API; the reporter's name is nowhere the
 * person reported can look (his record, the sanctions, the audit trail's actor and text), and the
 * reporter sees his own report and its outcome.
 */
@HeatDeskTest
class ViolationReportsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Test
	void onlyManagersAndAuditorsReadAReportAndTheReporterIsNeverShownToThePersonReported() {
		PeopleApi api = new PeopleApi(port, json);
		PeopleApi.Person reporter = PeopleApi.person(staff, "vrr", Role.AGENT);
		PeopleApi.Person reported = PeopleApi.person(staff, "vrd", Role.AGENT);
		PeopleApi.Person lead = PeopleApi.person(staff, "vrl", Role.TEAM_LEAD, Role.AGENT);
		PeopleApi.Person manager = PeopleApi.person(staff, "vrm", Role.MANAGER);
		PeopleApi.Person auditor = PeopleApi.person(staff, "vra", Role.AUDITOR);
		String secret = "举报内容 " + System.nanoTime();

		// nobody reports himself; the article, when given, is one of the list
		assertThat(api.post("/api/v1/people/reports", reporter.username(),
				"{\"reportedStaffId\":" + reporter.id() + ",\"text\":\"x\"}").statusCode()).isEqualTo(409);
		HttpResponse<String> badArticle = api.post("/api/v1/people/reports", reporter.username(),
				"{\"reportedStaffId\":" + reported.id() + ",\"article\":\"8.9\",\"text\":\"x\"}", "en");
		assertThat(api.read(badArticle).path("code").asString()).isEqualTo("SANCTION_ARTICLE_UNKNOWN");

		HttpResponse<String> sent = api.post("/api/v1/people/reports", reporter.username(),
				"{\"reportedStaffId\":" + reported.id() + ",\"article\":\"8.4\",\"text\":\"" + secret + "\"}");
		assertThat(sent.statusCode()).isEqualTo(200);
		long id = api.read(sent).path("id").asLong();
		// the receipt names only the report's number
		assertThat(sent.body()).doesNotContain(reported.username()).doesNotContain(secret);

		// the person reported, his lead and another agent: refused, by API and by page
		for (PeopleApi.Person p : new PeopleApi.Person[] { reported, lead, reporter }) {
			assertThat(api.get("/api/v1/people/reports", p.username()).statusCode()).as(p.username()).isEqualTo(403);
			HttpResponse<String> page = PageSession.login(port, p.username()).get("/people/reports");
			assertThat(page.statusCode()).as(p.username()).isEqualTo(403);
			assertThat(page.body()).doesNotContain(secret);
			if (p != reporter) {
				assertThat(page.body()).doesNotContain(reporter.name());
			}
		}
		// what the person reported can read about himself names neither the reporter nor the text
		PageSession reportedPages = PageSession.login(port, reported.username());
		String own = reportedPages.get("/people/me").body();
		assertThat(own).doesNotContain(reporter.name()).doesNotContain(reporter.username()).doesNotContain(secret);
		// nor does the audit trail: written by the channel, with neither the reporter nor the text
		Map<String, Object> audit = jdbc.sql("""
				select actor, coalesce(after_state::text, '') as after_state from platform_audit_event
				where entity_type = 'staff_violation_report' and entity_id = ?""")
			.param(String.valueOf(id)).query().singleRow();
		assertThat(audit.get("actor")).isEqualTo("system:confidential-report");
		assertThat((String) audit.get("after_state")).doesNotContain(reporter.username()).doesNotContain(secret)
			.doesNotContain(String.valueOf(reporter.id()));

		// the manager and the auditor read it, with the reporter
		for (PeopleApi.Person p : new PeopleApi.Person[] { manager, auditor }) {
			JsonNode mine = null;
			for (JsonNode n : json.readTree(api.get("/api/v1/people/reports", p.username()).body())) {
				if (n.path("id").asLong() == id) {
					mine = n;
				}
			}
			assertThat(mine).as(p.username()).isNotNull();
			assertThat(mine.path("reporterName").asString()).isEqualTo(reporter.name());
			assertThat(mine.path("text").asString()).isEqualTo(secret);
			assertThat(PageSession.login(port, p.username()).get("/people/reports").body()).contains("report-" + id)
				.contains(secret);
		}
		// the auditor reads but does not close
		assertThat(api.post("/api/v1/people/reports/" + id + "/close", auditor.username(), "{\"conclusion\":\"x\"}")
			.statusCode()).isEqualTo(403);
		PageSession managerPages = PageSession.login(port, manager.username());
		managerPages.post("/people/reports/" + id + "/close", Map.of("conclusion", "已核实，已谈话提醒。"));
		assertThat(jdbc.sql("select status from staff_violation_report where id = ?").param(id).query(String.class).single())
			.isEqualTo("CLOSED");

		// the reporter sees his report and its outcome on his own page
		String reporterPage = PageSession.login(port, reporter.username()).get("/people/me").body();
		assertThat(reporterPage).contains(secret).contains("已核实，已谈话提醒。");
		// and the page form works for him too
		PageSession reporterPages = PageSession.login(port, reporter.username());
		assertThat(reporterPages.get("/people/report").statusCode()).isEqualTo(200);
		reporterPages.post("/people/report", Map.of("reportedStaffId", String.valueOf(reported.id()), "article", "",
				"text", "第二次 " + secret));
		assertThat(jdbc.sql("select count(*) from staff_violation_report where reporter_id = ?").param(reporter.id())
			.query(Long.class).single()).isEqualTo(2);
	}
}
