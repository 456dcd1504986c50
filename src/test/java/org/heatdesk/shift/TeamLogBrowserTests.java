package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Company;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A team lead's day in the records, through the pages: the morning's equipment check finds a faulty
 * headset (a fault for the lead) and a silent recording (a fault for the administrators); the
 * briefing with one agent absent; a directive given to an agent with a deadline; a service incident
 * recorded and so reported. The agent accepts and feeds back the directive and raises a doubt; the
 * manager concludes the incident and answers the doubt. Every page is looked at with its rows.
 */
@HeatDeskTest
class TeamLogBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	Company company;

	@Test
	void aLeadKeepsTheRecordsTheAgentAnswersAndTheManagerConcludes() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		StaffView manager = TeamLogFixtures.manager(staff);
		String mark = UUID.randomUUID().toString().substring(0, 6);
		ZoneId zone = company.zone();
		DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

		try (Browser b = browsers.open(port, Browser.DESK)) {
			TicketFixtures.login(b, t.lead().username());

			// the equipment check: headset and recording faulty
			b.go("/shift/log");
			noError(b);
			b.find(By.cssSelector("input[name=state-HEADSET][value=FAULT]")).click();
			b.find(By.name("note-HEADSET")).sendKeys("2号席耳麦无声 " + mark);
			b.find(By.cssSelector("input[name=state-RECORDING][value=FAULT]")).click();
			b.find(By.name("note-RECORDING")).sendKeys("录音系统无今日录音 " + mark);
			b.submit(By.cssSelector("#equipment-check button[type=submit]"));
			assertThat(b.text(By.cssSelector(".alert-ok"))).contains("登记故障 2 项");
			b.find(By.cssSelector("#log-event textarea")).sendKeys("早高峰来电集中在东区 " + mark);
			b.submit(By.cssSelector("#log-event button[type=submit]"));
			assertThat(b.text(By.id("log"))).contains("早高峰来电集中在东区 " + mark).contains("耳麦").contains("故障");
			assertThat(b.text(By.id("team-faults"))).contains("2号席耳麦无声 " + mark).contains("录音系统无今日录音 " + mark);
			b.screenshot("shift-log");

			b.go("/shift/faults");
			noError(b);
			WebElement headset = b.waitFor(d -> d.findElements(By.cssSelector("#faults tbody tr")).stream()
				.filter(r -> r.getText().contains("2号席耳麦无声 " + mark)).findFirst().orElse(null));
			assertThat(headset.getText()).contains("班长").contains("待处理");
			WebElement recording = b.driver().findElements(By.cssSelector("#faults tbody tr")).stream()
				.filter(r -> r.getText().contains("录音系统无今日录音 " + mark)).findFirst().orElseThrow();
			assertThat(recording.getText()).contains("系统管理员");
			// the recording is the administrators': the lead has no button for it
			assertThat(recording.findElements(By.tagName("button"))).isEmpty();
			b.screenshot("shift-faults");
			String headsetId = headset.getAttribute("id");
			b.find(By.cssSelector("#" + headsetId + " textarea[name=result]")).sendKeys("换上备用耳麦");
			b.submit(By.cssSelector("#" + headsetId + " .answer-form button"));
			assertThat(b.text(By.id(headsetId))).contains("已处理").contains("换上备用耳麦");

			// the briefing: the second agent absent on leave
			b.go("/shift/briefings");
			noError(b);
			b.find(By.cssSelector("input[name=present][value='" + t.agent2().id() + "']")).click();
			b.find(By.name("note-" + t.agent2().id())).sendKeys("病假");
			b.find(By.id("b-topics")).sendKeys("三声服务讲评 " + mark);
			b.submit(By.cssSelector("#hold-briefing button[type=submit]"));
			assertThat(b.text(By.cssSelector(".alert-ok"))).contains("班前会");
			assertThat(b.text(By.id("briefings"))).contains("三声服务讲评 " + mark).contains(t.agent2().displayName() + " (缺席：病假)");
			// the week: one briefing, 2 of 3 present (67 %)
			assertThat(b.text(By.id("summary-" + t.team().id()))).contains("2/3（67%）");
			b.screenshot("shift-briefings");

			// a directive to the agent, due in three hours
			b.go("/shift/directives");
			noError(b);
			b.find(By.id("d-title")).sendKeys("核对停暖小区名单 " + mark);
			b.find(By.id("d-from")).sendKeys("客服中心主任");
			new Select(b.find(By.id("d-owner"))).selectByValue(String.valueOf(t.agent().id()));
			setValue(b, "d-due", LocalDateTime.now(zone).plusHours(3).format(local));
			b.submit(By.cssSelector("#give-directive button[type=submit]"));
			assertThat(b.text(By.cssSelector(".alert-ok"))).contains("核对停暖小区名单 " + mark);
			assertThat(b.text(By.id("directives"))).contains("核对停暖小区名单 " + mark).contains("待接收");
			b.screenshot("shift-directives-lead");

			// a service incident, 15 minutes ago
			b.go("/shift/incidents");
			noError(b);
			setValue(b, "i-at", LocalDateTime.now(zone).minusMinutes(15).format(local));
			b.find(By.id("i-summary")).sendKeys("接线员与用户争执 " + mark);
			b.find(By.id("i-involved")).sendKeys(t.agent().displayName());
			b.submit(By.cssSelector("#record-incident button[type=submit]"));
			assertThat(b.text(By.cssSelector(".alert-ok"))).contains("上报管理人员");
			WebElement incident = b.driver().findElements(By.cssSelector("#incidents tbody tr")).stream()
				.filter(r -> r.getText().contains("接线员与用户争执 " + mark)).findFirst().orElseThrow();
			assertThat(incident.getText()).contains("服务事故").contains("按时").contains("已上报");
			String incidentId = incident.getAttribute("id");
			b.screenshot("shift-incidents-lead");
			b.logout();

			// the agent accepts, feeds back, raises a doubt
			TicketFixtures.login(b, t.agent().username());
			b.go("/shift/directives");
			noError(b);
			WebElement mine = b.find(By.cssSelector("#directives tbody tr"));
			String directiveId = mine.getAttribute("id");
			b.submit(By.cssSelector("#" + directiveId + " button.accept"));
			assertThat(b.text(By.id(directiveId))).contains("办理中");
			b.find(By.cssSelector("#" + directiveId + " textarea[name=feedback]")).sendKeys("已核对 12 个小区");
			b.submit(By.cssSelector("#" + directiveId + " .answer-form button"));
			assertThat(b.text(By.id(directiveId))).contains("已办结").contains("已核对 12 个小区");
			b.screenshot("shift-directives-agent");
			b.go("/shift/suggestions");
			noError(b);
			b.find(By.cssSelector("input[name=kind][value=DOUBT]")).click();
			b.find(By.id("s-subject")).sendKeys("对扣分的疑问 " + mark);
			b.find(By.id("s-text")).sendKeys("录音里我说了送声");
			b.submit(By.cssSelector("#submit-suggestion button[type=submit]"));
			assertThat(b.text(By.id("staff-suggestions"))).contains("对扣分的疑问 " + mark).contains("等待管理人员答复");
			b.screenshot("shift-suggestions-agent");
			b.logout();

			// the manager concludes the incident and answers the doubt
			TicketFixtures.login(b, manager.username());
			b.go("/shift/incidents");
			noError(b);
			b.find(By.cssSelector("#" + incidentId + " form[action$='/conclusion'] textarea")).sendKeys("属服务事故，复训");
			b.submit(By.cssSelector("#" + incidentId + " form[action$='/conclusion'] button"));
			assertThat(b.text(By.id(incidentId))).contains("已结论").contains("属服务事故，复训");
			b.screenshot("shift-incidents-manager");
			b.go("/shift/suggestions");
			noError(b);
			WebElement doubt = b.driver().findElements(By.cssSelector("#staff-suggestions tbody tr")).stream()
				.filter(r -> r.getText().contains("对扣分的疑问 " + mark)).findFirst().orElseThrow();
			String doubtId = doubt.getAttribute("id");
			assertThat(doubt.getText()).contains(t.agent().displayName()).contains("疑问");
			b.find(By.cssSelector("#" + doubtId + " textarea[name=answer]")).sendKeys("已复核录音，撤销扣分");
			b.submit(By.cssSelector("#" + doubtId + " .answer-form button"));
			assertThat(b.text(By.id(doubtId))).contains("已复核录音，撤销扣分");
			b.screenshot("shift-suggestions-manager");
			b.go("/shift/briefings");
			noError(b);
			assertThat(b.driver().findElements(By.cssSelector("#briefings tbody tr"))).isNotEmpty();
			b.go("/shift/log?teamId=" + t.team().id() + "&lang=en");
			noError(b);
			assertThat(b.text(By.id("log"))).contains("Headset").contains("Faulty");
			b.screenshot("shift-log-en");
		}
	}

	private static void noError(Browser b) {
		assertThat(b.driver().getTitle()).doesNotContain("出错").doesNotContain("Error");
	}

	private static void setValue(Browser b, String id, String value) {
		((JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[1];", b.find(By.id(id)), value);
	}
}
