package org.heatdesk.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.ticket.TicketFixtures.action;
import static org.heatdesk.ticket.TicketFixtures.login;
import static org.heatdesk.ticket.TicketFixtures.repair;
import static org.heatdesk.ticket.TicketFixtures.unique;

import java.sql.Timestamp;
import java.time.Instant;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.ticket.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lead's overdue board stays open: a ticket the deadline sweep finds overdue appears on it, and
 * leaves it when resolved, without a reload. A colleague who does not hold a ticket sees no actions on it.
 */
@HeatDeskTest
class OverdueBoardBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeadlineSweep sweep;

	String boardText(Browser b) {
		return b.text(By.id("board"));
	}

	@Test
	void aTicketThatBecomesOverdueAppearsOnTheOpenBoardAndLeavesItWhenResolved() {
		Api agent = Api.as(port, "agent");
		String no = agent.post("/api/v1/tickets", repair(unique("看板实时：暖气不热"))).text("ticketNo");
		try (Browser b = browsers.open(port, Browser.DESK)) {
			login(b, "lead");
			b.go("/tickets/overdue");
			b.waitFor(d -> "true".equals(d.findElement(By.id("board-live")).getAttribute("data-stream-open")));
			((JavascriptExecutor) b.driver()).executeScript("window.heatdeskNotReloaded = true;");
			assertThat(boardText(b)).doesNotContain(no);

			// its deadline passes; the sweep finds it (driven here rather than waiting for the timer)
			Instant now = Instant.now();
			jdbc.sql("update ticket set dispatch_due = ? where ticket_no = ?").params(Timestamp.from(now.minusSeconds(300)), no).update();
			org.awaitility.Awaitility.await().until(() -> sweep.sweep(now).ran());
			assertThat(jdbc.sql("select overdue_mark from ticket where ticket_no = ?").param(no).query(String.class).single())
				.isEqualTo("DISPATCHED");
			b.waitFor(d -> d.findElement(By.id("board")).getText().contains(no));
			assertThat(((JavascriptExecutor) b.driver()).executeScript("return window.heatdeskNotReloaded === true;")).isEqualTo(true);
			assertThat(b.find(By.xpath("//div[@id='board']//tr[td/a[text()='" + no + "']]")).getText()).contains("超时");
			b.screenshot("ticket-overdue-board-live");

			// the holder works it through: it leaves the board
			agent.post("/api/v1/tickets/" + no + "/dispatch", action());
			agent.post("/api/v1/tickets/" + no + "/respond", action());
			assertThat(agent.post("/api/v1/tickets/" + no + "/resolve", action("result", "已修复")).text("status")).isEqualTo("RESOLVED");
			b.waitFor(d -> !d.findElement(By.id("board")).getText().contains(no));
			assertThat(((JavascriptExecutor) b.driver()).executeScript("return window.heatdeskNotReloaded === true;")).isEqualTo(true);
		}
	}

	@Test
	void theBoardOnAPhoneAndATicketPageForSomeoneWhoDoesNotHoldIt() {
		Api agent = Api.as(port, "agent");
		String no = agent.post("/api/v1/tickets", repair(unique("手机看板"))).text("ticketNo");
		jdbc.sql("update ticket set dispatch_due = ? where ticket_no = ?").params(Timestamp.from(Instant.now().minusSeconds(600)), no).update();
		try (Browser b = browsers.open(port, Browser.PHONE)) {
			login(b, "lead");
			b.go("/tickets/overdue");
			b.waitFor(d -> "true".equals(d.findElement(By.id("board-live")).getAttribute("data-stream-open")));
			b.waitFor(d -> d.findElement(By.id("board")).getText().contains(no));
			b.screenshot("ticket-overdue-board-phone");
		}
		try (Browser b = browsers.open(port, Browser.DESK)) {
			// agent3 (team B) neither holds nor recorded it: a note, but no work actions
			login(b, "agent3");
			b.go("/tickets/" + no);
			assertThat(b.text(By.id("not-yours"))).contains("王丽");
			assertThat(b.driver().findElements(By.cssSelector("form[action$='/actions/dispatch']"))).isEmpty();
			assertThat(b.driver().findElements(By.cssSelector("form[action$='/actions/cancel']"))).isEmpty();
			assertThat(b.driver().findElements(By.cssSelector("form[action$='/actions/note']"))).hasSize(1);
			b.screenshot("ticket-page-not-holder");
			b.logout();
			login(b, "agent");
			b.go("/tickets/" + no);
			assertThat(b.driver().findElements(By.id("not-yours"))).isEmpty();
			assertThat(b.driver().findElements(By.cssSelector("form[action$='/actions/dispatch']"))).hasSize(1);
		}
	}
}
