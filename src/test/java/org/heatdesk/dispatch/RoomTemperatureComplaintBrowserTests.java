package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first cold morning's commonest call, end to end: a 室温不达标 complaint is dispatched from the
 * board, the technician accepts it on his phone, arrives, records a test below the standard and
 * finishes with the customer's signature; the ticket page shows the on-site time, the result and
 * the refund.
 */
@HeatDeskTest
class RoomTemperatureComplaintBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tickets tickets;

	@Autowired
	Technicians technicians;

	@Autowired
	Clock clock;

	@Test
	void aComplaintIsDispatchedTestedOnSiteAndRefunded() {
		// a crew of one on duty now, serving the substation of the customer's community
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 1);
		long techId = crew.technicians()[0];
		Actor setUp = Actor.system("test");
		long customer = TemperatureTestSupport.customer(jdbc, "冷家" + Long.toString(System.nanoTime(), 36).substring(8), "85.40");
		Map<String, Object> place = jdbc.sql("""
				select k.id, k.substation_id from customer c join network_community k on k.id = c.community_id where c.id = ?""")
			.param(customer).query().singleRow();
		long substation = ((Number) place.get("substation_id")).longValue();
		technicians.addArea(setUp, crew.id(), substation, null);
		DutyTimes.Slot now = technicians.dutyTimes().slotAt(clock.instant());
		technicians.setWeek(setUp, crew.id(), now.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
				Map.of(techId, Set.of(now)));
		String no = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		jdbc.sql("update ticket set substation_id = ?, community_id = ? where ticket_no = ?")
			.params(substation, place.get("id"), no).update();
		// complained three days ago: four days below the standard by the test today
		TemperatureTestSupport.complainedDaysAgo(jdbc, no, 3);

		// the dispatcher sends it from the board, as a room-temperature test, to the technician
		try (Browser desk = browsers.open(port, Browser.DESK)) {
			desk.login("dispatcher", "heatdesk2026").go("/dispatch/board?ticket=" + no);
			assertThat(desk.text(By.cssSelector("#panel .card-title"))).isEqualTo("派工 " + no);
			assertThat(new Select(desk.find(By.cssSelector("#panel select#kind"))).getFirstSelectedOption()
				.getAttribute("value")).isEqualTo("TEMPERATURE_TEST");
			WebElement mine = desk.find(By.cssSelector("#panel ol.suggestions li[data-technician='" + techId + "']"));
			assertThat(mine.getAttribute("data-eligible")).isEqualTo("true");
			desk.submit(By.cssSelector("#panel ol.suggestions li[data-technician='" + techId + "'] button"));
			assertThat(desk.text(By.id("board-notice"))).isEqualTo("工单 " + no + " 已派给 " + crew.names()[0] + "。");
		}
		long job = jdbc.sql("select id from dispatch_job where ticket_no = ? and status = 'DISPATCHED'").param(no)
			.query(Long.class).single();

		try (Browser phone = browsers.open(port, Browser.PHONE)) {
			phone.login(crew.usernames()[0], "heatdesk2026");
			phone.waitFor(d -> d.getCurrentUrl().endsWith("/field"));
			WebElement card = phone.find(By.cssSelector(".job-card[data-ticket='" + no + "']"));
			assertThat(card.getText()).contains("入户测温", "待接单");
			card.click();
			phone.waitFor(d -> d.getCurrentUrl().endsWith("/field/jobs/" + job));
			FieldBrowserTests.step(phone, "step-accept", "ON_THE_WAY");
			FieldBrowserTests.step(phone, "step-on-the-way", "ARRIVE");
			FieldBrowserTests.step(phone, "step-arrive", "DONE");

			// on site, the job page leads to the test's form
			phone.go("/field/jobs/" + job);
			assertThat(phone.text(By.id("temperature"))).contains("入户测温", "先填写测温记录");
			phone.find(By.id("temperature-form")).click();
			phone.waitFor(d -> d.getCurrentUrl().endsWith("/field/jobs/" + job + "/temperature"));
			List<WebElement> rows = phone.driver().findElements(By.cssSelector(".room-row"));
			rows.get(0).findElement(By.cssSelector(".room-name")).sendKeys("主卧");
			rows.get(0).findElement(By.cssSelector(".room-temp")).sendKeys("15.2");
			phone.find(By.id("add-room")).click();
			phone.find(By.cssSelector(".room-row:nth-child(2) .room-temp")).sendKeys("16.0");
			phone.find(By.id("add-room")).click();
			phone.find(By.cssSelector(".room-row:nth-child(3) .room-temp")).sendKeys("15.7");
			for (String tick : List.of("m-doors", "m-height", "m-centre", "m-reading")) {
				WebElement box = phone.find(By.id(tick));
				TemperatureFormBrowserTests.scroll(phone, box);
				box.findElement(By.xpath("..")).click();
			}
			phone.find(By.id("instrument")).sendKeys("JD-T-0042");
			TemperatureFormBrowserTests.sign(phone, "pad-technician");
			TemperatureFormBrowserTests.sign(phone, "pad-customer");
			TemperatureFormBrowserTests.scroll(phone, phone.find(By.id("submit-test")));
			phone.submit(By.id("submit-test"));
			// (15.2 + 16.0 + 15.7) ÷ 3 = 15.63 → 15.6 °C: Jinan's 14–18 °C band refunds 50 %;
			// 26.70 yuan/m² × 85.40 m² × 4 days ÷ 121 days × 50 % = 37.689 → 37.69
			assertThat(phone.text(By.id("recorded-refund"))).isEqualTo("¥ 37.69（退 50%，不达标 4 天）");

			// back on the job: the test's result, then done with the customer's signature
			phone.go("/field/jobs/" + job);
			assertThat(phone.text(By.id("temperature-result"))).isEqualTo("户内 15.6 °C，不达标（标准 18.0 °C），退费 ¥37.69");
			phone.screenshot("field-job-temperature");
			phone.find(By.cssSelector("#finish > summary")).click();
			phone.find(By.id("cause")).sendKeys("户内阀门开度不足");
			phone.find(By.id("work-done")).sendKeys("测温 15.6 °C 不达标，调大户内阀门，已告知退费");
			WebElement canvas = phone.find(By.id("signature"));
			((JavascriptExecutor) phone.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
			new Actions(phone.driver()).moveToElement(canvas, -100, 0).clickAndHold().moveByOffset(40, -20)
				.moveByOffset(40, 30).moveByOffset(60, -25).release().perform();
			phone.find(By.id("signed-by")).sendKeys("冷女士");
			phone.find(By.id("step-done")).click();
			phone.waitFor(d -> !d.findElements(By.id("finished")).isEmpty());
			assertThat(phone.text(By.id("job-status"))).isEqualTo("已完工");
		}

		Map<String, Object> ticket = jdbc.sql("""
				select t.status, t.on_site_at, t.result, j.arrived_at from ticket t join dispatch_job j on j.ticket_no = t.ticket_no
				where j.id = ?""").param(job).query().singleRow();
		assertThat(ticket.get("status")).isEqualTo("RESOLVED");
		assertThat(ticket.get("on_site_at")).isNotNull().isEqualTo(ticket.get("arrived_at"));
		assertThat((String) ticket.get("result")).contains("户内阀门开度不足");

		try (Browser desk = browsers.open(port, Browser.DESK)) {
			desk.login("dispatcher", "heatdesk2026").go("/tickets/" + no);
			assertThat(desk.text(By.tagName("main"))).contains("已办结", "户内阀门开度不足");
			String onSite = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.format(((Timestamp) ticket.get("on_site_at")).toInstant().atZone(ZoneId.of("Asia/Shanghai")));
			assertThat(desk.text(By.id("mark-on-site"))).contains("上门", onSite + " " + crew.names()[0], "按时上门");
			WebElement panel = desk.find(By.cssSelector("[id^='temperature-test-']"));
			assertThat(panel.getText()).contains("15.6 °C", "不达标", "¥ 37.69（退 50%，不达标 4 天）");
			TemperatureFormBrowserTests.scroll(desk, panel);
			desk.screenshot("ticket-room-temperature-refund");
		}
	}
}
