package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manager writes a new text with the preview of a real ticket, another manager approves it; the
 * ticket page lists what its customer was sent; an agent records a customer's opt-out.
 */
@HeatDeskTest
class NotificationBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Tickets tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	Staff staff;

	@Autowired
	TemplateMaintenance templates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aManagerDraftsWithAPreviewAnotherApprovesAndTheTicketPageShowsTheMessages() {
		TestStaff.Account author = TestStaff.create(staff, "nmgr", Role.MANAGER);
		TestStaff.Account approver = TestStaff.create(staff, "nmgr", Role.MANAGER);
		TestStaff.Account tech = TestStaff.create(staff, "ntech", Role.TECHNICIAN);
		long customer = NotificationFixtures.customer(jdbc, NotificationFixtures.firstCommunity(jdbc), NotificationFixtures.mobile());
		Long category = queries.categories(TicketType.REPAIR).get(0).id();
		String no = tickets.record(Actor.person("agent", "王丽"), new RecordTicket(TicketType.REPAIR, category, null, null, null,
				customer, null, "测试小区 5-1-501", "客厅暖气不热", null, null, null)).ticketNo();
		tickets.dispatchToField(Actor.person("dispatcher", "赵敏"), no, staff.findByUsername(tech.username()).orElseThrow().id(), null);
		Actor t = Actor.person(tech.username(), tech.displayName());
		tickets.respondAt(t, no, Instant.now(), null);
		tickets.arrive(t, no, Instant.now());
		TemplateVersion before = templates.history(MessageKind.TECHNICIAN_ARRIVED).stream()
			.filter(v -> "APPROVED".equals(v.status())).findFirst().orElseThrow();
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login(author.username(), TestStaff.PASSWORD);
			b.go("/notifications/templates?kind=TECHNICIAN_ARRIVED");
			assertThat(b.text(By.id("approved-body"))).isEqualTo(before.body());
			assertThat(b.driver().findElements(By.cssSelector("#history tbody tr"))).isNotEmpty();

			WebElement body = b.find(By.id("draft-body"));
			body.clear();
			body.sendKeys("您好，");
			b.find(By.cssSelector("button.insert[data-insert='{technician}']")).click();
			body.sendKeys("已到您家，工单");
			b.find(By.cssSelector("button.insert[data-insert='{ticketNo}']")).click();
			body.sendKeys("。");
			assertThat(body.getAttribute("value")).isEqualTo("您好，{technician}已到您家，工单{ticketNo}。");
			// 【金鼎公司】 (6) + 您好，(3) + {technician} (12) + 已到您家，工单 (7) + {ticketNo} (10) + 。(1) = 39: one SMS
			b.waitFor(d -> d.findElement(By.id("counter")).getText().contains("39"));
			assertThat(b.text(By.id("counter"))).contains("1 条短信");

			WebElement ticket = b.find(By.id("preview-ticket"));
			ticket.sendKeys(no, Keys.ENTER);
			// the ticket's technician (TestStaff names are 测试…: surname 测) and number filled in
			b.waitFor(d -> d.findElement(By.id("preview-text")).getText().contains(no));
			assertThat(b.text(By.id("preview-text"))).isEqualTo("【金鼎公司】您好，测师傅已到您家，工单" + no + "。");
			b.screenshot("notification-templates-draft");
			b.submit(By.id("save-draft"));
			assertThat(b.text(By.cssSelector(".alert-ok"))).contains("草稿已保存");
			assertThat(b.driver().findElements(By.cssSelector("#drafts .draft"))).hasSize(1);
			assertThat(b.driver().findElements(By.cssSelector("#drafts button.primary"))).as("no approve button for the author").isEmpty();
			b.logout();

			b.login(approver.username(), TestStaff.PASSWORD);
			b.go("/notifications/templates?kind=TECHNICIAN_ARRIVED");
			b.screenshot("notification-templates-approve");
			b.submit(By.cssSelector("#drafts button.primary"));
			assertThat(b.text(By.cssSelector(".alert-ok"))).contains("已批准");
			assertThat(b.text(By.id("approved-body"))).isEqualTo("您好，{technician}已到您家，工单{ticketNo}。");
			assertThat(b.text(By.id("version-" + before.version()))).contains("已停用");

			b.go("/tickets/" + no);
			List<WebElement> rows = b.waitFor(d -> d.findElements(By.cssSelector("#customer-messages dd")));
			// recorded, dispatched, arrived (in the seeded text: the arrival came before the approval)
			assertThat(rows).hasSize(3);
			assertThat(b.text(By.id("customer-messages"))).contains("工单登记").contains("派工上门").contains("师傅到达")
				.contains("测师傅");
			// each with where it stands: waiting, or sent already by the delivery running beside the test
			assertThat(rows).allSatisfy(r -> assertThat(r.getText()).containsAnyOf("待发送", "发送中", "已发送"));
			b.screenshot("notification-ticket-messages");
		}
		finally {
			Actor a = Actor.person(author.username(), author.displayName());
			templates.approve(Actor.person(approver.username(), approver.displayName()),
					templates.draft(a, MessageKind.TECHNICIAN_ARRIVED, before.body()).id());
		}
	}

	@Test
	void anAgentRecordsThatACustomerWantsNoMessages() {
		TestStaff.Account agent = TestStaff.create(staff, "nagent", Role.AGENT);
		long customer = NotificationFixtures.customer(jdbc, NotificationFixtures.firstCommunity(jdbc), NotificationFixtures.mobile());
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login(agent.username(), TestStaff.PASSWORD);
			b.go("/customers/" + customer);
			assertThat(b.text(By.id("messages-opt-out"))).contains("接收短信通知");
			b.find(By.id("messages-opt-out-box")).click();
			b.submit(By.id("messages-opt-out-save"));
			assertThat(b.text(By.cssSelector(".alert-ok"))).contains("不再接收短信通知");
			assertThat(b.text(By.cssSelector("#messages-opt-out .badge"))).isEqualTo("已退订短信通知");
			assertThat(b.find(By.id("messages-opt-out-box")).isSelected()).isTrue();
			b.screenshot("notification-customer-opt-out");
		}
		assertThat(jdbc.sql("select messages_opt_out from customer where id = ?").param(customer).query(Boolean.class).single()).isTrue();
		String account = jdbc.sql("select account_no from customer where id = ?").param(customer).query(String.class).single();
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'CUSTOMER_MESSAGES_OPT_OUT' and entity_id = ? and actor = ?")
			.params(account, agent.username()).query(Long.class).single()).isEqualTo(1);
	}
}
