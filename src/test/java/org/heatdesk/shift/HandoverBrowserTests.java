package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageKind;
import org.heatdesk.notification.NotificationFixtures;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Api;
import org.heatdesk.ticket.TicketFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-over story: the outgoing lead prepares the hand-over with an overdue ticket and
 * an active outage and signs; the incoming lead opens it 20 minutes before the shift and signs,
 * which closes it; the dispatch board then shows the incoming shift answering for the team.
 */
@HeatDeskTest
class HandoverBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rosters rosters;

	@Autowired
	Network network;

	@Test
	void theOutgoingLeadPreparesBothSignAndTheBoardShowsTheIncomingShift() {
		ShiftTestSupport.Team t = ShiftTestSupport.team(staff, jdbc);
		// the incoming (evening) shift starts in 21 minutes: its lead opens the hand-over about 20 minutes before
		Instant s = Instant.now().plus(Duration.ofMinutes(21)).truncatedTo(ChronoUnit.SECONDS);
		ShiftTestSupport.shift(rosters, t, t.outLead(), RosterShiftKind.DAY, s.minus(Duration.ofHours(8)), s, true);
		ShiftTestSupport.shift(rosters, t, t.agent(), RosterShiftKind.DAY, s.minus(Duration.ofHours(8)), s, false);
		ShiftTestSupport.shift(rosters, t, t.inLead(), RosterShiftKind.EVENING, s, s.plus(Duration.ofHours(8)), true);
		ShiftTestSupport.shift(rosters, t, t.agent2(), RosterShiftKind.EVENING, s, s.plus(Duration.ofHours(8)), false);
		// an overdue ticket of the team: its dispatch was due half an hour ago
		Api.Response r = Api.as(port, t.agent().username()).post("/api/v1/tickets", TicketFixtures.repair(TicketFixtures.unique("楼道暖气管漏水")));
		assertThat(r.status()).isEqualTo(201);
		String ticketNo = r.text("ticketNo");
		jdbc.sql("update ticket set dispatch_due = ? where ticket_no = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(30))), ticketNo)
			.update();
		// an active outage
		String title = "测试停热 " + UUID.randomUUID().toString().substring(0, 6);
		long community = NotificationFixtures.firstCommunity(jdbc);
		network.publishOutage(new Network.NewOutage(OutageKind.FAULT, title, "管线抢修，预计两小时恢复",
				Instant.now().minus(Duration.ofMinutes(40)), Instant.now().plus(Duration.ofHours(2)), List.of(), List.of(community)));

		try (Browser b = browsers.open(port, Browser.DESK)) {
			TicketFixtures.login(b, t.outLead().username());
			b.go("/shift/handovers");
			assertThat(b.driver().getTitle()).doesNotContain("出错");
			b.submit(By.id("prepare-handover"));
			assertThat(b.driver().getCurrentUrl()).contains("/shift/handovers/");
			String page = b.driver().getCurrentUrl();
			WebElement handover = b.find(By.id("clear-HANDOVER"));
			WebElement ticketRow = handover.findElements(By.cssSelector("tbody tr")).stream()
				.filter(row -> row.getText().contains(ticketNo)).findFirst().orElseThrow();
			assertThat(ticketRow.getText()).contains("已超时").contains("报修");
			assertThat(ticketRow.getAttribute("class")).contains("overdue");
			assertThat(b.text(By.id("clear-SITUATION"))).contains(title);
			assertThat(b.text(By.id("handover-status"))).isEqualTo("已准备");
			b.screenshot("shift-handover-prepared");

			// the outgoing lead confirms the three clears and signs
			for (String box : List.of("clearHandover", "clearSituation", "clearProblem")) {
				b.find(By.cssSelector("#sign-OUTGOING input[name=" + box + "]")).click();
			}
			b.submit(By.id("sign-button-OUTGOING"));
			assertThat(b.text(By.id("sign-OUTGOING"))).contains(t.outLead().displayName());
			b.logout();

			// the incoming lead finds it on the hub and opens it, about 20 minutes before the start
			TicketFixtures.login(b, t.inLead().username());
			b.go("/shift");
			assertThat(b.driver().getTitle()).doesNotContain("出错");
			assertThat(b.text(By.id("current-handover"))).contains(t.team().name());
			assertThat(b.driver().findElements(By.cssSelector("#duty tbody tr"))).isNotEmpty();
			b.screenshot("shift-hub-incoming-lead");
			b.driver().findElement(By.cssSelector("#current-handover a")).click();
			b.waitFor(d -> d.getCurrentUrl().equals(page));
			b.submit(By.id("open-handover"));
			String opened = b.text(By.id("opened"));
			assertThat(opened).contains(t.inLead().displayName()).containsAnyOf("开班前 20 分钟", "开班前 19 分钟", "开班前 18 分钟");
			for (String box : List.of("clearHandover", "clearSituation", "clearProblem")) {
				b.find(By.cssSelector("#sign-INCOMING input[name=" + box + "]")).click();
			}
			b.submit(By.id("sign-button-INCOMING"));
			assertThat(b.text(By.id("handover-status"))).isEqualTo("已交接");
			assertThat(b.text(By.id("closed"))).contains("接班负责本班组工单");
			assertThat(b.driver().getPageSource()).contains("按时交接");
			b.screenshot("shift-handover-signed");

			// the board shows the incoming shift answering for the team
			b.go("/dispatch/board");
			assertThat(b.driver().getTitle()).doesNotContain("出错");
			WebElement strip = b.find(By.cssSelector("#duty-strip [data-team='" + t.team().id() + "']"));
			assertThat(strip.getText()).contains(t.team().name()).contains("中班").contains(t.inLead().displayName())
				.contains("当班负责");
			assertThat(b.driver().findElements(By.cssSelector("#board tr[data-ticket]"))).isNotEmpty();
			b.screenshot("shift-dispatch-board-incoming");
		}
	}
}
