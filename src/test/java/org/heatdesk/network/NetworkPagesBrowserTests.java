package org.heatdesk.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.heatdesk.Browser;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A dispatcher watches the network and opens the substation in fault. */
@HeatDeskTest
class NetworkPagesBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aDispatcherSeesTheFaultInRedAndOpensTheSubstationWithItsChart() {
		try (Browser browser = Browser.open(port, Browser.DESK)) {
			browser.login("dispatcher", "heatdesk2026").go("/network");
			WebElement tile = browser.find(By.cssSelector(".station[data-code='CY-07']"));
			assertThat(tile.getAttribute("class")).contains("bad");
			assertThat(tile.getAttribute("data-status")).isEqualTo("FAULT");
			assertThat(browser.find(By.cssSelector(".outage-card.fault")).getText()).contains("CY-07");
			browser.screenshot("network-overview");

			tile.click();
			browser.waitFor(d -> d.getCurrentUrl().endsWith("/network/substations/CY-07"));
			browser.find(By.cssSelector("#substation-chart[data-rendered='true'] canvas"));
			assertThat(browser.text(By.id("substation-status"))).isEqualTo("故障");
			assertThat(browser.text(By.cssSelector(".community-list"))).contains("翠园小区");
			assertThat(browser.text(By.cssSelector(".netstate-outages"))).contains("故障停热");
			browser.screenshot("network-substation");
			WebElement thresholds = browser.find(By.cssSelector(".thresholds-edit summary"));
			((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", thresholds);
			thresholds.click();
			browser.screenshot("network-substation-thresholds");

			browser.go("/network/substations/CY-07?lang=en");
			browser.find(By.cssSelector("#substation-chart[data-rendered='true'] canvas"));
			assertThat(browser.text(By.id("substation-status"))).isEqualTo("Fault");
			browser.screenshot("network-substation-en");
			browser.go("/network?status=FAULT&lang=zh_CN");
			assertThat(browser.driver().findElements(By.cssSelector(".station"))).allSatisfy(
					s -> assertThat(s.getAttribute("data-status")).isEqualTo("FAULT"));
		}
	}

	@Test
	void aDispatcherPublishesAnOutageThroughTheForm() {
		try (Browser browser = Browser.open(port, Browser.DESK)) {
			browser.login("dispatcher", "heatdesk2026").go("/network/outages/new?substation=LX-05");
			browser.find(By.id("title")).sendKeys("历下5号站阀门更换");
			browser.find(By.id("communities")).sendKeys("金鼎花园");
			browser.find(By.id("noticeText")).sendKeys("阀门更换期间暂停供热。");
			browser.screenshot("network-outage-form");
			browser.submit(By.cssSelector("form.form button[type=submit]"));
			browser.waitFor(d -> d.getCurrentUrl().matches(".*/network/outages/\\d+$"));
			assertThat(browser.text(By.cssSelector(".alert-ok"))).isEqualTo("停热通知已发布。");
			assertThat(browser.text(By.cssSelector(".facts-grid"))).contains("LX-05", "金鼎花园");
			browser.screenshot("network-outage");
			browser.find(By.cssSelector("form[action$='/restore'] button")).click();
			browser.driver().switchTo().alert().accept();
			browser.waitFor(d -> d.findElement(By.cssSelector(".alert-ok")).getText().equals("已恢复供热。"));
		}
	}
}
