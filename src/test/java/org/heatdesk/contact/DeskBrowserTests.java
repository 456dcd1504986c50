package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A call rings at the agent's extension: the open desk pops the caller's customer without a reload,
 * the agent records a ticket from it, and the lead's wallboard counts the call once it is answered.
 */
@HeatDeskTest
class DeskBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ringingCallPopsTheCustomerAndBecomesATicket() {
		CtiClient cti = CtiClient.create(port, jdbc);
		// a demo customer whose mobile number belongs to nobody else
		Map<String, Object> customer = jdbc.sql("""
				select p.phone, min(p.customer_id) as customer_id from customer_phone p
				where p.phone like '1%' group by p.phone having count(*) = 1 order by p.phone limit 1""")
			.query()
			.singleRow();
		String phone = (String) customer.get("phone");
		long customerId = ((Number) customer.get("customer_id")).longValue();
		String callId = "B-" + UUID.randomUUID();

		try (Browser lead = Browser.open(port, Browser.DESK); Browser desk = Browser.open(port, Browser.DESK)) {
			lead.login("lead", "heatdesk2026").go("/wallboard");
			lead.waitFor(d -> "true".equals(lead.find(By.cssSelector("[data-wallboard-stream]")).getAttribute("data-updated")));
			long answeredBefore = Long.parseLong(lead.text(By.cssSelector("[data-figure=answered]")));

			desk.login("agent2", "heatdesk2026").go("/desk");
			desk.waitFor(d -> "true".equals(desk.find(By.id("main")).getAttribute("data-stream-open")));
			desk.screenshot("contact-desk-waiting");
			JavascriptExecutor js = (JavascriptExecutor) desk.driver();
			js.executeScript("window.heatdeskNoReload = 'still here';");

			Instant ring = Instant.now().minus(3, ChronoUnit.SECONDS);
			assertThat(cti.post(CtiClient.event(callId, "RINGING", ring, "8002", "caller", phone)).statusCode())
				.isEqualTo(200);

			String shownId = desk.find(By.id("pop-customer")).getAttribute("data-customer-id");
			assertThat(shownId).isEqualTo(Long.toString(customerId));
			assertThat(js.executeScript("return window.heatdeskNoReload;")).isEqualTo("still here");
			assertThat(desk.text(By.id("pop-phone"))).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
			desk.screenshot("contact-desk-pop");

			assertThat(cti.post(CtiClient.event(callId, "ANSWERED", ring.plusSeconds(2), "8002", "caller", phone))
				.statusCode()).isEqualTo(200);
			// the pop follows the call: once answered it says so without a reload
			desk.waitFor(d -> desk.text(By.id("pop-status")).equals("通话中"));
			new Select(desk.find(By.id("ticket-type"))).selectByValue("REPAIR");
			desk.find(By.id("ticket-description")).sendKeys("卧室暖气片不热，已排气无效");
			desk.find(By.id("record-ticket")).click();
			String recorded = desk.text(By.id("ticket-recorded"));
			desk.screenshot("contact-desk-ticket");
			String ticketNo = jdbc.sql("""
					select k.ticket_no from contact_contact k join contact_call c on c.contact_id = k.id
					where c.switch_call_id = ?""").param(callId).query(String.class).single();
			assertThat(ticketNo).isNotBlank();
			assertThat(recorded).contains(ticketNo);
			assertThat(jdbc.sql("select customer_id from contact_contact k join contact_call c on c.contact_id = k.id where c.switch_call_id = ?")
				.param(callId).query(Long.class).single()).isEqualTo(customerId);

			lead.waitFor(d -> Long.parseLong(lead.text(By.cssSelector("[data-figure=answered]"))) == answeredBefore + 1);
			lead.screenshot("contact-wallboard");
		}
	}
}
