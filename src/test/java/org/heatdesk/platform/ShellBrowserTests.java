package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HeatDeskTest
class ShellBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static java.util.List<String> options(Browser browser, String select) {
		return browser.driver().findElements(By.cssSelector("select[name='" + select + "'] option:not([value=''])")).stream()
			.map(o -> o.getAttribute("value"))
			.toList();
	}

	// the technician lands on their jobs instead (FieldBrowserTests)
	@ParameterizedTest(name = "{0} sees the home page of {1}")
	@CsvSource({ "agent, AGENT, 接线员, 王丽", "lead, TEAM_LEAD, 调度班长 · 接线员, 李强", "dispatcher, DISPATCHER, 派工调度, 赵敏",
			"manager, MANAGER, 管理人员, 周经理", "admin, ADMIN, 系统管理员, 系统管理员",
			"auditor, AUDITOR, 审计员, 吴审计" })
	void eachDemoRoleLogsInAndSeesItsHomePage(String username, String role, String roleName, String displayName) {
		try (Browser browser = browsers.open(port, username.equals("tech") ? Browser.PHONE : Browser.DESK)) {
			browser.login(username, "heatdesk2026");
			String heading = browser.text(By.cssSelector("section.role-section h2"));
			assertThat(heading).isEqualTo(roleName);
			// one card per page the navigation offers, each once (a lead who is an agent too sees no repeats)
			var cards = browser.driver().findElements(By.cssSelector("main a.tile")).stream()
				.map(a -> a.getAttribute("href")).toList();
			var nav = browser.driver().findElements(By.cssSelector(".mainnav a")).stream()
				.map(a -> a.getAttribute("href")).toList();
			assertThat(cards).doesNotHaveDuplicates().containsExactlyElementsOf(nav);
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("您好，" + displayName);
			browser.screenshot("home-" + username);
		}
	}

	@Test
	void anAdministratorReachesStaffAndKeysButAnAgentIsRefused() {
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("admin", "heatdesk2026");
			browser.go("/admin/staff");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("员工账户");
			assertThat(browser.driver().findElements(By.cssSelector("table.grid tbody tr"))).hasSizeGreaterThanOrEqualTo(12);
			browser.screenshot("admin-staff-list");
			browser.go("/admin/api-keys");
			browser.screenshot("admin-api-keys");
			browser.go("/audit");
			// the filters offer exactly the actions and entity types the trail holds, in order
			assertThat(options(browser, "action")).isNotEmpty()
				.isEqualTo(jdbc.sql("select distinct action from platform_audit_event order by 1").query(String.class).list());
			assertThat(options(browser, "entityType")).isNotEmpty()
				.isEqualTo(jdbc.sql("select distinct entity_type from platform_audit_event order by 1").query(String.class).list());
			browser.find(By.cssSelector("button[hx-get$='/audit/verify']")).click();
			String verdict = browser.waitFor(d -> d.findElement(By.cssSelector("#verify-result .alert")).getText());
			assertThat(verdict).startsWith("审计链完整");
			browser.screenshot("audit-verified");
		}
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("agent", "heatdesk2026");
			browser.go("/admin/staff");
			assertThat(browser.text(By.cssSelector(".alert-error"))).contains("无权访问");
			assertThat(browser.driver().findElements(By.cssSelector("a[href='/admin/staff']"))).isEmpty();
		}
	}

	@Test
	void anUnknownPageIsExplainedInsideTheUsualFrame() {
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("agent", "heatdesk2026");
			browser.go("/no-such-page");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("错误 404");
			assertThat(browser.text(By.cssSelector(".alert-error"))).isEqualTo("找不到您要的页面或记录。");
			// the way back: the agent's own navigation and name, as on every other page
			assertThat(browser.text(By.cssSelector(".who"))).isEqualTo("王丽 · agent");
			assertThat(browser.driver().findElements(By.cssSelector(".mainnav a[href='/tickets/mine']"))).hasSize(1);
			browser.screenshot("error-404");
		}
	}

	@Test
	void aWrongPasswordIsExplainedInTheChosenLanguage() {
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.go("/login?lang=en");
			browser.login("agent", "not-the-password1");
			assertThat(browser.text(By.cssSelector(".alert-error"))).startsWith("Wrong username or password");
			browser.screenshot("login-error-en");
			browser.go("/login?lang=zh_CN");
		}
	}
}
