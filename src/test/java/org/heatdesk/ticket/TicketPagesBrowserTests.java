package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agent finds a customer by phone, records a repair with the keyboard, transfers it to the team lead;
 * the lead accepts it; the agent, its first responder, still sees it in "my tickets".
 */
@HeatDeskTest
class TicketPagesBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	/** Logs in and waits until the login form has been left, so the next page opens in the new session. */
	static void login(Browser b, String username) {
		TicketFixtures.login(b, username);
	}

	@Test
	void anAgentRecordsARepairTransfersItAndStillSeesIt() {
		// a demo customer's full phone number (test set-up only: the agent types it as the caller says it)
		Map<String, Object> phone = jdbc.sql("select p.phone, p.customer_id from customer_phone p where p.phone like '1%' order by p.customer_id limit 1")
			.query().singleRow();
		String description = "暖气片漏水，地面都湿了 " + UUID.randomUUID().toString().substring(0, 6);
		long leadId = staff.findByUsername("lead").orElseThrow().id();
		String ticketNo;
		try (Browser b = browsers.open(port, Browser.DESK)) {
			login(b, "agent");
			b.go("/tickets/new");
			WebElement search = b.find(By.id("customer-q"));
			assertThat(b.driver().switchTo().activeElement()).isEqualTo(search);
			search.sendKeys((String) phone.get("phone"));
			b.find(By.id("pick-0")).click();
			b.find(By.cssSelector("#caller h2"));
			b.waitFor(d -> !d.findElements(By.cssSelector("#caller input[name=customerId]")).isEmpty());
			// keyboard: Alt+E jumps to the request text
			b.find(By.tagName("body")).sendKeys(Keys.chord(Keys.ALT, "e"));
			b.driver().switchTo().activeElement().sendKeys(description);
			// no category chosen yet: the suggested one is applied, and the agent may change it
			assertThat(b.text(By.id("suggestion-applied"))).contains("漏水");
			b.waitFor(d -> {
				try {
					return !new Select(d.findElement(By.id("categoryId"))).getFirstSelectedOption().getAttribute("value").isEmpty();
				}
				catch (org.openqa.selenium.StaleElementReferenceException e) {
					return false;
				}
			});
			new Select(b.find(By.id("priority"))).selectByValue("HIGH");
			b.waitFor(d -> d.findElements(By.cssSelector("#deadline li")).size() >= 2);
			b.waitFor(d -> d.findElements(By.cssSelector("#suggestion button")).isEmpty());
			b.screenshot("ticket-intake");
			b.find(By.tagName("body")).sendKeys(Keys.chord(Keys.ALT, "r"));
			ticketNo = b.waitFor(d -> d.getCurrentUrl().matches(".*/tickets/GR\\d{8}-\\d{4}$") ? d.getCurrentUrl().replaceAll(".*/", "") : null);
			assertThat(b.text(By.id("timeline"))).contains("登记");
			b.screenshot("ticket-page-recorded");

			// transfer to the team lead, with a reason
			b.find(By.xpath("//summary[contains(., '转办')]")).click();
			new Select(b.find(By.id("transfer-staff"))).selectByValue(String.valueOf(leadId));
			b.find(By.id("transfer-reason")).sendKeys("用户家中漏水面积大，请班长协调维修班组");
			b.find(By.id("transfer-submit")).click();
			b.waitFor(d -> d.getPageSource().contains("接收前仍由发起人负责"));
			assertThat(b.text(By.id("assignee"))).isEqualTo("王丽");
			b.screenshot("ticket-page-transfer-pending");
			b.logout();

			login(b, "lead");
			b.go("/tickets/mine");
			WebElement row = b.find(By.xpath("//section[@id='awaiting']//tr[td/a[text()='" + ticketNo + "']]"));
			b.screenshot("ticket-mine-lead-awaiting");
			row.findElement(By.cssSelector("button.accept")).click();
			b.waitFor(d -> d.getPageSource().contains("已接收转办"));
			b.go("/tickets/" + ticketNo);
			assertThat(b.text(By.id("assignee"))).isEqualTo("李强");
			b.screenshot("ticket-page-accepted");
			b.logout();

			login(b, "agent");
			b.go("/tickets/mine");
			WebElement mine = b.find(By.xpath("//section[@id='mine']//tr[td/a[text()='" + ticketNo + "']]"));
			assertThat(mine.getText()).contains("李强").contains("王丽");
			b.screenshot("ticket-mine-agent");
		}
		assertThat(jdbc.sql("select assignee from ticket where ticket_no = ?").param(ticketNo).query(String.class).single())
			.isEqualTo("lead");
		assertThat(jdbc.sql("select customer_id from ticket where ticket_no = ?").param(ticketNo).query(Long.class).single())
			.isEqualTo(((Number) phone.get("customer_id")).longValue());
	}

	@Test
	void theLeadsBoardsAndTheManagersPolicyPage() {
		try (Browser b = browsers.open(port, Browser.DESK)) {
			login(b, "lead");
			b.go("/tickets/overdue");
			// live over server-sent events, no polling
			b.find(By.id("board"));
			assertThat(b.find(By.id("board-live")).getAttribute("data-board-stream")).endsWith("/tickets/overdue/stream");
			assertThat(b.find(By.id("board")).getAttribute("hx-trigger")).isNull();
			b.screenshot("ticket-overdue-board");
			b.go("/tickets/team");
			b.find(By.tagName("h1"));
			b.screenshot("ticket-team-queue");
			b.go("/tickets/search?q=" + java.net.URLEncoder.encode("暖气片 漏水", java.nio.charset.StandardCharsets.UTF_8));
			b.find(By.cssSelector("table.grid tbody tr"));
			b.screenshot("ticket-search");
			b.logout();
			login(b, "manager");
			b.go("/tickets/policy");
			assertThat(b.text(By.tagName("h2"))).contains("第");
			b.screenshot("ticket-policy");
		}
	}
}
