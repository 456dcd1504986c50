package org.heatdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageKind;
import org.heatdesk.platform.Actor;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The story on a customer's phone (390×844): the customer finds their community on the
 * outage page, submits a repair with a photo after confirming the phone with the code the outbox
 * holds, gets the number, follows the ticket while the desk dispatches it to a technician, answers
 * back and resolves it, and rates it; the desk sees the photo and the rating on the ticket.
 */
@HeatDeskTest
class PortalRequestBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	/** A 1×1 PNG, as a phone's camera file would arrive through the file input. */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tickets tickets;

	@Autowired
	Network network;

	@BeforeEach
	void setUp() {
		PortalClient.forgetLoopback(jdbc);
	}

	@AfterEach
	void tearDown() {
		PortalClient.forgetLoopback(jdbc);
	}

	@Test
	void aCustomerFindsTheOutageReportsARepairWithAPhotoFollowsItAndRatesIt() throws Exception {
		CommunityView community = network.communities().get(network.communities().size() - 1);
		network.publishOutage(new Network.NewOutage(OutageKind.FAULT, "管道抢修", "二次管网漏水抢修", Instant.now()
			.minus(Duration.ofMinutes(30)), Instant.now().plus(Duration.ofHours(6)), List.of(), List.of(community.id())));
		String phone = PortalClient.phone();
		Path photo = Files.createTempFile("radiator", ".png");
		Files.write(photo, PNG);
		try (Browser b = browsers.open(port, Browser.PHONE)) {
			// the outage page: the customer looks up their address and finds their community cut off
			b.go("/portal");
			b.screenshot("portal-b-0-home");
			b.go("/portal/outages");
			b.find(By.id("lookup-q")).sendKeys(community.name() + "8号楼");
			answerOf(b, By.cssSelector("#outage-lookup button[type=submit]"));
			var place = b.find(By.cssSelector("#lookup-result .place[data-community='" + community.name() + "']"));
			assertThat(place.getAttribute("data-affected")).isEqualTo("true");
			assertThat(place.getText()).contains("管道抢修");
			b.screenshot("portal-b-1-outages");

			b.go("/portal/request");
			b.find(By.id("phone")).sendKeys(phone);
			answerOf(b, By.id("send-code"));
			assertThat(b.text(By.id("code-sent"))).contains(phone.substring(0, 3) + "****" + phone.substring(7));
			String code = PortalClient.lastCode(jdbc, phone);
			b.find(By.id("code")).sendKeys(code);
			b.find(By.id("type-REPAIR")).click();
			b.find(By.id("address")).sendKeys(community.name() + "8号楼1单元302");
			b.find(By.id("description")).sendKeys("停热恢复后家里暖气片还是凉的");
			b.find(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
			b.screenshot("portal-b-2-request");
			answerOf(b, By.id("submit-request"));
			String no = b.text(By.id("ticket-no"));
			assertThat(no).matches("GR\\d{8}-\\d{4,}");
			b.screenshot("portal-b-3-done");
			assertThat(jdbc.sql("select channel from ticket where ticket_no = ?").param(no).query(String.class).single())
				.isEqualTo("ONLINE");
			assertThat(jdbc.sql("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id where t.ticket_no = ?")
				.param(no).query(Long.class).single()).isEqualTo(1);

			answerOf(b, By.id("follow"));
			assertThat(b.find(By.id("ticketNo")).getAttribute("value")).isEqualTo(no);
			b.find(By.id("lookup-phone")).sendKeys(phone);
			answerOf(b, By.id("lookup-submit"));
			assertThat(b.text(By.id("progress-status"))).isEqualTo("已登记");
			assertThat(b.text(By.id("progress-address"))).isEqualTo(community.name().replaceAll("[0-9]", "*") + "*号楼*单元***");
			assertThat(b.find(By.tagName("main")).getText()).doesNotContain(phone).doesNotContain("302");

			// the desk sends it to a technician
			long technician = jdbc.sql("select id from staff_member where username = 'tech'").query(Long.class).single();
			String techName = jdbc.sql("select display_name from staff_member where id = ?").param(technician)
				.query(String.class).single();
			tickets.dispatchToField(Actor.person("dispatcher", null), no, technician, "带阀门");
			answerOf(b, By.id("refresh-submit"));
			assertThat(b.text(By.id("progress-status"))).isEqualTo("已派单");
			assertThat(b.text(By.id("technician"))).startsWith(techName.substring(0, 1) + "师傅正在赶来，预计");
			b.screenshot("portal-b-4-dispatched");

			tickets.respond(Actor.person("lead", null), no, null, "已电话联系用户");
			tickets.resolve(Actor.person("lead", null), no, null, "更换暖气片阀门，室温恢复到 20 度");
			answerOf(b, By.id("refresh-submit"));
			assertThat(b.text(By.id("progress-status"))).isEqualTo("已处理完毕");
			assertThat(b.text(By.id("result"))).contains("更换暖气片阀门");
			b.screenshot("portal-b-5-resolved");
			b.find(By.id("sat-SATISFIED")).click();
			b.find(By.id("comment")).sendKeys("师傅很专业");
			answerOf(b, By.id("rate-submit"));
			assertThat(b.text(By.id("progress-notice"))).isEqualTo("感谢您的评价！");
			assertThat(b.text(By.id("progress-status"))).isEqualTo("已办结");
			assertThat(b.text(By.id("rating"))).isEqualTo("您的评价：满意");
			b.screenshot("portal-b-6-rated");
			assertThat(jdbc.sql("select satisfaction from followup_follow_up where ticket_no = ? and channel = 'PORTAL'")
				.param(no).query(String.class).single()).isEqualTo("SATISFIED");

			// the desk: the receiver (first responder) reads the online ticket with the customer's photo
			try (Browser desk = browsers.open(port, Browser.DESK)) {
				desk.login("lead", "heatdesk2026");
				desk.go("/tickets/" + no);
				String page = desk.waitFor(d -> d.findElement(By.tagName("main")).getText());
				assertThat(page).contains(no).contains(photo.getFileName().toString());
				desk.screenshot("portal-b-8-desk-ticket");
			}
		}
		finally {
			Files.deleteIfExists(photo);
		}
	}

	@Test
	void aWrongCodeShowsTheFormAgainWithWhatWasTyped() {
		String phone = PortalClient.phone();
		try (Browser b = browsers.open(port, Browser.PHONE)) {
			b.go("/portal/request?lang=en");
			b.find(By.id("phone")).sendKeys(phone);
			answerOf(b, By.id("send-code"));
			String code = PortalClient.lastCode(jdbc, phone);
			b.find(By.id("code")).sendKeys(code.equals("000000") ? "111111" : "000000");
			b.find(By.id("address")).sendKeys("Jinding Garden 3");
			b.find(By.id("description")).sendKeys("Radiator cold");
			answerOf(b, By.id("submit-request"));
			assertThat(b.text(By.id("request-error"))).isEqualTo("That code is wrong; 4 tries left.");
			assertThat(b.find(By.id("description")).getAttribute("value")).isEqualTo("Radiator cold");
			assertThat(b.find(By.id("phone")).getAttribute("value")).isEqualTo(phone);
			b.screenshot("portal-b-7-wrong-code-en");
		}
	}

	/**
	 * Clicks a button or link of the portal that loads a whole new page (a form's POST answered
	 * by a page or a redirect, a link) and waits until that page is the one shown. The portal has
	 * no script: nothing but such a click replaces a page. Not {@link Browser#submit}: it holds the
	 * old page's {@code <html>} and asks whether it is gone, and asked at the moment the answer
	 * commits (the progress page's refresh, which answers at the same address), Chromium said
	 * "Node with given id does not belong to the document" instead of "stale". Here the old page
	 * is marked before the click and every look finds {@code <html>} afresh; a look that the
	 * commit cuts short looks again.
	 */
	static void answerOf(Browser b, By button) {
		WebElement target = b.find(button);
		((JavascriptExecutor) b.driver()).executeScript("document.documentElement.setAttribute('data-left', '')");
		target.click();
		b.waitFor(d -> {
			try {
				return d.findElements(By.cssSelector("html[data-left]")).isEmpty()
						&& "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
			}
			catch (WebDriverException replacedWhileLooking) {
				String message = String.valueOf(replacedWhileLooking.getMessage());
				if (message.contains("inspector error") || message.contains("context")) {
					return false;
				}
				throw replacedWhileLooking;
			}
		});
	}
}
