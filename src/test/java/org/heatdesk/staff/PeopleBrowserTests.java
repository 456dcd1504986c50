package org.heatdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sanction through the pages: the lead proposes it (first without evidence, refused), the agent
 * answers it on his own record, the manager approves it; the people pages with their rows looked at.
 */
@HeatDeskTest
class PeopleBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Test
	void aLeadProposesASanctionTheAgentIsHeardAndTheManagerApproves() {
		PeopleApi.Person agent = PeopleApi.person(staff, "pba", Role.AGENT);
		PeopleApi.Person lead = PeopleApi.person(staff, "pbl", Role.TEAM_LEAD, Role.AGENT);
		PeopleApi.Person manager = PeopleApi.person(staff, "pbm", Role.MANAGER);
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login(lead.username(), TestStaff.PASSWORD);
			b.go("/people/sanctions");
			new Select(b.find(By.id("s-staff"))).selectByValue(String.valueOf(agent.id()));
			new Select(b.find(By.id("s-article"))).selectByValue("ART_8_3");
			new Select(b.find(By.id("s-measure"))).selectByValue("WARNING");
			b.find(By.id("s-facts")).sendKeys("接听报修电话时推诿客户。");
			b.submit(By.cssSelector("#sanction-form button[type=submit]"));
			assertThat(b.text(By.cssSelector(".alert-error"))).isEqualTo("处分须附证据（录音、工单号、质检记录等）。");
			assertThat(jdbc.sql("select count(*) from staff_sanction where staff_id = ?").param(agent.id()).query(Long.class)
				.single()).isZero();

			new Select(b.find(By.id("s-staff"))).selectByValue(String.valueOf(agent.id()));
			new Select(b.find(By.id("s-article"))).selectByValue("ART_8_3");
			b.find(By.id("s-facts")).sendKeys("接听报修电话时推诿客户。");
			b.find(By.id("s-evidence")).sendKeys("录音 2026-11-29 09:12，工单 GR20261129-0007");
			b.submit(By.cssSelector("#sanction-form button[type=submit]"));
			assertThat(b.text(By.cssSelector(".alert-ok"))).isEqualTo("处分已提出，待听取当事人陈述。");
			long id = jdbc.sql("select id from staff_sanction where staff_id = ?").param(agent.id()).query(Long.class).single();
			assertThat(b.text(By.id("sanction-" + id))).contains(agent.name()).contains("8.3 态度冷漠、推诿扯皮").contains("待陈述");
			b.screenshot("people-sanctions-lead");
			b.go("/people");
			assertThat(b.text(By.id("person-" + agent.id()))).contains(agent.name()).contains("待决 1");
			b.screenshot("people-overview");
			b.go("/people/certificates");
			assertThat(b.find(By.id("certificate-list")).findElements(By.cssSelector("tbody tr"))).isNotEmpty();
			b.screenshot("people-certificates");
			b.go("/people/training");
			assertThat(b.find(By.id("training-list")).findElements(By.cssSelector("tbody tr"))).isNotEmpty();
			b.screenshot("people-training");
			b.logout();

			b.login(agent.username(), TestStaff.PASSWORD);
			b.go("/people/me");
			b.find(By.id("statement-" + id)).sendKeys("当时线路繁忙，语气急了，已向客户道歉。");
			b.submit(By.cssSelector("#sanction-" + id + " button[type=submit]"));
			assertThat(b.text(By.cssSelector(".alert-ok"))).isEqualTo("陈述已记录。");
			assertThat(b.text(By.id("sanction-" + id))).contains("待决定").contains("已向客户道歉");
			b.screenshot("people-me-agent");
			b.logout();

			b.login(manager.username(), TestStaff.PASSWORD);
			b.go("/people/sanctions");
			b.find(By.cssSelector("#sanction-" + id + " input[name=note]")).sendKeys("初次，警告。");
			b.submit(By.cssSelector("#sanction-" + id + " button[value=approve]"));
			assertThat(b.text(By.id("sanction-" + id))).contains("已批准").contains("初次，警告。");
			b.go("/people/reports");
			assertThat(b.find(By.id("report-list")).findElements(By.cssSelector("tbody tr"))).isNotEmpty();
			b.screenshot("people-reports-manager");
		}
	}
}
