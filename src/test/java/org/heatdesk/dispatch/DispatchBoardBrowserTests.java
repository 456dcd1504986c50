package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.platform.Actor;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketScope;
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
 * A dispatcher at the desk opens the board with tickets waiting, picks one of theirs, sees the
 * technicians suggested with their badges (the first focused), dispatches with Enter and sees the
 * ticket leave the waiting list; a ticket recorded meanwhile appears without a reload; the workload
 * view shows the job with the technician.
 */
@HeatDeskTest
class DispatchBoardBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	static final Actor AGENT = Actor.person("agent", "接线员");

	@LocalServerPort
	int port;

	@Autowired
	Technicians technicians;

	@Autowired
	Tickets tickets;

	@Autowired
	Network network;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aDispatcherDispatchesATicketFromTheBoardWithTheKeyboard() {
		CommunityView c = network.communities().get(network.communities().size() - 1);
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 2);
		Actor setUp = Actor.system("test");
		for (long id : crew.technicians()) {
			technicians.setSkills(setUp, id, EnumSet.of(Skill.PIPE_FITTER));
		}
		technicians.addArea(setUp, crew.id(), c.substationId(), null);
		DutyTimes.Slot now = technicians.dutyTimes().slotAt(clock.instant());
		Map<Long, Set<DutyTimes.Slot>> shifts = new HashMap<>();
		shifts.put(crew.technicians()[0], Set.of(now));
		shifts.put(crew.technicians()[1], Set.of(now));
		technicians.setWeek(setUp, crew.id(), now.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), shifts);
		String leak = ticket("REPAIR_LEAK", c, "厨房暖气片接口漏水，地上有水");
		String cold = ticket("REPAIR_ROOM_TEMP", c, "室温只有 15 度，要求测温");

		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login("dispatcher", "heatdesk2026");
			// the dispatcher's home leads to the board: its first tile
			assertThat(b.find(By.cssSelector(".tiles a.tile")).getAttribute("href")).endsWith("/dispatch/board");
			b.go("/dispatch/board");
			assertThat(b.text(By.tagName("h1"))).isEqualTo("派工看板");
			b.waitFor(d -> "true".equals(d.findElement(By.id("board-live")).getAttribute("data-stream-open")));
			// the live board swaps its rows when anything changes: each read looks them up again
			assertThat(b.text(By.cssSelector("#board tr[data-ticket='" + leak + "']"))).contains("漏水", "管道维修", "派工", "剩");
			assertThat(b.text(By.cssSelector("#board tr[data-ticket='" + cold + "']"))).contains("室温不达标", "入户测温", "上门");
			assertThat(b.text(By.cssSelector("#board section[data-substation='" + c.substationId() + "']")))
				.contains(c.substationCode(), c.name(), leak, cold);

			// the live board may swap its rows at any moment: look the link up again until the click lands
			b.waitFor(d -> {
				d.findElement(By.cssSelector("#board tr[data-ticket='" + leak + "'] td.go a")).click();
				return true;
			});
			b.waitFor(d -> d.getCurrentUrl().contains("ticket=" + leak));
			assertThat(b.text(By.cssSelector("#panel .card-title"))).isEqualTo("派工 " + leak);
			WebElement first = b.find(By.cssSelector("#panel ol.suggestions li"));
			assertThat(first.getAttribute("data-eligible")).isEqualTo("true");
			assertThat(first.getText()).contains("班在班", "本站片区", "在办 0");
			String firstName = first.findElement(By.cssSelector("button .who")).getText();
			// the first suggestion has the focus: Enter dispatches to them
			String firstId = first.getAttribute("data-technician");
			b.waitFor(d -> firstId.equals(d.switchTo().activeElement().getAttribute("value")));
			b.screenshot("dispatch-board");

			// a ticket recorded while the board is open appears without a reload
			String later = ticket("REPAIR_AIR", c, "暖气片有气，需要放风");
			b.find(By.cssSelector("#board tr[data-ticket='" + later + "']"));

			WebElement page = b.driver().findElement(By.tagName("html"));
			b.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
			b.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
			assertThat(b.text(By.id("board-notice"))).isEqualTo("工单 " + leak + " 已派给 " + firstName + "。");
			assertThat(b.driver().findElements(By.cssSelector("#board tr[data-ticket='" + leak + "']"))).isEmpty();
			assertThat(b.find(By.cssSelector("#board tr[data-ticket='" + cold + "']")).isDisplayed()).isTrue();
			b.screenshot("dispatch-board-after");

			b.go("/dispatch/workload");
			assertThat(b.text(By.tagName("h1"))).isEqualTo("工作量");
			WebElement section = b.find(By.cssSelector("section[data-crew='" + crew.id() + "']"));
			assertThat(section.getText()).contains(crew.names()[0], crew.names()[1], leak, "已派");
			org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) b.driver();
			js.executeScript("arguments[0].scrollIntoView()", section);
			b.screenshot("dispatch-workload");
		}
	}

	private String ticket(String categoryCode, CommunityView c, String description) {
		long category = jdbc.sql("select id from ticket_category where code = ?").param(categoryCode).query(Long.class).single();
		String no = tickets.record(AGENT, new RecordTicket(TicketType.REPAIR, category, Priority.NORMAL, TicketScope.HOUSEHOLD,
				Channel.PHONE, null, "13905310001", c.name() + " 2-1-302", description, null, null, null)).ticketNo();
		// placed as a customer of that community would place it
		jdbc.sql("update ticket set substation_id = ?, community_id = ? where ticket_no = ?")
			.params(c.substationId(), c.id(), no)
			.update();
		return no;
	}
}
