package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lead's record pages on the demo data: each opens with rows for those it admits (the demo's
 * week is written on a fresh database), in Chinese and English, and refuses the others; a refused
 * form shows the reason on the page and writes nothing.
 */
@HeatDeskTest
class TeamLogPagesIntegrationTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void eachPageOpensWithTheDemoRowsForThoseItAdmits() {
		PageSession lead = PageSession.login(port, "lead");
		assertRows(lead, "/shift/briefings", "id=\"briefing-", "服务用语和三声服务讲评");
		assertRows(lead, "/shift/log", "id=\"log-", "5 号席耳麦杂音大");
		assertRows(lead, "/shift/faults", "id=\"fault-", "3 号席电脑开机蓝屏");
		assertRows(lead, "/shift/directives", "id=\"directive-", "整理本周停暖小区名单报主任");
		assertRows(lead, "/shift/incidents", "id=\"incident-", "接线员答复有误");
		// the demo lead raised none himself: the form, in English
		assertRows(lead, "/shift/suggestions?lang=en", "id=\"submit-suggestion\"", "Suggestions and doubts");

		// the hub links the records and counts them: the demo's lead has a headset fault open and a directive of his own
		HttpResponse<String> hub = lead.get("/shift");
		assertThat(hub.statusCode()).isEqualTo(200);
		assertThat(hub.body()).contains("id=\"records\"").contains("href=\"/shift/briefings\"").contains("href=\"/shift/faults\"")
			.contains("未处理的设备故障").doesNotContain("出错了");

		PageSession manager = PageSession.login(port, "manager");
		assertRows(manager, "/shift/suggestions", "id=\"suggestion-", "对上周质检扣分的疑问");
		assertRows(manager, "/shift/incidents?lang=en", "id=\"incident-", "Service incident");
		assertRows(manager, "/shift/directives", "id=\"directive-", "组织乙班学习新版服务用语");

		PageSession auditor = PageSession.login(port, "auditor");
		// the auditor has no team of his own: he names the demo's team A
		long teamA = jdbc.sql("select id from staff_team where code = 'A'").query(Long.class).single();
		assertRows(auditor, "/shift/log?teamId=" + teamA, "id=\"log-", "设备检查");
		assertThat(auditor.get("/shift/faults").statusCode()).isEqualTo(403);
		assertThat(auditor.get("/shift/directives").statusCode()).isEqualTo(403);

		PageSession admin = PageSession.login(port, "admin");
		assertRows(admin, "/shift/faults", "id=\"fault-", "夜班 2 点后部分通话没有录音");
		assertThat(admin.get("/shift/briefings").statusCode()).isEqualTo(403);

		PageSession agent = PageSession.login(port, "agent");
		// an agent's hub links his directives and suggestions, not the lead's records
		String agentHub = agent.get("/shift").body();
		assertThat(agentHub).contains("href=\"/shift/directives\"").doesNotContain("href=\"/shift/briefings\"");
		assertRows(agent, "/shift/directives", "id=\"directive-", "整理本周停暖小区名单报主任");
		// an agent sees his own directives only, and records no incident
		assertThat(agent.get("/shift/directives").body()).doesNotContain("组织乙班学习新版服务用语");
		assertThat(agent.get("/shift/incidents").statusCode()).isEqualTo(403);
	}

	@Test
	void aRefusedFormShowsWhyOnThePage() {
		PageSession lead = PageSession.login(port, "lead");
		HttpResponse<String> posted = lead.post("/shift/directives", Map.of("title", "没有时限的交办", "fromWhom", "主任"));
		assertThat(posted.statusCode()).isBetween(300, 399);
		String page = lead.get("/shift/directives").body();
		assertThat(page).contains("请指定交办事项的承办人");
		assertThat(jdbc.sql("select count(*) from shift_directive where title = '没有时限的交办'").query(Long.class).single())
			.isZero();
	}

	private static void assertRows(PageSession session, String path, String row, String text) {
		HttpResponse<String> page = session.get(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		assertThat(page.body()).as(path).contains(row).contains(text).doesNotContain("出错了");
	}
}
