package org.heatdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HeatDeskTest
class StaffAdminBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorCreatesAnAgentFixesAWeakPasswordAndTheAgentLogsIn() {
		String username = "new" + Long.toString(System.nanoTime(), 36);
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("admin", "heatdesk2026");
			browser.go("/admin/staff");
			// Alt+N opens the new-account form, as its button shows
			browser.find(By.tagName("body")).sendKeys(Keys.chord(Keys.ALT, "n"));
			browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/staff/new"));
			browser.find(By.id("username")).sendKeys(username);
			browser.find(By.id("displayName")).sendKeys("赵新");
			browser.find(By.id("employeeNo")).sendKeys(username.toUpperCase());
			browser.find(By.cssSelector("input[name=roles][value=AGENT]")).click();
			browser.find(By.id("password")).sendKeys("abc1");
			// the browser's own minlength check would stop a short password before the server sees it
			((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
					"document.getElementById('password').removeAttribute('minlength')");
			browser.submit(By.cssSelector("form.form button[type=submit]"));
			assertThat(browser.text(By.cssSelector("form.form .alert-error"))).isEqualTo("密码至少 10 位。");

			browser.find(By.id("password")).sendKeys("onlyletters");
			browser.submit(By.cssSelector("form.form button[type=submit]"));

			assertThat(browser.text(By.cssSelector("form.form .alert-error"))).isEqualTo("密码须同时包含字母和数字。");
			assertThat(browser.find(By.id("password")).getAttribute("class")).contains("invalid");
			assertThat(jdbc.sql("select count(*) from staff_member where username = ?").param(username).query(Long.class).single())
				.isZero();
			browser.screenshot("admin-staff-create-error");

			browser.find(By.id("password")).sendKeys("letters2026");
			browser.submit(By.cssSelector("form.form button[type=submit]"));
			assertThat(browser.text(By.cssSelector(".alert-ok"))).isEqualTo("账户已创建。");
			browser.screenshot("admin-staff-created");
			browser.logout();

			browser.login(username, "letters2026");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("您好，赵新");
		}
	}
}
