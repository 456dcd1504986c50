package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.network.Network;
import org.heatdesk.platform.Actor;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dispatcher looks over a crew, opens a technician, records a welding permit that ends in ten
 * days with its scan, and finds it flagged; sets the week's roster with the keyboard; a manager
 * works out a refund and publishes a new version of a city's rule.
 */
@HeatDeskTest
class DispatchPagesBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	Technicians technicians;

	@Autowired
	Staff staff;

	@Autowired
	Network network;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aDispatcherRecordsAPermitAndSeesItFlagged() throws Exception {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 2);
		Actor setUp = Actor.system("test");
		long sun = crew.technicians()[0];
		long zheng = crew.technicians()[1];
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
		technicians.setSkills(setUp, sun, EnumSet.of(Skill.PIPE_FITTER, Skill.WELDER));
		technicians.setSkills(setUp, zheng, EnumSet.of(Skill.ELECTRICIAN));
		technicians.addCertificate(setUp, zheng, new Technicians.NewCertificate(CertificateKind.ELECTRICAL, "E-370104",
				"济南市应急管理局", today.minusYears(3), today.plusYears(3)), null);
		// both on every shift of this week, so whoever the clock finds is on duty
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Set<DutyTimes.Slot> all = new HashSet<>();
		for (int d = 0; d < 7; d++) {
			all.add(new DutyTimes.Slot(monday.plusDays(d), Shift.DAY));
			all.add(new DutyTimes.Slot(monday.plusDays(d), Shift.NIGHT));
		}
		technicians.setWeek(setUp, crew.id(), monday.minusWeeks(1),
				Map.of(sun, Set.of(new DutyTimes.Slot(monday.minusDays(1), Shift.NIGHT))));
		technicians.setWeek(setUp, crew.id(), monday, Map.of(sun, all));
		technicians.addArea(setUp, crew.id(), network.substationByCode("CY-07").orElseThrow().id(), null);

		Path scan = Files.createTempFile("permit", ".png");
		Files.write(scan, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 });
		String number = "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("dispatcher", "heatdesk2026").go("/dispatch/crews#crew-" + crew.id());
			WebElement section = browser.find(By.id("crew-" + crew.id()));
			assertThat(section.getText()).contains(crew.name(), "换热站 CY-07");
			WebElement sunRow = section.findElement(By.cssSelector("tr[data-technician='" + crew.usernames()[0] + "']"));
			assertThat(sunRow.getText()).contains(crew.names()[0], "管道工", "焊工", "无证书");
			assertThat(sunRow.findElement(By.cssSelector("td.duty .badge")).getAttribute("class")).contains("ok");
			WebElement zhengRow = section.findElement(By.cssSelector("tr[data-technician='" + crew.usernames()[1] + "']"));
			assertThat(zhengRow.getText()).contains("电工", "电工证 至 " + today.plusYears(3), "休息");
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", section);
			browser.screenshot("dispatch-crews");

			sunRow.findElement(By.linkText(crew.names()[0])).click();
			browser.waitFor(d -> d.getCurrentUrl().endsWith("/dispatch/technicians/" + sun));
			assertThat(browser.text(By.id("certificates"))).contains("无证书");
			WebElement welding = browser.find(By.cssSelector(".job-checks li[data-job='WELDING']"));
			assertThat(welding.getAttribute("data-eligible")).isEqualTo("false");
			assertThat(welding.getText()).contains("不能承接焊接作业：没有有效的特种作业操作证（焊接与热切割作业）。");
			browser.find(By.cssSelector(".cert-form summary")).click();
			new org.openqa.selenium.support.ui.Select(browser.find(By.id("kind"))).selectByValue("WELDING");
			browser.find(By.id("number")).sendKeys(number);
			browser.find(By.id("issuer")).sendKeys("济南市应急管理局");
			setDate(browser, "validFrom", today.minusYears(6).plusDays(10));
			setDate(browser, "validUntil", today.plusDays(10));
			browser.find(By.id("scan")).sendKeys(scan.toAbsolutePath().toString());
			browser.screenshot("dispatch-technician-form");
			browser.submit(By.id("add-certificate"));

			WebElement row = browser.find(By.cssSelector("#certificates tr[data-number='" + number + "']"));
			assertThat(row.getAttribute("data-state")).isEqualTo("EXPIRING");
			assertThat(row.getText()).contains("特种作业操作证（焊接与热切割作业）", "10 天后到期", "查看图片");
			assertThat(row.findElement(By.cssSelector(".badge")).getAttribute("class")).contains("warn");
			assertThat(browser.text(By.cssSelector(".alert-ok"))).isEqualTo("证书已登记。");
			assertThat(browser.text(By.id("roster"))).contains("白班", "夜班");
			assertThat(browser.find(By.cssSelector(".job-checks li[data-job='WELDING']")).getAttribute("data-eligible"))
				.isEqualTo("true");
			browser.screenshot("dispatch-technician");

			browser.go("/dispatch/crews");
			WebElement flagged = browser.find(By.cssSelector("#flagged tr[data-state='EXPIRING']"));
			assertThat(browser.text(By.id("flagged"))).contains(crew.names()[0], number, "10 天后到期");
			assertThat(flagged).isNotNull();
			assertThat(browser.find(By.cssSelector("#crew-" + crew.id() + " tr[data-technician='" + crew.usernames()[0]
					+ "'] .badge.cert")).getAttribute("class")).contains("warn");
			browser.screenshot("dispatch-crews-flagged");

			// a renamed program is refused in words, and nothing is added
			Path exe = Files.createTempFile("permit", ".pdf");
			Files.write(exe, "MZ this is not a scan".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			browser.go("/dispatch/technicians/" + zheng);
			browser.find(By.cssSelector(".cert-form summary")).click();
			new org.openqa.selenium.support.ui.Select(browser.find(By.id("kind"))).selectByValue("WORK_AT_HEIGHT");
			browser.find(By.id("number")).sendKeys("H-1");
			browser.find(By.id("issuer")).sendKeys("济南市应急管理局");
			setDate(browser, "validFrom", today);
			setDate(browser, "validUntil", today.plusYears(1));
			browser.find(By.id("scan")).sendKeys(exe.toAbsolutePath().toString());
			browser.submit(By.id("add-certificate"));
			assertThat(browser.text(By.id("form-error"))).contains("JPEG、PNG、WebP 图片或 PDF");
			assertThat(browser.driver().findElements(By.cssSelector("#certificates tr[data-number]"))).hasSize(1);
			assertThat(browser.find(By.id("number")).getAttribute("value")).isEqualTo("H-1");
		}
	}

	@Test
	void aTeamLeadSetsTheWeekWithTheKeyboard() {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 2);
		LocalDate monday = LocalDate.ofInstant(clock.instant(), ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("lead", "heatdesk2026").go("/dispatch/crews/" + crew.id() + "/roster?week=" + monday);
			assertThat(browser.text(By.tagName("h1"))).contains(crew.name());
			String first = crew.technicians()[0] + ":" + monday.plusDays(2) + ":NIGHT";
			String second = crew.technicians()[1] + ":" + monday.plusDays(2) + ":DAY";
			browser.find(By.cssSelector("input[value='" + first + "']")).sendKeys(Keys.SPACE);
			browser.find(By.cssSelector("input[value='" + second + "']")).sendKeys(Keys.SPACE);
			browser.screenshot("dispatch-roster");
			browser.submit(By.id("save-roster"));
			assertThat(browser.text(By.cssSelector(".alert-ok"))).isEqualTo("本周排班已保存。");
			assertThat(browser.find(By.cssSelector("input[value='" + first + "']")).isSelected()).isTrue();
			assertThat(browser.find(By.cssSelector("input[value='" + second + "']")).isSelected()).isTrue();

			// the week after repeats it with one action
			browser.go("/dispatch/crews/" + crew.id() + "/roster?week=" + monday.plusWeeks(1));
			browser.submit(By.id("copy-week"));
			assertThat(browser.text(By.cssSelector(".alert-ok"))).isEqualTo("已沿用上周排班。");
			assertThat(browser.find(By.cssSelector("input[value='" + crew.technicians()[0] + ":" + monday.plusDays(9)
					+ ":NIGHT']")).isSelected()).isTrue();
			assertThat(browser.driver().findElements(By.cssSelector("input[name=shift]:checked"))).hasSize(2);
		}
		// Wednesday 22:00 of that week the first is on the night shift, the second not
		Map<Long, Shift> duty = technicians.onDutyAt(monday.plusDays(2).atTime(22, 0).atZone(ZONE).toInstant());
		assertThat(duty.get(crew.technicians()[0])).isEqualTo(Shift.NIGHT);
		assertThat(duty).doesNotContainKey(crew.technicians()[1]);
	}

	@Test
	void aManagerWorksOutARefundAndPublishesANewVersion() {
		String city = "B" + Long.toString(System.nanoTime(), 36).toUpperCase();
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("manager", "heatdesk2026").go("/dispatch/refund-rules");
			assertThat(browser.text(By.id("city-JINAN"))).contains("济南", "50 %", "100 %", "26.70 元/㎡", "演示数值");
			assertThat(browser.text(By.id("city-ZIBO"))).contains("淄博", "20 %");
			new org.openqa.selenium.support.ui.Select(browser.find(By.id("q-city"))).selectByValue("JINAN");
			browser.find(By.id("q-rooms")).sendKeys("15.0, 15.4, 15.2");
			browser.find(By.id("q-area")).sendKeys("85.40");
			browser.find(By.id("q-days")).sendKeys("10");
			browser.submit(By.cssSelector("#calculator button[type=submit]"));
			assertThat(browser.text(By.id("quote-result"))).contains("户内温度 15.2 °C（3 个房间的平均值）", "退费比例 50%",
					"应退 ¥ 94.22");
			browser.screenshot("dispatch-refund-rules");

			WebElement code = browser.find(By.id("city"));
			code.clear();
			code.sendKeys(city);
			WebElement name = browser.find(By.id("cityName"));
			name.clear();
			name.sendKeys("测试市");
			browser.submit(By.id("publish-rule"));
			assertThat(browser.text(By.cssSelector(".alert-ok"))).isEqualTo("新版本已发布。");
			assertThat(browser.text(By.id("city-" + city))).contains("测试市", "新版本将于", "14.0–18.0 °C 退 50%")
				// the publisher by the name people know (the demo manager 周经理), not the login name
				.contains("周经理 发布").doesNotContain("manager 发布");

			// a gap between the bands is refused in words, with what was typed still there
			browser.find(By.id("city")).clear();
			browser.find(By.id("city")).sendKeys(city);
			java.util.List<WebElement> from = browser.driver().findElements(By.name("bandFrom"));
			from.get(0).clear();
			from.get(0).sendKeys("15");
			browser.submit(By.id("publish-rule"));
			assertThat(browser.text(By.id("rule-error"))).contains("空隙或重叠");
			assertThat(browser.driver().findElements(By.name("bandFrom")).get(0).getAttribute("value")).isEqualTo("15");
			browser.screenshot("dispatch-refund-rules-refused");
		}
	}

	private static void setDate(Browser browser, String id, LocalDate value) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.find(By.id(id)),
				value.toString());
	}
}
