package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer reported a cold radiator on the intake page; two minutes later they call again. The
 * pop lists that ticket as open and as an earlier contact; the desk's form carries the number they
 * call from and the category their words suggest, and the saved tickets show both.
 */
@HeatDeskTest
class DeskIntakeBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Test
	void theNumberAndTheSuggestedCategoryReachTheTicketAndThePopTellsOneStory() {
		CtiClient cti = CtiClient.create(port, jdbc);
		String phone = TestCustomers.uniqueMobile();
		long customerId = TestCustomers.insert(jdbc, "测试丁", phone);
		long notWarm = jdbc.sql("select id from ticket_category where code = 'REPAIR_NOT_WARM'").query(Long.class).single();
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		TestStaff.Account agent = TestStaff.create(staff, "intake", Role.AGENT);

		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login(agent.username(), TestStaff.PASSWORD);

			// the intake page: the customer is found by the number they call from
			b.go("/tickets/new");
			b.find(By.id("customer-q")).sendKeys(phone);
			b.find(By.id("pick-0")).click();
			b.waitFor(d -> phone.equals(b.find(By.id("callerPhone")).getAttribute("value")));
			b.find(By.id("description")).sendKeys("客厅暖气片不热，摸着发凉");
			b.waitFor(d -> String.valueOf(notWarm).equals(new Select(b.find(By.id("categoryId"))).getFirstSelectedOption()
				.getAttribute("value")));
			assertThat(b.text(By.id("suggestion-applied"))).contains("暖气不热");
			b.screenshot("ticket-intake-suggestion-applied");
			b.submit(By.cssSelector("button[name=mode][value=record]"));
			String first = b.text(By.cssSelector("h1 .num"));
			assertThat(b.text(By.cssSelector(".page-head .muted"))).isEqualTo("报修 / 暖气不热");
			assertThat(jdbc.sql("select caller_phone from ticket where ticket_no = ?").param(first).query(String.class).single())
				.isEqualTo(phone);
			assertThat(jdbc.sql("select category_id from ticket where ticket_no = ?").param(first).query(Long.class).single())
				.isEqualTo(notWarm);

			// the customer calls again: the pop lists the open ticket, and it is an earlier contact too
			b.go("/desk");
			b.waitFor(d -> "true".equals(b.find(By.id("main")).getAttribute("data-stream-open")));
			String switchId = "IN-" + UUID.randomUUID();
			assertThat(cti.post(CtiClient.event(switchId, "RINGING", Instant.now().minusSeconds(2), agent.extension(), "caller", phone))
				.statusCode()).isEqualTo(200);
			assertThat(b.find(By.id("pop-customer")).getAttribute("data-customer-id")).isEqualTo(String.valueOf(customerId));
			assertThat(b.text(By.id("pop-open-tickets"))).contains(first);
			assertThat(b.text(By.id("pop-history"))).contains(first);
			assertThat(b.text(By.id("caller"))).doesNotContain("没有以往联络记录");

			// the desk's form: the caller's number is on it, and the words choose the category
			assertThat(b.text(By.id("ticket-caller-phone"))).contains(masked);
			b.find(By.id("ticket-description")).sendKeys("卧室暖气也不热了");
			b.waitFor(d -> String.valueOf(notWarm).equals(new Select(b.find(By.id("ticket-category-id")))
				.getFirstSelectedOption().getAttribute("value")));
			assertThat(b.text(By.id("ticket-category-suggested"))).contains("暖气不热");
			b.screenshot("contact-desk-pop-intake");
			b.find(By.id("record-ticket")).click();
			String recorded = b.text(By.id("ticket-recorded"));
			// the call's contact takes the ticket's number just after the ticket commits
			String second = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
					select k.ticket_no from contact_contact k join contact_call c on c.contact_id = k.id
					where c.switch_call_id = ?""").param(switchId).query((rs, n) -> rs.getString(1)).list().get(0),
					no -> no != null);
			assertThat(recorded).contains(second);

			b.go("/tickets/" + second);
			assertThat(b.text(By.cssSelector(".page-head .muted"))).isEqualTo("报修 / 暖气不热");
			assertThat(b.text(By.tagName("main"))).contains("来电号码");
			assertThat(jdbc.sql("select caller_phone from ticket where ticket_no = ?").param(second).query(String.class).single())
				.isEqualTo(phone);
			assertThat(b.driver().getPageSource()).contains(phone.substring(7));
			b.screenshot("ticket-from-desk");
		}
	}

	@Test
	void theAgentPicksWhichOfTwoCustomersIsCalling() {
		CtiClient cti = CtiClient.create(port, jdbc);
		String phone = TestCustomers.uniqueMobile();
		TestCustomers.insert(jdbc, "测试戊", phone);
		long second = TestCustomers.insert(jdbc, "测试己", phone);
		TestStaff.Account agent = TestStaff.create(staff, "picks", Role.AGENT);
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login(agent.username(), TestStaff.PASSWORD).go("/desk");
			b.waitFor(d -> "true".equals(b.find(By.id("main")).getAttribute("data-stream-open")));
			String switchId = "CH-" + UUID.randomUUID();
			assertThat(cti.post(CtiClient.event(switchId, "RINGING", Instant.now().minusSeconds(2), agent.extension(), "caller", phone))
				.statusCode()).isEqualTo(200);
			b.find(By.cssSelector(".pop-choices button[value='" + second + "']"));
			b.screenshot("contact-desk-pop-choices");
			b.find(By.cssSelector(".pop-choices button[value='" + second + "']")).click();
			b.waitFor(d -> String.valueOf(second).equals(b.find(By.id("pop-customer")).getAttribute("data-customer-id")));
			assertThat(jdbc.sql("""
					select k.customer_id from contact_contact k join contact_call c on c.contact_id = k.id
					where c.switch_call_id = ?""").param(switchId).query(Long.class).single()).isEqualTo(second);
		}
	}
}
