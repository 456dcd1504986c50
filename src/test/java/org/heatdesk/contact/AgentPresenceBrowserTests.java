package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HeatDeskTest
class AgentPresenceBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Presences presences;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@Test
	void aLeadSetsAnAgentAwayAndTheChangeIsAuditedUnderTheLead() {
		long agentId = jdbc.sql("select id from staff_member where username = 'agent'").query(Long.class).single();
		String name = jdbc.sql("select display_name from staff_member where id = ?").param(agentId).query(String.class).single();
		// a known start: ready (a wrap-up left by another test would be made ready by the sweep meanwhile)
		tx.executeWithoutResult(s -> presences.set(agentId, PresenceState.READY, null, java.time.Instant.now(), "agent", true));
		long auditsBefore = audits(agentId);
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("lead", "heatdesk2026");
			browser.go("/wallboard");
			browser.find(By.cssSelector("a[href$='/wallboard/agents']")).click();
			browser.waitFor(d -> d.getCurrentUrl().endsWith("/wallboard/agents"));
			By row = By.cssSelector("tr[data-staff-id='" + agentId + "']");

			// away without a reason is refused and changes nothing
			String stateBefore = state(agentId);
			assertThat(stateBefore).isEqualTo("READY");
			new Select(browser.find(By.id("state-" + agentId))).selectByValue("AWAY");
			new Select(browser.find(By.id("reason-" + agentId))).selectByValue("");
			browser.submit(By.cssSelector("tr[data-staff-id='" + agentId + "'] button[type=submit]"));
			assertThat(browser.text(By.cssSelector(".alert-error"))).isEqualTo("离开时请选择原因");
			assertThat(state(agentId)).isEqualTo(stateBefore);

			// on a call is the switch's to say: a forged choice is refused too
			((JavascriptExecutor) browser.driver()).executeScript(
					"var o = document.createElement('option'); o.value = 'ON_CALL'; o.selected = true;"
							+ "document.getElementById('state-' + arguments[0]).appendChild(o);", agentId);
			browser.submit(By.cssSelector("tr[data-staff-id='" + agentId + "'] button[type=submit]"));
			assertThat(browser.text(By.cssSelector(".alert-error"))).startsWith("只能设为空闲、离开或离线");
			assertThat(state(agentId)).isEqualTo(stateBefore);
			assertThat(audits(agentId)).isEqualTo(auditsBefore);

			new Select(browser.find(By.id("state-" + agentId))).selectByValue("AWAY");
			new Select(browser.find(By.id("reason-" + agentId))).selectByValue("MEETING");
			browser.submit(By.cssSelector("tr[data-staff-id='" + agentId + "'] button[type=submit]"));
			assertThat(browser.text(By.id("presence-set"))).isEqualTo("已将 " + name + " 设为「离开」。");
			assertThat(browser.find(row).findElement(By.cssSelector(".presence-state")).getAttribute("data-state"))
				.isEqualTo("AWAY");
			browser.screenshot("contact-agents-presence");
		}
		assertThat(state(agentId)).isEqualTo("AWAY MEETING");
		assertThat(audits(agentId)).isEqualTo(auditsBefore + 1);
		assertThat(jdbc.sql("""
				select actor from platform_audit_event where action = 'PRESENCE_CHANGED' and entity_id = ?
				order by id desc limit 1""").param(String.valueOf(agentId)).query(String.class).single()).isEqualTo("lead");
		assertThat(jdbc.sql("select set_by from contact_presence_log where staff_id = ? and ended_at is null")
			.param(agentId).query(String.class).single()).isEqualTo("lead");
	}

	@Test
	void anAgentCannotOpenThePageNorPostToIt() {
		long leadId = jdbc.sql("select id from staff_member where username = 'lead'").query(Long.class).single();
		tx.executeWithoutResult(s -> presences.set(leadId, PresenceState.READY, null, java.time.Instant.now(), "lead", true));
		String leadState = state(leadId);
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("agent", "heatdesk2026");
			browser.go("/wallboard/agents");
			assertThat(browser.driver().getPageSource()).contains("无权访问").doesNotContain("data-staff-id");
			// a post forged from the agent's own session (with its CSRF token) is refused as well
			browser.go("/desk");
			Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
					var done = arguments[arguments.length - 1];
					var token = document.querySelector("input[name='_csrf']").value;
					fetch('/wallboard/agents/' + arguments[0] + '/presence', {method: 'POST', redirect: 'manual',
					  headers: {'Content-Type': 'application/x-www-form-urlencoded'},
					  body: 'state=OFFLINE&_csrf=' + encodeURIComponent(token)}).then(r => done(r.status));""", leadId);
			assertThat(((Number) status).intValue()).isEqualTo(403);
		}
		assertThat(state(leadId)).isEqualTo(leadState);
	}

	private String state(long staffId) {
		return jdbc.sql("select state || coalesce(' ' || reason, '') from contact_presence where staff_id = ?").param(staffId)
			.query(String.class).optional().orElse("OFFLINE");
	}

	private long audits(long staffId) {
		return jdbc.sql("select count(*) from platform_audit_event where action = 'PRESENCE_CHANGED' and entity_id = ?")
			.param(String.valueOf(staffId)).query(Long.class).single();
	}
}
