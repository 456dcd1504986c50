package org.heatdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageKind;
import org.heatdesk.network.OutageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public portal on a phone (390×844): a customer opens it, sees that heating is out somewhere,
 * finds the outage, looks up his own community, reads the guide and the figures. Every page fits the
 * phone's width (nothing to scroll sideways) and none is an error page. Screenshots in
 * {@code target/screenshots/portal-*.png}.
 */
@HeatDeskTest
class PortalPagesBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Network network;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCustomerOnAPhoneFindsTheOutageOfHisCommunityAndReadsTheGuide() {
		String name = "测试苑" + UUID.randomUUID().toString().substring(0, 6);
		long substation = jdbc.sql("select id from network_substation order by id limit 1").query(Long.class).single();
		long community = jdbc.sql("insert into network_community (name, district, substation_id) values (?, '测试区', ?) returning id")
			.params(name, substation)
			.query(Long.class)
			.single();
		String title = "二次管网漏水抢修 " + UUID.randomUUID().toString().substring(0, 4);
		OutageView outage = network.publishOutage(new Network.NewOutage(OutageKind.FAULT, title, "维修人员已到现场，正在关阀抢修。",
				Instant.now().minus(Duration.ofMinutes(40)), Instant.now().plus(Duration.ofHours(4)), List.of(),
				List.of(community)));

		try (Browser b = browsers.open(port, Browser.PHONE)) {
			b.go("/portal");
			assertThat(b.text(By.cssSelector("h1"))).isEqualTo("供热服务大厅");
			assertThat(b.text(By.id("home-outages"))).contains("个小区正在停热");
			fitsThePhone(b);
			b.screenshot("portal-home");

			PortalRequestBrowserTests.answerOf(b, By.id("home-outages"));
			assertThat(b.driver().getCurrentUrl()).endsWith("/portal/outages");
			String card = b.text(By.cssSelector("[data-outage='" + outage.id() + "']"));
			assertThat(card).contains(title, name, "停热中", "维修人员已到现场");
			fitsThePhone(b);
			b.screenshot("portal-outages");

			b.find(By.id("lookup-q")).sendKeys(name + "3号楼2单元501");
			PortalRequestBrowserTests.answerOf(b, By.cssSelector("#outage-lookup button[type=submit]"));
			assertThat(b.text(By.id("lookup-result"))).contains(name + " 正在停热，我们正在处理。", title);
			fitsThePhone(b);
			b.screenshot("portal-lookup");

			b.go("/portal/info");
			assertThat(b.driver().findElements(By.cssSelector("#guide-topics [data-topic]"))).hasSize(7);
			fitsThePhone(b);
			b.screenshot("portal-guide");
			PortalRequestBrowserTests.answerOf(b, By.cssSelector("a[data-topic='commitments']"));
			assertThat(b.text(By.cssSelector("article[data-topic='commitments']"))).contains("首问负责");
			assertThat(b.driver().findElements(By.cssSelector("article[data-topic='commitments'] li")).size()).isGreaterThan(3);
			fitsThePhone(b);
			b.screenshot("portal-topic");

			b.go("/portal/figures");
			assertThat(b.text(By.cssSelector("h1"))).isEqualTo("服务指标");
			fitsThePhone(b);
			b.screenshot("portal-figures");

			b.go("/portal/outages?lang=en");
			assertThat(b.text(By.cssSelector("h1"))).isEqualTo("Heating outages");
			fitsThePhone(b);
			b.screenshot("portal-outages-en");
		}
	}

	@Test
	void theManagersPageOfThePublishedContentFitsTheDesk() {
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login("manager", "heatdesk2026");
			b.go("/portal-admin/content");
			assertThat(b.driver().findElements(By.cssSelector("#portal-topics tbody tr"))).hasSize(7);
			b.screenshot("portal-admin-content");
			b.go("/portal-admin/content/fees");
			assertThat(b.driver().findElements(By.cssSelector("#content-versions tbody tr"))).isNotEmpty();
			assertThat(b.find(By.id("content-title")).getAttribute("value")).isNotBlank();
			fitsTheWidth(b);
			b.screenshot("portal-admin-topic");
		}
	}

	private static void fitsThePhone(Browser b) {
		assertThat(b.driver().getTitle()).doesNotContain("出错").doesNotContain("Something went wrong");
		fitsTheWidth(b);
	}

	private static void fitsTheWidth(Browser b) {
		Object overflow = ((JavascriptExecutor) b.driver())
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).as("sideways scroll on " + b.driver().getCurrentUrl()).isLessThanOrEqualTo(0);
	}
}
