package org.heatdesk.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.notification.NotificationFixtures;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.TicketFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agent works the follow-up queue: opens a follow-up, hears a dissatisfied customer, records it
 * with the customer's words (satisfaction chosen with the key 4); the ticket is reopened in the
 * resolver's "my tickets" with those words on its timeline; the outbox shows what the customer was
 * sent at each step (the ticket number when recorded, the result, the request to rate the service).
 */
@HeatDeskTest
class FollowUpBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAgentRecordsADissatisfiedCustomerAndTheTicketGoesBackToItsResolver() {
		FollowUpTestSupport.Crew crew = FollowUpTestSupport.crew(staff);
		String description = "卧室暖气片不热 " + UUID.randomUUID().toString().substring(0, 6);
		// the customer's mobile ends in 5678, as the caller's number does: the queue shows 139****5678 either way
		String mobile = "139" + String.format("%04d", (int) (System.nanoTime() % 10_000)) + "5678";
		long customer = NotificationFixtures.customer(jdbc, NotificationFixtures.firstCommunity(jdbc), mobile);
		String no = FollowUpTestSupport.resolved(port, crew.agent().username(), "REPAIR", customer, description, "已放气，暖气恢复");
		FollowUpTestSupport.resolved(port, crew.agent().username(), "COMPLAINT", "投诉师傅迟到 " + UUID.randomUUID().toString().substring(0, 6), "已致歉");
		long id = FollowUpTestSupport.followUpOf(jdbc, no, 1);
		TestStaff.Account caller = TestStaff.create(staff, "fuq", Role.AGENT);
		String words = "放气后第二天又不热了，卧室只有十五度";

		try (Browser b = browsers.open(port, Browser.DESK)) {
			TicketFixtures.login(b, caller.username());
			b.go("/followups");
			WebElement row = b.find(By.id("followup-" + id));
			assertThat(row.getText()).contains(no).contains("139****5678").contains(crew.agent().displayName()).contains("报修");
			assertThat(b.driver().findElements(By.cssSelector("#followups tbody tr"))).isNotEmpty();
			assertThat(b.driver().getTitle()).doesNotContain("出错");
			b.screenshot("followup-queue");

			b.submit(By.cssSelector("#followup-" + id + " a.open"));
			assertThat(b.driver().getCurrentUrl()).endsWith("/followups/" + id);
			assertThat(b.driver().getTitle()).contains("回访 " + no);
			assertThat(b.text(By.id("ticket-summary"))).contains(description).contains("已放气，暖气恢复");
			// the standard's phrase with the company's short name
			assertThat(b.text(By.id("phrases"))).contains("我是金鼎公司供热客服中心");
			b.screenshot("followup-work");

			// key 4 chooses 不满意 (the agent is not typing in a field)
			b.find(By.tagName("body")).click();
			new Actions(b.driver()).sendKeys("4").perform();
			assertThat(b.find(By.cssSelector("input[name=satisfaction][value=DISSATISFIED]")).isSelected()).isTrue();
			b.find(By.cssSelector("input[name=solved][value=no]")).click();
			b.find(By.id("comment")).sendKeys(words);
			b.submit(By.id("submit-outcome"));
			assertThat(b.driver().getCurrentUrl()).endsWith("/followups");
			assertThat(b.text(By.cssSelector(".alert-ok"))).contains(no).contains("已重开");
			assertThat(b.driver().findElements(By.id("followup-" + id))).isEmpty();
			b.logout();

			// the resolver finds it reopened in his list, with the customer's words
			TicketFixtures.login(b, crew.agent().username());
			b.go("/tickets/mine");
			WebElement mine = b.waitFor(d -> d.findElements(By.cssSelector("#mine tbody tr")).stream()
				.filter(r -> r.getText().contains(no)).findFirst().orElse(null));
			assertThat(mine.getText()).contains("已重开");
			assertThat(b.driver().getPageSource()).contains("回访不满意，退回给您重办");
			b.screenshot("followup-resolver-mine");
			b.go("/tickets/" + no);
			assertThat(b.text(By.id("status"))).isEqualTo("已重开");
			assertThat(b.text(By.id("timeline"))).contains(words);
			b.logout();

			// the team lead opens the outbox at the ticket's number: what the customer's phone received, oldest first
			TicketFixtures.login(b, crew.lead().username());
			b.go("/admin/outbox?ticketNo=" + no);
			List<WebElement> sent = b.driver().findElements(By.cssSelector("tr[data-message]"));
			List<String> rows = sent.stream().map(WebElement::getText).toList();
			// recorded (工单登记), result of a repair (处理结果), the request to rate it (回访评价); a desk dispatch is no visit
			assertThat(rows).hasSize(3);
			assertThat(String.join("\n", rows)).contains("工单登记").contains("处理结果").contains("回访评价")
				.contains("已放气，暖气恢复").contains("139****5678");
			assertThat(rows).allSatisfy(r -> assertThat(r).contains(no));
			assertThat(b.driver().getTitle()).doesNotContain("出错");
			b.screenshot("followup-outbox-of-the-ticket");
		}
	}
}
