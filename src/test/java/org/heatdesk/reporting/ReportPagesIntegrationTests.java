package org.heatdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.reporting.ReportingFixtures.at;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report pages' roles: who may open the report, which scopes a person may ask for, the
 * targets page for managers only (a change audited, a bad value refused and nothing changed), and
 * the English page.
 */
@HeatDeskTest
class ReportPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Test
	void rolesScopesAndTargets() {
		ReportingFixtures f = new ReportingFixtures(jdbc, staff);
		LocalDate d = LocalDate.of(2019, 8, 5);
		f.call(at(d, "09:00"), f.agent1Id, true, false, "INBOUND");

		PageSession agent = PageSession.login(port, f.agent1.username());
		HttpResponse<String> own = agent.get("/reports?period=day&day=" + d);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains(f.agent1.displayName()).contains("来电限时接听率").contains("100.0%");
		assertThat(agent.get("/reports?scope=company").statusCode()).isEqualTo(403);
		assertThat(agent.get("/reports?scope=agent:" + f.agent2Id).statusCode()).isEqualTo(403);
		assertThat(agent.get("/reports/figures/calls.answered-in-limit?period=day&day=" + d).body()).contains("达标");
		assertThat(agent.get("/reports/targets").statusCode()).isEqualTo(403);
		assertThat(agent.post("/reports/targets/calls.answered-in-limit", Map.of("target", "10")).statusCode()).isEqualTo(403);

		PageSession tech = PageSession.login(port, "tech");
		assertThat(tech.get("/reports").statusCode()).isEqualTo(403);

		PageSession auditor = PageSession.login(port, "auditor");
		assertThat(auditor.get("/reports?scope=team:" + f.teamId + "&period=day&day=" + d).body()).contains("来电限时接听率");

		// a bad period is shown above this month's report, not as an error page
		PageSession manager = PageSession.login(port, "manager");
		HttpResponse<String> reversed = manager.get("/reports?period=range&from=2026-03-01&to=2026-02-01");
		assertThat(reversed.statusCode()).isEqualTo(200);
		assertThat(reversed.body()).contains("早于开始日期");
		assertThat(manager.get("/reports?lang=en&scope=team:" + f.teamId + "&period=day&day=" + d).body())
			.contains("Calls answered within the limit")
			// the test's own team held no hand-over that day: "no cases", never zero
			.contains("no cases");
		assertThat(manager.get("/reports/figures/no.such-figure").statusCode()).isEqualTo(404);

		long audits = jdbc.sql("select count(*) from platform_audit_event where action = 'REPORT_TARGET_SET'").query(Long.class).single();
		manager.post("/reports/targets/tickets.complete-fields", Map.of("target", "abc"));
		manager.post("/reports/targets/tickets.complete-fields", Map.of("target", "101"));
		assertThat(jdbc.sql("select count(*) from reporting_target where code = 'tickets.complete-fields'").query(Long.class).single())
			.isZero();
		manager.post("/reports/targets/tickets.complete-fields", Map.of("target", "90"));
		assertThat(jdbc.sql("select target from reporting_target where code = 'tickets.complete-fields'")
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("90");
		assertThat(manager.get("/reports/targets").body()).contains("target-tickets.complete-fields").contains("已修改");
		manager.post("/reports/targets/tickets.complete-fields", Map.of("reset", "1"));
		assertThat(jdbc.sql("select count(*) from reporting_target where code = 'tickets.complete-fields'").query(Long.class).single())
			.isZero();
		// the two changes are audited, the refused ones not
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'REPORT_TARGET_SET'").query(Long.class).single())
			.isEqualTo(audits + 2);
	}
}
