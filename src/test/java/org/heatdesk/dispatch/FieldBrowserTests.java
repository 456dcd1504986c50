package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.network.Network;
import org.heatdesk.platform.Actor;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The technician's phone at 390×844: a job dispatched to a technician of the test's own crew is on
 * his list when he signs in; he works it through to the customer's signature and the ticket is
 * resolved with its on-site time; a step pressed without a connection is sent later with the time
 * it was pressed, once; another technician is told the job is not his.
 */
@HeatDeskTest
class FieldBrowserTests {

	record Setup(DispatchTestSupport.Crew crew, long customerId, String mobile, String address, JobView job,
			String earlier) {
	}


	@RegisterExtension
	static final Browsers browsers = new Browsers();

	/** A 1×1 PNG, as a camera's file would arrive through the file input. */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Autowired
	Jobs jobs;

	@Autowired
	Technicians technicians;

	@Autowired
	Tickets tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	Staff staff;

	@Autowired
	Network network;

	@Autowired
	JdbcClient jdbc;

	Setup dispatched() {
		return new FieldFixtures(jobs, technicians, tickets, queries, staff, network, jdbc).dispatched();
	}

	@Test
	void aTechnicianWorksHisJobFromTheListToTheCustomersSignature() throws Exception {
		Setup s = dispatched();
		String no = s.job().ticketNo();
		Path photo = Files.createTempFile("radiator", ".png");
		Files.write(photo, PNG);
		try (Browser b = browsers.open(port, Browser.PHONE)) {
			b.login(s.crew().usernames()[0], "heatdesk2026");
			// his home is his jobs
			b.waitFor(d -> d.getCurrentUrl().endsWith("/field"));
			WebElement card = b.find(By.cssSelector(".job-card[data-ticket='" + no + "']"));
			assertThat(card.getText()).contains(s.address(), "管道维修", "待接单", no);
			assertThat(b.driver().findElements(By.cssSelector(".job-card"))).hasSize(1);
			b.screenshot("field-mine");

			card.click();
			b.waitFor(d -> d.getCurrentUrl().endsWith("/field/jobs/" + s.job().id()));
			assertThat(b.text(By.cssSelector("h1.job-address"))).isEqualTo(s.address());
			// masked until he taps call: the first 3 and last 4 digits
			String masked = s.mobile().substring(0, 3) + "****" + s.mobile().substring(7);
			assertThat(b.text(By.id("phone"))).isEqualTo(masked);
			assertThat(b.text(By.id("substation"))).contains("CY-07");
			assertThat(b.text(By.id("history"))).contains(s.earlier(), "更换了放气阀");
			assertThat(b.text(By.id("description"))).contains("卧室暖气片不热，阀门处滴水", "带上放气阀");
			// only the next steps: accept or decline
			assertThat(visibleSteps(b)).containsExactly("ACCEPT", "DECLINE");
			b.screenshot("field-job");
			((JavascriptExecutor) b.driver()).executeScript("document.getElementById('substation').scrollIntoView()");
			b.screenshot("field-job-lower");
			((JavascriptExecutor) b.driver()).executeScript("window.scrollTo(0, 0)");

			// the call reveals the number (logged) and dials it: in the test the tel: link is kept, not followed
			// headless Chromium has no dialer (a tel: navigation wedges the driver): the tap on the tel: link is kept instead
			((JavascriptExecutor) b.driver()).executeScript("""
					var click = HTMLAnchorElement.prototype.click;
					HTMLAnchorElement.prototype.click = function () {
					  if (this.protocol === 'tel:') { window.dialled = this.href; } else { click.call(this); }
					};""");
			b.find(By.id("call")).click();
			String shown = s.mobile().substring(0, 3) + " " + s.mobile().substring(3, 7) + " " + s.mobile().substring(7);
			b.waitFor(d -> d.findElement(By.id("phone")).getText().equals(shown));
			assertThat(b.find(By.id("call-now")).getAttribute("href")).isEqualTo("tel:" + s.mobile());
			assertThat(((JavascriptExecutor) b.driver()).executeScript("return window.dialled")).isEqualTo("tel:" + s.mobile());
			assertThat(jdbc.sql("select count(*) from customer_access_log where customer_id = ? and purpose = 'REVEAL_PHONE' and actor = ?")
				.params(s.customerId(), s.crew().usernames()[0]).query(Long.class).single()).isEqualTo(1);

			b.go("/field/jobs/" + s.job().id());
			step(b, "step-accept", "ON_THE_WAY");
			step(b, "step-on-the-way", "ARRIVE");
			step(b, "step-arrive", "DONE");
			assertThat(visibleSteps(b)).containsExactly("DONE", "NOT_DONE");

			b.find(By.cssSelector("#finish > summary")).click();
			b.find(By.id("cause")).sendKeys("放气阀老化漏水");
			b.find(By.id("work-done")).sendKeys("更换放气阀，排气后暖气片热了");
			b.find(By.id("parts-used")).sendKeys("放气阀 1 个");
			b.find(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
			b.waitFor(d -> d.findElements(By.cssSelector("#photo-list img")).size() == 1);
			WebElement canvas = b.find(By.id("signature"));
			((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
			new Actions(b.driver()).moveToElement(canvas, -100, 0).clickAndHold().moveByOffset(40, -20).moveByOffset(40, 30)
				.moveByOffset(60, -25).release().perform();
			b.find(By.id("signed-by")).sendKeys("吕秀兰");
			b.screenshot("field-finish");
			b.find(By.id("step-done")).click();
			// everything sent, the page shows the job as the server has it
			b.waitFor(d -> !d.findElements(By.id("finished")).isEmpty());
			assertThat(b.text(By.id("finished"))).contains("放气阀老化漏水", "更换放气阀", "放气阀 1 个", "吕秀兰", "1 张");
			assertThat(b.text(By.id("job-status"))).isEqualTo("已完工");
			// the customer's signature as stored, drawn back from the API
			assertThat(((JavascriptExecutor) b.driver()).executeScript(
					"var i = document.getElementById('signature-image'); return i.complete && i.naturalWidth")).isEqualTo(680L);
			b.screenshot("field-job-done");
		}

		Map<String, Object> job = jdbc.sql("select status, arrived_at, signature is not null as signed, cause from dispatch_job where id = ?")
			.param(s.job().id()).query().singleRow();
		assertThat(job.get("status")).isEqualTo("DONE");
		assertThat(job.get("signed")).isEqualTo(true);
		assertThat(jdbc.sql("select count(*) from dispatch_job_photo where job_id = ?").param(s.job().id()).query(Long.class).single())
			.isEqualTo(1);
		Map<String, Object> ticket = jdbc.sql("select status, on_site_at, result from ticket where ticket_no = ?").param(no).query().singleRow();
		assertThat(ticket.get("status")).isEqualTo("RESOLVED");
		assertThat(ticket.get("on_site_at")).isEqualTo(job.get("arrived_at"));
		assertThat((String) ticket.get("result")).contains("放气阀老化漏水", "更换放气阀");

		// the dispatcher reads the on-site time and the result on the ticket page
		try (Browser b = browsers.open(port, Browser.PHONE)) {
			b.login("dispatcher", "heatdesk2026").go("/tickets/" + no);
			String page = b.text(By.tagName("main"));
			assertThat(page).contains("已办结", "放气阀老化漏水");
			String onSite = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.format(((Timestamp) ticket.get("on_site_at")).toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")));
			// the on-site mark, at the time the technician pressed 已到达现场, within the deadline
			assertThat(b.text(By.id("mark-on-site"))).contains("上门", onSite + " " + s.crew().names()[0], "按时上门");
			assertThat(b.text(By.id("timeline"))).contains("维修人员到场");
			b.screenshot("field-ticket-dispatcher");
		}
	}

	@Test
	void aStepPressedOfflineIsSentLaterWithTheTimeItWasPressedAndStoredOnce() throws Exception {
		Setup s = dispatched();
		try (Browser b = browsers.open(port, Browser.PHONE)) {
			b.login(s.crew().usernames()[0], "heatdesk2026").go("/field/jobs/" + s.job().id());
			step(b, "step-accept", "ON_THE_WAY");
			var driver = (org.openqa.selenium.chrome.ChromeDriver) b.driver();
			driver.executeCdpCommand("Network.enable", Map.of());
			driver.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
			b.find(By.id("step-on-the-way")).click();
			// kept on the phone, said so, and the next step offered at once
			b.waitFor(d -> d.findElement(By.id("outbox")).getText().startsWith("已记录，待发送 1 条"));
			assertThat(visibleSteps(b)).contains("ARRIVE");
			assertThat(b.text(By.id("pending-steps"))).contains("出发", "待发送");
			b.screenshot("field-offline");
			String stored = (String) driver.executeScript("return localStorage.getItem('heatdesk.field.outbox.v1')");
			com.fasterxml.jackson.databind.JsonNode entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stored).get(0);
			String stepId = entry.get("stepId").asText();
			Instant pressed = Instant.parse(entry.get("body").get("occurredAt").asText());
			// the time pressed, shown in the company's zone as the server's times are (the phone here runs in UTC)
			assertThat(b.text(By.id("pending-steps"))).isEqualTo("出发 " + java.time.format.DateTimeFormatter.ofPattern("HH:mm")
				.format(pressed.atZone(java.time.ZoneId.of("Asia/Shanghai"))) + " · 待发送");
			Thread.sleep(3000);
			assertThat(jdbc.sql("select count(*) from dispatch_job_step where step_id = ?").param(stepId).query(Long.class).single())
				.isZero();

			driver.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
			b.waitFor(Duration.ofSeconds(40), d -> jdbc.sql("select count(*) from dispatch_job_step where step_id = ?")
				.param(stepId).query(Long.class).single() == 1);
			Map<String, Object> row = jdbc.sql("select occurred_at, received_at from dispatch_job_step where step_id = ?")
				.param(stepId).query().singleRow();
			// the time it was pressed, not the time it arrived (three seconds and more later)
			assertThat(((Timestamp) row.get("occurred_at")).toInstant()).isEqualTo(pressed);
			assertThat(Duration.between(pressed, ((Timestamp) row.get("received_at")).toInstant())).isGreaterThan(Duration.ofSeconds(3));
			assertThat(jdbc.sql("select on_the_way_at from dispatch_job where id = ?").param(s.job().id()).query(Timestamp.class)
				.single().toInstant()).isEqualTo(pressed);
			b.waitFor(d -> d.findElement(By.id("outbox")).getText().equals("已全部发送") || !d.findElement(By.id("outbox")).isDisplayed());

			// the same step sent again (an answer lost on the way) is recorded once
			Object status = driver.executeAsyncScript("""
					var done = arguments[arguments.length - 1];
					var h = {'Content-Type': 'application/json', 'Accept': 'application/json'};
					h[document.querySelector('meta[name=_csrf_header]').content] = document.querySelector('meta[name=_csrf]').content;
					fetch('/api/v1/field/jobs/' + arguments[0] + '/steps', {method: 'POST', headers: h, body: arguments[1]})
					  .then(function (r) { done(r.status); }, function (e) { done(String(e)); });""", s.job().id(),
					entry.get("body").toString());
			assertThat(status).isEqualTo(200L);
			assertThat(jdbc.sql("select count(*) from dispatch_job_step where step_id = ?").param(stepId).query(Long.class).single())
				.isEqualTo(1);
		}
	}

	@Test
	void anotherTechnicianIsToldTheJobIsNotHisAndADispatcherIsRefusedAsEverywhere() {
		Setup s = dispatched();
		try (Browser b = browsers.open(port, Browser.PHONE)) {
			b.login(s.crew().usernames()[1], "heatdesk2026").go("/field/jobs/" + s.job().id());
			assertThat(b.text(By.tagName("h1"))).isEqualTo("这不是您的任务");
			assertThat(b.text(By.id("refused"))).contains("如有疑问请联系派工调度。");
			assertThat(b.driver().findElements(By.cssSelector(".alert-error"))).isEmpty();
			assertThat(b.driver().findElements(By.id("phone"))).isEmpty();
			b.screenshot("field-not-yours");
			b.find(By.linkText("← 我的任务")).click();
			b.waitFor(d -> d.getCurrentUrl().endsWith("/field"));
			assertThat(b.text(By.cssSelector(".empty"))).contains("现在没有派给您的任务");
		}
		try (Browser b = browsers.open(port, Browser.PHONE)) {
			b.login("dispatcher", "heatdesk2026").go("/field");
			assertThat(b.text(By.cssSelector(".alert-error"))).contains("无权访问");
		}
	}

	@Test
	void aTechnicianDeclinesOneJobAndCannotFinishAnotherSayingWhenHeComesBack() {
		Setup declined = dispatched();
		Setup unfinished = dispatched();
		try (Browser b = browsers.open(port, Browser.PHONE)) {
			b.login(declined.crew().usernames()[0], "heatdesk2026").go("/field/jobs/" + declined.job().id());
			b.find(By.cssSelector("[data-step=DECLINE] > summary")).click();
			b.find(By.id("decline-reason")).sendKeys("今天在另一个片区抢修，赶不过去");
			b.find(By.cssSelector("[data-send=DECLINE]")).click();
			b.waitFor(d -> d.findElement(By.id("job-status")).getText().equals("已拒单"));
		}
		Map<String, Object> d = jdbc.sql("select status, reason from dispatch_job where id = ?").param(declined.job().id())
			.query().singleRow();
		assertThat(d).containsEntry("status", "DECLINED").containsEntry("reason", "今天在另一个片区抢修，赶不过去");

		try (Browser b = browsers.open(port, Browser.PHONE)) {
			b.login(unfinished.crew().usernames()[0], "heatdesk2026").go("/field/jobs/" + unfinished.job().id());
			step(b, "step-accept", "ON_THE_WAY");
			step(b, "step-on-the-way", "ARRIVE");
			step(b, "step-arrive", "NOT_DONE");
			b.find(By.cssSelector("[data-step=NOT_DONE] > summary")).click();
			b.find(By.id("not-done-reason")).sendKeys("缺 DN20 阀门，要订货");
			JavascriptExecutor js = (JavascriptExecutor) b.driver();
			// tomorrow 09:30 on the phone's clock, as the picker would set it
			js.executeScript("var t = new Date(Date.now() + 86400000);"
					+ "var p = function (n) { return String(n).padStart(2, '0'); };"
					+ "document.getElementById('next-visit').value = t.getFullYear() + '-' + p(t.getMonth() + 1) + '-'"
					+ " + p(t.getDate()) + 'T09:30';");
			String expected = (String) js.executeScript("return new Date(document.getElementById('next-visit').value).toISOString()");
			b.find(By.cssSelector("[data-send=NOT_DONE]")).click();
			b.waitFor(dr -> dr.findElement(By.id("job-status")).getText().equals("未完成"));
			Map<String, Object> n = jdbc.sql("select status, reason, next_visit_at from dispatch_job where id = ?")
				.param(unfinished.job().id()).query().singleRow();
			assertThat(n).containsEntry("status", "NOT_DONE").containsEntry("reason", "缺 DN20 阀门，要订货");
			assertThat(((Timestamp) n.get("next_visit_at")).toInstant()).isEqualTo(Instant.parse(expected));
			// not resolved: responded and on site, the ticket waits for the next visit
			assertThat(jdbc.sql("select status from ticket where ticket_no = ?").param(unfinished.job().ticketNo())
				.query(String.class).single()).isEqualTo("RESPONDED");
			b.screenshot("field-not-done");
		}
	}

	/** The step sections shown now, in order. */
	static List<String> visibleSteps(Browser b) {
		return b.driver().findElements(By.cssSelector("#steps-panel [data-step]")).stream()
			.filter(WebElement::isDisplayed)
			.map(e -> e.getAttribute("data-step"))
			.toList();
	}

	/** Presses a step's button and waits for the page to offer {@code next}. */
	static void step(Browser b, String button, String next) {
		b.find(By.id(button)).click();
		b.waitFor(d -> visibleSteps(b).contains(next) && d.findElement(By.id("outbox")).getText().isEmpty()
				|| visibleSteps(b).contains(next) && !d.findElement(By.id("outbox")).isDisplayed());
	}
}
