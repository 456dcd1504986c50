package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A call rings at the agent's extension: the open desk pops the caller's customer without a reload,
 * the agent records a ticket from it, and the lead's wallboard counts the call once it is answered.
 * Presence and the call's status reach the desk over its event stream, not by polling, and a desk
 * whose stream was dropped catches up when it reconnects.
 */
@HeatDeskTest
class DeskBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeskStreams streams;

	@Autowired
	Presences presences;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Staff staff;

	@Test
	void ringingCallPopsTheCustomerAndBecomesATicket() {
		CtiClient cti = CtiClient.create(port, jdbc);
		// a customer of the test's own, whose mobile number belongs to nobody else
		String phone = TestCustomers.uniqueMobile();
		long customerId = TestCustomers.insert(jdbc, "测试甲", phone);
		String callId = "B-" + UUID.randomUUID();
		TestStaff.Account agent = TestStaff.create(staff, "desk", Role.AGENT);

		try (Browser lead = browsers.open(port, Browser.DESK); Browser desk = browsers.open(port, Browser.DESK)) {
			lead.login("lead", "heatdesk2026").go("/wallboard");
			lead.waitFor(d -> "true".equals(lead.find(By.cssSelector("[data-wallboard-stream]")).getAttribute("data-updated")));
			long answeredBefore = Long.parseLong(lead.text(By.cssSelector("[data-figure=answered]")));

			desk.login(agent.username(), TestStaff.PASSWORD).go("/desk");
			desk.waitFor(d -> "true".equals(desk.find(By.id("main")).getAttribute("data-stream-open")));
			desk.screenshot("contact-desk-waiting");
			JavascriptExecutor js = (JavascriptExecutor) desk.driver();
			js.executeScript("window.heatdeskNoReload = 'still here';");

			Instant ring = Instant.now().minus(3, ChronoUnit.SECONDS);
			assertThat(cti.post(CtiClient.event(callId, "RINGING", ring, agent.extension(), "caller", phone)).statusCode())
				.isEqualTo(200);

			String shownId = desk.find(By.id("pop-customer")).getAttribute("data-customer-id");
			assertThat(shownId).isEqualTo(Long.toString(customerId));
			assertThat(js.executeScript("return window.heatdeskNoReload;")).isEqualTo("still here");
			assertThat(desk.text(By.id("pop-phone"))).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
			desk.screenshot("contact-desk-pop");

			assertThat(cti.post(CtiClient.event(callId, "ANSWERED", ring.plusSeconds(2), agent.extension(), "caller", phone))
				.statusCode()).isEqualTo(200);
			// the pop follows the call: once answered it says so without a reload
			desk.waitFor(d -> desk.text(By.id("pop-status")).equals("通话中"));
			new Select(desk.find(By.id("ticket-type"))).selectByValue("REPAIR");
			desk.find(By.id("ticket-description")).sendKeys("卧室暖气片不热，已排气无效");
			desk.find(By.id("record-ticket")).click();
			String recorded = desk.text(By.id("ticket-recorded"));
			desk.screenshot("contact-desk-ticket");
			// the call's contact takes the ticket's number just after the ticket commits
			String ticketNo = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
					select k.ticket_no from contact_contact k join contact_call c on c.contact_id = k.id
					where c.switch_call_id = ?""").param(callId).query((rs, n) -> rs.getString(1)).list().get(0),
					no -> no != null);
			assertThat(ticketNo).isNotBlank();
			assertThat(recorded).contains(ticketNo);
			assertThat(jdbc.sql("select customer_id from contact_contact k join contact_call c on c.contact_id = k.id where c.switch_call_id = ?")
				.param(callId).query(Long.class).single()).isEqualTo(customerId);

			lead.waitFor(d -> Long.parseLong(lead.text(By.cssSelector("[data-figure=answered]"))) == answeredBefore + 1);
			lead.screenshot("contact-wallboard");
		}
	}

	@Test
	void presenceAndCallStatusArePushedAndCaughtUpAfterAReconnect() {
		CtiClient cti = CtiClient.create(port, jdbc);
		TestStaff.Account agent = TestStaff.create(staff, "presence", Role.AGENT);
		long agentId = jdbc.sql("select id from staff_member where username = ?").param(agent.username()).query(Long.class).single();
		// ready a minute ago: a call event older than the presence it would change is ignored, and the
		// call below is dated seconds back (with a warm browser the desk opens in under a second)
		tx.executeWithoutResult(s -> presences.set(agentId, PresenceState.READY, null, Instant.now().minusSeconds(60),
				agent.username(), true));
		String callId = "P-" + UUID.randomUUID();

		try (Browser desk = browsers.open(port, Browser.DESK)) {
			desk.login(agent.username(), TestStaff.PASSWORD).go("/desk");
			JavascriptExecutor js = (JavascriptExecutor) desk.driver();
			desk.waitFor(d -> "true".equals(attr(js, "main", "data-stream-open")));
			assertThat(attr(js, "presence-state", "data-state")).isEqualTo("READY");
			assertThat(desk.driver().findElements(By.cssSelector("[hx-trigger*='every']"))).isEmpty();
			// the badge is fetched when the stream opens (once, or again if it had to reconnect)
			desk.waitFor(d -> fetches(js, "/desk/presence/now") >= 1);
			long resyncs = fetches(js, "/desk/presence/now");
			long statusFetches = fetches(js, "/status");

			Instant ring = Instant.now().minusSeconds(4);
			assertThat(cti.post(CtiClient.event(callId, "RINGING", ring, agent.extension())).statusCode()).isEqualTo(200);
			String popped = String.valueOf(jdbc.sql("select id from contact_call where switch_call_id = ?").param(callId)
				.query(Long.class).single());
			desk.waitFor(d -> popped.equals(attr(js, "pop-status", "data-call-id")));
			assertThat(attr(js, "pop-status", "data-status")).isEqualTo("RINGING");
			assertThat(cti.post(CtiClient.event(callId, "ANSWERED", ring.plusSeconds(3), agent.extension())).statusCode()).isEqualTo(200);
			desk.waitFor(d -> "ON_CALL".equals(attr(js, "presence-state", "data-state")));
			assertThat(attr(js, "presence-state", "textContent")).isEqualTo("通话中");
			desk.waitFor(d -> "TALKING".equals(attr(js, "pop-status", "data-status")));
			assertThat(attr(js, "pop-status", "textContent")).isEqualTo("通话中");
			desk.screenshot("contact-desk-on-call");

			assertThat(cti.post(CtiClient.event(callId, "ENDED", ring.plusSeconds(4), agent.extension())).statusCode()).isEqualTo(200);
			desk.waitFor(d -> "WRAP_UP".equals(attr(js, "presence-state", "data-state")));
			assertThat(attr(js, "presence-state", "textContent")).isEqualTo("话后整理");
			desk.waitFor(d -> "已结束".equals(attr(js, "pop-status", "textContent")));
			// all of it arrived on the stream: nothing was fetched again
			assertThat(fetches(js, "/desk/presence/now")).isEqualTo(resyncs);
			assertThat(fetches(js, "/status")).isEqualTo(statusFetches);

			// the stream drops (a node restarts, a proxy cuts it); the lead sets the agent away meanwhile
			streams.stop();
			streams.start();
			tx.executeWithoutResult(s -> presences.set(agentId, PresenceState.AWAY, "MEETING", Instant.now(), "lead", true));
			desk.waitFor(d -> "AWAY".equals(attr(js, "presence-state", "data-state")));
			assertThat(attr(js, "presence-reason", "textContent").strip()).isEqualTo("开会");
			assertThat(fetches(js, "/desk/presence/now")).isEqualTo(resyncs + 1);
			desk.screenshot("contact-desk-resynced");
		}
		finally {
			tx.executeWithoutResult(s -> presences.set(agentId, PresenceState.OFFLINE, null, Instant.now(), agent.username(), true));
		}
	}

	@Test
	void theDeskFitsTheAgentsScreenAndAPhone() {
		TestStaff.Account atDesk = TestStaff.create(staff, "wide", Role.AGENT);
		TestStaff.Account onPhone = TestStaff.create(staff, "phone", Role.AGENT);
		try (Browser wide = browsers.open(port, Browser.DESK); Browser phone = browsers.open(port, Browser.PHONE)) {
			wide.login(atDesk.username(), TestStaff.PASSWORD).go("/desk");
			wide.waitFor(d -> "true".equals(wide.find(By.id("main")).getAttribute("data-stream-open")));
			assertThat(wide.driver().findElements(By.cssSelector(".desk-kb"))).isEmpty();
			assertThat(((JavascriptExecutor) wide.driver())
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
			wide.screenshot("contact-desk-1366");
			phone.login(onPhone.username(), TestStaff.PASSWORD).go("/desk");
			phone.waitFor(d -> "true".equals(phone.find(By.id("main")).getAttribute("data-stream-open")));
			assertThat(((JavascriptExecutor) phone.driver())
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
			// one column on the phone: the caller panel takes the width, its text is not squeezed into a strip
			assertThat(((Number) ((JavascriptExecutor) phone.driver())
				.executeScript("return document.getElementById('caller').getBoundingClientRect().width;")).doubleValue())
				.isGreaterThan(300);
			phone.screenshot("contact-desk-390");
		}
	}

	/** An attribute (or {@code textContent}) of the element with this id as it is now; the pop replaces its elements. */
	private static String attr(JavascriptExecutor js, String id, String name) {
		return (String) js.executeScript("var e = document.getElementById(arguments[0]); if (!e) { return null; }"
				+ " return arguments[1] === 'textContent' ? e.textContent : e.getAttribute(arguments[1]);", id, name);
	}

	/** How many requests the page has made to addresses containing {@code part}. */
	private static long fetches(JavascriptExecutor js, String part) {
		return ((Number) js.executeScript("var part = arguments[0]; return performance.getEntriesByType('resource')"
				+ ".filter(function (e) { return e.name.indexOf(part) >= 0; }).length;", part)).longValue();
	}
}
