package org.heatdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HeatDeskTest
class ApiKeyPageBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorCreatesAKeySeesItsSecretOnceAndRevokesIt() {
		String name = "SCADA 采集 " + System.nanoTime();
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("admin", "heatdesk2026");
			browser.go("/admin/api-keys");
			assertNoErrorPage(browser);
			browser.find(By.name("name")).sendKeys(name);
			new org.openqa.selenium.support.ui.Select(browser.find(By.name("scope"))).selectByValue("TELEMETRY");
			browser.submit(By.cssSelector("form.card button[type=submit]"));
			assertNoErrorPage(browser);

			String secret = browser.text(By.cssSelector(".secret .secret-value"));
			assertThat(secret).matches("hdk_[0-9a-f]{8}_[0-9a-f]{40}");
			assertThat(browser.text(By.cssSelector(".secret p"))).contains("「" + name + "」").contains("只显示这一次");
			String stored = jdbc.sql("select key_hash from platform_api_key where name = ?").param(name).query(String.class).single();
			assertThat(stored).isEqualTo(ApiKeys.sha256(secret));

			WebElement row = row(browser, name);
			assertThat(row.findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo("SCADA 遥测 (telemetry)");
			assertThat(row.findElement(By.cssSelector("code")).getText()).isEqualTo(secret.substring(0, 12) + "_…");
			assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("有效");
			assertThat(row.getAttribute("class")).doesNotContain("closed");
			browser.screenshot("api-keys-created");

			// the secret is shown once: a second visit lists the key without it
			browser.go("/admin/api-keys");
			assertNoErrorPage(browser);
			assertThat(browser.driver().findElements(By.cssSelector(".secret-value"))).isEmpty();

			row(browser, name).findElement(By.cssSelector("button.danger")).click();
			browser.waitFor(d -> d.switchTo().alert()).accept();
			browser.waitFor(d -> !d.findElements(By.cssSelector("p.alert-ok[role=status]")).isEmpty());
			assertNoErrorPage(browser);
			assertThat(browser.text(By.cssSelector("p.alert-ok[role=status]"))).isEqualTo("密钥已吊销。");
			WebElement revoked = row(browser, name);
			assertThat(revoked.findElement(By.cssSelector(".badge")).getText()).startsWith("已吊销 ");
			assertThat(revoked.getAttribute("class")).contains("closed");
			assertThat(revoked.findElements(By.cssSelector("button.danger"))).isEmpty();
			assertThat(browser.driver().findElements(By.cssSelector("table.grid tbody tr"))).isNotEmpty();
			browser.screenshot("api-keys-revoked");
		}
		assertThat(jdbc.sql("select revoked_by from platform_api_key where name = ?").param(name).query(String.class).single())
			.isEqualTo("admin");
	}

	private static WebElement row(Browser browser, String name) {
		return browser.waitFor(d -> d.findElements(By.cssSelector("table.grid tbody tr")).stream()
			.filter(r -> r.findElement(By.cssSelector("td")).getText().equals(name))
			.findFirst()
			.orElse(null));
	}

	static void assertNoErrorPage(Browser browser) {
		assertThat(browser.driver().getTitle()).doesNotStartWith("出错").doesNotContain("错误");
		assertThat(browser.driver().findElements(By.xpath("//h1[starts-with(normalize-space(.), '错误')]"))).isEmpty();
	}
}
