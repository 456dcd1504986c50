package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A call an agent made shows in the lead's call list as 外呼, with the customer's number and its recording. */
@HeatDeskTest
class OutboundCallBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Test
	void theCallListMarksAnOutboundCallAndItsPageShowsTheDirectionAndRecording() {
		TestStaff.Account agent = TestStaff.create(staff, "outb", Role.AGENT);
		String number = TestCustomers.uniqueMobile();
		CtiClient cti = CtiClient.create(port, jdbc);
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(40);
		String switchId = "OUT-" + UUID.randomUUID();
		String ext = agent.extension();
		cti.post(OutboundCallsIntegrationTests.outboundEvent(switchId, "RINGING", t0, ext, number, null));
		cti.post(OutboundCallsIntegrationTests.outboundEvent(switchId, "ANSWERED", t0.plusSeconds(6), ext, null, null));
		cti.post(OutboundCallsIntegrationTests.outboundEvent(switchId, "ENDED", t0.plusSeconds(36), ext, null, null));
		cti.post(OutboundCallsIntegrationTests.outboundEvent(switchId, "RECORDING_READY", t0.plusSeconds(37), null, null,
				"https://pbx.example/rec/out.wav"));
		long callId = jdbc.sql("select id from contact_call where switch_call_id = ?").param(switchId).query(Long.class).single();
		String masked = number.substring(0, 3) + "****" + number.substring(7);
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("lead", "heatdesk2026");
			browser.go("/calls?caller=" + number);
			By row = By.cssSelector("a[href$='/calls/" + callId + "']");
			String rowText = browser.find(row).findElement(By.xpath("./ancestor::tr")).getText();
			// the customer's number (not the agent's extension), the marker, ended, 30 s of talk, no three-ring verdict
			assertThat(rowText).contains(masked).contains("外呼").contains("已结束").contains("0:30").doesNotContain(ext);
			browser.screenshot("contact-calls-outbound");
			browser.find(row).click();
			browser.waitFor(d -> d.getCurrentUrl().endsWith("/calls/" + callId));
			assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("通话 " + masked);
			assertThat(browser.find(By.cssSelector("dl.call-facts")).getText()).contains("外呼（不计入三声接听统计）");
			assertThat(browser.find(By.cssSelector("audio.call-audio")).getAttribute("src")).endsWith("/calls/" + callId + "/recording");
			browser.screenshot("contact-call-outbound");
		}
	}
}
