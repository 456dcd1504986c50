package org.heatdesk.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A dispatcher watches the network and opens the substation in fault. */
@HeatDeskTest
class NetworkPagesBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDispatcherSeesTheFaultInRedAndOpensTheSubstationWithItsChart() {
		try (Browser browser = browsers.open(port, Browser.DESK)) {
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

	/** A new substation of the first heat source serving {@code communities} new communities; returns its code. */
	String newSubstation(String tag, int communities) {
		String code = "B-" + tag;
		long id = jdbc.sql("""
				insert into network_substation (code, name, heat_source_id)
				values (?, ?, (select min(id) from network_heat_source)) returning id""")
			.params(code, "测试站" + tag)
			.query(Long.class)
			.single();
		for (int i = 1; i <= communities; i++) {
			jdbc.sql("insert into network_community (name, district, substation_id) values (?, '历下区', ?)")
				.params(tag + "苑" + i + "区", id)
				.update();
		}
		return code;
	}

	@Test
	void aDispatcherPublishesAnOutageByTickingSubstationsAndCommunitiesWithTheKeyboard() {
		String a = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String b = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String whole = newSubstation(a, 8);
		String part = newSubstation(b, 3);
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("dispatcher", "heatdesk2026").go("/network/outages/new");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("发布停热通知");
			assertThat(browser.text(By.id("outage-scope"))).contains("尚未勾选换热站");
			assertThat(browser.driver().findElements(By.cssSelector("#substation-pick input[name=substationIds]")))
				.hasSizeGreaterThan(2);
			browser.screenshot("network-outage-form-empty");
			browser.find(By.id("title")).sendKeys("测试站阀门更换");
			// a community's name finds its substation; Enter ticks the only match and lists its communities, all ticked
			WebElement filter = browser.find(By.id("substation-filter"));
			filter.sendKeys(a + "苑3", Keys.ENTER);
			browser.waitFor(d -> d.findElements(By.cssSelector("#outage-scope input[name=communityIds]")).size() == 8);
			assertThat(browser.driver().findElements(By.cssSelector("#substation-pick label[data-search]:not([hidden])")))
				.singleElement()
				.satisfies(l -> assertThat(l.getText()).contains(whole, "8 个小区"));
			assertThat(browser.driver().findElements(By.cssSelector("#outage-scope input[name=communityIds]")))
				.allSatisfy(c -> assertThat(c.isSelected()).isTrue());
			browser.screenshot("network-outage-form");

			filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
			filter.sendKeys(part, Keys.ENTER);
			browser.waitFor(d -> d.findElements(By.cssSelector("#outage-scope input[name=communityIds]")).size() == 11);
			// only the second community of the second substation is out of heat: untick the other two with Space
			for (String name : List.of(b + "苑1区", b + "苑3区")) {
				WebElement box = browser.find(By.xpath("//section[@id='outage-scope']//label[normalize-space(.)='" + name + "']/input"));
				box.sendKeys(Keys.SPACE);
				assertThat(box.isSelected()).as(name).isFalse();
			}
			browser.find(By.id("noticeText")).sendKeys("阀门更换期间暂停供热。");
			filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
			assertThat(browser.driver().findElements(By.cssSelector("#substation-pick label[data-search]:not([hidden])")))
				.hasSizeGreaterThan(2);
			browser.screenshot("network-outage-form-two-substations");
			browser.submit(By.cssSelector("form.form button[type=submit]"));
			browser.waitFor(d -> d.getCurrentUrl().matches(".*/network/outages/\\d+$"));
			assertThat(browser.text(By.cssSelector(".alert-ok"))).isEqualTo("停热通知已发布。");
			assertThat(browser.text(By.cssSelector(".affected-total"))).isEqualTo("共 9 个小区");
			String wholeGroup = browser.text(group(whole));
			assertThat(wholeGroup).contains("全站停热");
			for (int i = 1; i <= 8; i++) {
				assertThat(wholeGroup).contains(a + "苑" + i + "区");
			}
			String partGroup = browser.text(group(part));
			assertThat(partGroup).contains("部分小区停热", b + "苑2区").doesNotContain(b + "苑1区", b + "苑3区");
			browser.screenshot("network-outage");
			long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/", ""));
			assertThat(jdbc.sql("""
					select s.code from network_outage_substation os join network_substation s on s.id = os.substation_id
					where os.outage_id = ?""").param(id).query(String.class).list()).containsExactly(whole);
			assertThat(jdbc.sql("""
					select c.name from network_outage_community oc join network_community c on c.id = oc.community_id
					where oc.outage_id = ?""").param(id).query(String.class).list()).containsExactly(b + "苑2区");

			browser.find(By.cssSelector("form[action$='/restore'] button")).click();
			browser.driver().switchTo().alert().accept();
			browser.waitFor(d -> d.findElement(By.cssSelector(".alert-ok")).getText().equals("已恢复供热。"));
		}
	}

	static By group(String code) {
		return By.xpath("//div[contains(@class,'affected-group')][.//a[normalize-space(.)='" + code + "']]");
	}

	@Test
	void aSubstationWithEveryCommunityUntickedIsRefusedAndTheFormKeepsWhatWasTyped() {
		String a = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String code = newSubstation(a, 2);
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("dispatcher", "heatdesk2026").go("/network/outages/new?substation=" + code);
			browser.waitFor(d -> d.findElements(By.cssSelector("#outage-scope input[name=communityIds]:checked")).size() == 2);
			browser.find(By.id("title")).sendKeys("未选小区");
			browser.find(By.id("noticeText")).sendKeys("测试");
			for (WebElement box : browser.driver().findElements(By.cssSelector("#outage-scope input[name=communityIds]"))) {
				box.sendKeys(Keys.SPACE);
			}
			browser.submit(By.cssSelector("form.form button[type=submit]"));
			assertThat(browser.text(By.cssSelector(".alert-error")))
				.isEqualTo("换热站 " + code + " 的小区一个也没有勾选：至少勾选一个小区，或取消勾选该换热站。");
			assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo("未选小区");
			assertThat(browser.driver().findElements(By.cssSelector("#outage-scope input[name=communityIds]"))).hasSize(2)
				.noneSatisfy(c -> assertThat(c.isSelected()).isTrue());
			browser.screenshot("network-outage-form-refused");
		}
	}
}
