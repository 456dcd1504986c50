package org.heatdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.customer.CustomerTestSupport.as;

import java.util.List;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The access log names every purpose in words, also those other modules log (screen pop, ticket). */
@HeatDeskTest
class AccessLogPurposesBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAuditorReadsWhyEachCustomerWasShown() {
		long id = jdbc.sql("select id from customer order by id desc limit 1").query(Long.class).single();
		String account = jdbc.sql("select account_no from customer where id = ?").param(id).query(String.class).single();
		// what the desk's screen pop and the ticket page log when they show the customer
		as("agent", () -> customers.logAccess(id, "SCREEN_POP"), Role.AGENT);
		as("agent2", () -> customers.logAccess(id, "TICKET"), Role.AGENT);
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			// and an agent opening the customer page from this machine
			browser.login("agent3", "heatdesk2026").go("/customers/" + id);
			browser.find(By.cssSelector(".customer-card"));
			browser.logout();

			browser.login("auditor", "heatdesk2026").go("/customers/access-log?accountNo=" + account);
			assertThat(browser.driver().getTitle()).doesNotContain("出错了");
			List<WebElement> rows = browser.waitFor(d -> {
				var found = d.findElements(By.cssSelector("table.access-log tbody tr"));
				return found.size() >= 3 ? found : null;
			});
			String purposes = rows.stream().map(r -> r.findElement(By.cssSelector("td:nth-child(4)")).getText()).toList().toString();
			assertThat(purposes).contains("来电弹屏显示用户").contains("在工单中查看用户").contains("查看用户页面");
			WebElement view = rows.stream().filter(r -> r.getText().contains("agent3")).findFirst().orElseThrow();
			assertThat(view.findElement(By.cssSelector("td:nth-child(6)")).getText()).isEqualTo("本机");
			String table = browser.text(By.cssSelector("table.access-log"));
			assertThat(table).doesNotContain("SCREEN_POP").doesNotContain("TICKET").doesNotContain("127.0.0.1")
				.doesNotContain("0:0:0:0:0:0:0:1");
			var options = browser.driver().findElements(By.cssSelector("select[name=purpose] option")).stream()
				.map(WebElement::getText)
				.toList();
			assertThat(options).contains("来电弹屏显示用户", "在工单中查看用户");
			browser.screenshot("customer-access-log-purposes");
		}
	}
}
