package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditor reads the trail in Chinese sentences with labelled details and Shanghai times. */
@HeatDeskTest
class AuditPageBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	RepeatedRefusals refusals;

	@Test
	void anAuditorReadsSentencesLabelledDetailsAndShanghaiTimes() throws Exception {
		String ticketNo = "GR-T" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("mark", "DISPATCHED");
		details.put("deadline", "2026-11-20T05:06:16.975538Z");
		details.put("escalatedTo", "lead");
		tx.executeWithoutResult(s -> audit.record("TICKET_OVERDUE", "ticket", ticketNo, null, details));
		java.time.Instant written = jdbc.sql("select occurred_at from platform_audit_event where entity_id = ?").param(ticketNo)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();

		// three wrong keys: one row, and a summary counting the other two
		refusals.flush(true);
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		for (int i = 0; i < 3; i++) {
			http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/audit/verify"))
				.header("X-Api-Key", "hdk_0badc0de_" + i)
				.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		}
		refusals.flush(true);
		long summaryId = jdbc.sql("select max(id) from platform_audit_event where action = 'REFUSALS_REPEATED'").query(Long.class).single();

		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("auditor", "heatdesk2026");
			browser.go("/audit?action=REFUSALS_REPEATED&before=" + (summaryId + 1));
			assertNoErrorPage(browser);
			WebElement summary = browser.find(By.cssSelector("table.grid.audit tbody tr"));
			assertThat(summary.findElement(By.cssSelector("td.sentence span")).getText())
				.isEqualTo("同一来源在一分钟内又有多次失败尝试，合并为一条记录");
			assertThat(summary.findElement(By.cssSelector("td:nth-child(4)")).getText()).isEqualTo("本机");
			assertThat(summary.findElement(By.cssSelector("td.change")).getText()).startsWith("类型：接口密钥；被拒绝的操作：接口密钥被拒绝；此后又失败的次数：2；因过于频繁直接拒绝的次数：0；起始时间：")
				.contains("接口密钥“hdk_0badc0de…”").doesNotContain("api-key:").doesNotContain("Z；");
			// what the summary is about, in words rather than the group key it is counted under
			assertThat(summary.findElement(By.cssSelector("td.sentence div")).getText()).endsWith("无效或已吊销的接口密钥")
				.doesNotContain("api-key");
			browser.screenshot("audit-refusals-repeated");

			browser.go("/audit?entityId=" + ticketNo);
			assertNoErrorPage(browser);
			List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.grid.audit tbody tr"));
			assertThat(rows).hasSize(1);
			WebElement row = rows.get(0);
			assertThat(row.findElement(By.cssSelector("td.sentence span")).getText()).isEqualTo("工单 " + ticketNo + " 已超过办理时限");
			assertThat(row.findElement(By.cssSelector("td.sentence .small")).getText()).startsWith("工单超时 · 工单");
			assertThat(row.findElement(By.cssSelector("td:nth-child(2)")).getText())
				.isEqualTo(SHOWN.format(written.atZone(ZoneId.of("Asia/Shanghai"))));
			assertThat(row.findElement(By.cssSelector("td:nth-child(3)")).getText()).isEqualTo("系统");
			// the deadline inside the details: 05:06 UTC is 13:06 in Shanghai
			assertThat(row.findElement(By.cssSelector("td.change")).getText())
				.isEqualTo("节点：有指令；时限：2026-11-20 13:06:16；升级给：lead");
			String page = browser.text(By.tagName("main"));
			assertThat(page).doesNotContain("TICKET_OVERDUE").doesNotContain("{\"").doesNotContain("05:06:16");
			browser.screenshot("audit-ticket-overdue");

			// the auditor's own login, from this machine
			browser.go("/audit?actor=auditor&action=LOGIN");
			assertNoErrorPage(browser);
			WebElement login = browser.find(By.cssSelector("table.grid.audit tbody tr"));
			assertThat(login.findElement(By.cssSelector("td.sentence span")).getText()).isEqualTo("auditor 登录了系统");
			assertThat(login.findElement(By.cssSelector("td:nth-child(4)")).getText()).isEqualTo("本机");
			assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.name("action"))).getFirstSelectedOption().getText())
				.isEqualTo("登录");

			browser.go("/audit");
			assertNoErrorPage(browser);
			assertThat(browser.driver().findElements(By.cssSelector("table.grid.audit tbody tr"))).hasSizeGreaterThan(10);
			String all = browser.text(By.cssSelector("table.grid.audit tbody"));
			assertThat(all).doesNotContain("0:0:0:0:0:0:0:1").doesNotContain("127.0.0.1").doesNotContain("{\"");
			browser.screenshot("audit-page");
		}
	}

	static void assertNoErrorPage(Browser browser) {
		assertThat(browser.driver().getTitle()).doesNotContain("出错了");
		assertThat(browser.driver().findElements(By.xpath("//h1[starts-with(normalize-space(.), '错误')]"))).isEmpty();
	}
}
