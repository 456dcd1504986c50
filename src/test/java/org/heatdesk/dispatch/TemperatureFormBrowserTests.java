package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The technician fills the room-temperature form on his phone (390 × 844): three rooms, the result
 * and refund shown before sending, the method ticked, both signatures drawn with a finger; then the
 * dispatcher finds the result and refund on the ticket page, the customer's page and the season's
 * refund list.
 */
@HeatDeskTest
class TemperatureFormBrowserTests {

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
	Jobs jobs;

	@Autowired
	Technicians technicians;

	@Test
	void aTechnicianRecordsATestBelowStandardAndTheRefundIsShownWhereItIsNeeded() {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		String name = "测温" + Long.toString(System.nanoTime(), 36).substring(8);
		long customer = TemperatureTestSupport.customer(jdbc, name, "85.40");
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		TemperatureTestSupport.complainedDaysAgo(jdbc, ticket, 3);
		long job = TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ON_SITE");

		try (Browser phone = browsers.open(port, Browser.PHONE)) {
			phone.login(tech.username(), "heatdesk2026").go("/field/jobs/" + job + "/temperature");
			assertThat(phone.text(By.tagName("h1"))).contains("入户测温", ticket);
			assertThat(phone.text(By.id("live-mean"))).isEqualTo("填写温度后显示结果");
			phone.screenshot("field-temperature-empty");

			List<WebElement> rows = phone.driver().findElements(By.cssSelector(".room-row"));
			assertThat(rows).hasSize(1);
			rows.get(0).findElement(By.cssSelector(".room-name")).sendKeys("主卧");
			rows.get(0).findElement(By.cssSelector(".room-temp")).sendKeys("15.2");
			phone.find(By.id("add-room")).click();
			phone.find(By.cssSelector(".room-row:nth-child(2) .room-temp")).sendKeys("16.0");
			phone.find(By.id("add-room")).click();
			phone.find(By.cssSelector(".room-row:nth-child(3) .room-name")).sendKeys("次卧");
			phone.find(By.cssSelector(".room-row:nth-child(3) .room-temp")).sendKeys("15.7");
			assertThat(phone.find(By.cssSelector(".room-row:nth-child(2) .room-name")).getAttribute("placeholder")).isEqualTo("房间 2");
			assertThat(phone.find(By.cssSelector(".room-temp")).getAttribute("inputmode")).isEqualTo("decimal");
			// (15.2 + 16.0 + 15.7) ÷ 3 = 15.633… → 15.6 °C, below 18: Jinan's 14–18 band, 50 %;
			// 26.70 × 85.40 × 4 days ÷ 121 × 50 % = 37.6889… → 37.69 — shown before anything is sent
			assertThat(phone.text(By.id("live-mean"))).isEqualTo("户内温度 15.6 °C（3 个房间平均）");
			assertThat(phone.text(By.id("live-verdict"))).isEqualTo("不达标（标准 18.0 °C），退 50% 热费");
			assertThat(phone.text(By.id("live-refund"))).contains("¥ 37.69", "4 天");

			for (String tick : List.of("m-doors", "m-height", "m-centre", "m-reading")) {
				WebElement box = phone.find(By.id(tick));
				scroll(phone, box);
				box.findElement(By.xpath("..")).click();
				assertThat(box.isSelected()).isTrue();
			}
			phone.find(By.id("instrument")).sendKeys("JD-T-0042");
			// the thumb targets: every button and tick row at least 44 px high
			for (WebElement target : phone.driver().findElements(By.cssSelector(".field-test button, .method .tick"))) {
				assertThat(target.getSize().getHeight()).as(target.getText()).isGreaterThanOrEqualTo(44);
			}
			sign(phone, "pad-technician");
			sign(phone, "pad-customer");
			assertThat(phone.find(By.id("sign-customer")).getAttribute("class")).contains("signed");
			scroll(phone, phone.find(By.id("live-result")));
			phone.screenshot("field-temperature-filled");
			scroll(phone, phone.find(By.id("sign-technician")));
			phone.screenshot("field-temperature-signed");

			scroll(phone, phone.find(By.id("submit-test")));
			phone.submit(By.id("submit-test"));
			assertThat(phone.text(By.cssSelector(".alert-ok"))).isEqualTo("测温记录已保存。");
			String recorded = phone.text(By.id("recorded"));
			assertThat(recorded).contains("15.6 °C", "不达标", "18.0 °C", "主卧 15.2 °C", "16.0 °C", "次卧 15.7 °C",
					"JD-T-0042");
			assertThat(phone.text(By.id("recorded-refund"))).isEqualTo("¥ 37.69（退 50%，不达标 4 天）");
			// the signatures drawn are stored and shown
			for (WebElement img : phone.driver().findElements(By.cssSelector(".signatures-shown img"))) {
				phone.waitFor(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", img)).intValue() > 0);
			}
			phone.screenshot("field-temperature-recorded");
		}

		try (Browser desk = browsers.open(port, Browser.DESK)) {
			desk.login("dispatcher", "heatdesk2026").go("/tickets/" + ticket);
			WebElement panel = desk.find(By.cssSelector("[id^='temperature-test-']"));
			assertThat(panel.getText()).contains("入户测温结果", "15.6 °C", "18.0 °C", "不达标", "¥ 37.69（退 50%，不达标 4 天）",
					"济南", "起施行的退费标准");
			scroll(desk, panel);
			desk.screenshot("ticket-temperature-test");

			desk.go("/customers/" + customer);
			WebElement tests = desk.find(By.id("temperature-tests"));
			assertThat(tests.getText()).contains(ticket, "15.6 °C", "不达标", "¥ 37.69");
			scroll(desk, tests);
			desk.screenshot("customer-temperature-tests");

			desk.go("/dispatch/refunds");
			assertThat(desk.text(By.tagName("h1"))).matches("\\d{4}–\\d{4} 采暖季测温退费");
			WebElement row = desk.find(By.xpath("//table[@id='refunds']//tr[td/a[text()='" + ticket + "']]"));
			assertThat(row.getText()).contains(name, "15.6 °C", "50 %", "4", "¥ 37.69");
			desk.screenshot("dispatch-refunds");
		}
	}

	@Test
	void reworkIsABadgeOnBothTickets() {
		long customer = TemperatureTestSupport.customer(jdbc, "返修页", "70.00");
		String first = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		org.heatdesk.platform.Actor agent = TemperatureTestSupport.AGENT;
		tickets.dispatch(agent, first, null, null, null, null);
		tickets.respond(agent, first, null, "已告知");
		tickets.resolve(agent, first, null, "调节入户阀门后室温 19 度");
		String second = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		try (Browser desk = browsers.open(port, Browser.DESK)) {
			desk.login("dispatcher", "heatdesk2026").go("/tickets/" + second);
			assertThat(desk.text(By.id("rework-badge"))).isEqualTo("返修");
			assertThat(desk.text(By.id("rework"))).contains("本单是返修", first);
			desk.screenshot("ticket-rework");
			desk.find(By.linkText(first)).click();
			desk.waitFor(d -> d.getCurrentUrl().endsWith("/tickets/" + first));
			assertThat(desk.text(By.id("rework-badge"))).isEqualTo("返修");
			assertThat(desk.text(By.id("rework"))).contains("办结后 7 天内同类再次报修", second);
		}
	}

	static void scroll(Browser b, WebElement e) {
		((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block:'center'})", e);
	}

	/** A signature drawn with a finger: a touch pointer pressed, moved through a zigzag and lifted. */
	static void sign(Browser b, String padId) {
		WebElement pad = b.find(By.id(padId));
		scroll(b, pad);
		PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
		Sequence stroke = new Sequence(finger, 0);
		int w = pad.getSize().getWidth();
		stroke.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(pad), -w / 3, 10));
		stroke.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
		int[][] path = { { -w / 5, -30 }, { -w / 12, 25 }, { 0, -20 }, { w / 10, 30 }, { w / 4, -10 } };
		for (int[] p : path) {
			stroke.addAction(new Pause(finger, Duration.ofMillis(30)));
			stroke.addAction(finger.createPointerMove(Duration.ofMillis(60), PointerInput.Origin.fromElement(pad), p[0], p[1]));
		}
		stroke.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
		((RemoteWebDriver) b.driver()).perform(List.of(stroke));
	}
}
