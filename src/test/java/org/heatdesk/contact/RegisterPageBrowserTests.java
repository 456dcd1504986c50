package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HeatDeskTest
class RegisterPageBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private static final ZoneId COMPANY = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAgentRegistersA12345TransferWithItsAddressAndHandOverTime() {
		String caseNo = "12345-" + Long.toString(System.nanoTime(), 36);
		LocalDateTime now = LocalDateTime.now(COMPANY).truncatedTo(ChronoUnit.MINUTES);
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("agent", "heatdesk2026");
			browser.go("/contacts/new?channel=HOTLINE_12345");
			assertThat(browser.find(By.cssSelector("input[name=channel][value=HOTLINE_12345]")).isSelected()).isTrue();
			browser.find(By.name("name")).sendKeys("周女士");
			browser.find(By.name("phone")).sendKeys("13912345678");
			browser.find(By.id("address")).sendKeys("翠园小区 5-1-302");
			browser.find(By.id("summary")).sendKeys("市民反映家中暖气不热已三天，请尽快处理");
			browser.find(By.name("hotlineCaseNo")).sendKeys(caseNo);
			setDateTime(browser, "replyDueAt", now.plusDays(2));
			// a hand-over "tomorrow" is a typing slip: refused beside the form, nothing registered
			setDateTime(browser, "handedOverAt", now.plusDays(1));
			browser.submit(By.cssSelector("form.form button[type=submit]"));
			assertThat(browser.text(By.cssSelector(".alert-error"))).isEqualTo("转办时间不能晚于现在。");
			assertThat(contacts(caseNo)).isZero();
			// what was typed is still there
			assertThat(browser.find(By.id("address")).getAttribute("value")).isEqualTo("翠园小区 5-1-302");

			LocalDateTime handedOver = now.minusMinutes(40);
			setDateTime(browser, "handedOverAt", handedOver);
			browser.submit(By.cssSelector("form.form button[type=submit]"));
			String done = browser.text(By.id("registered"));
			browser.screenshot("contact-register-12345");
			String ticketNo = done.substring(done.lastIndexOf(' ') + 1);
			assertThat(done).isEqualTo("已登记，工单编号 " + ticketNo);

			assertThat(contacts(caseNo)).isOne();
			Timestamp stored = jdbc.sql("select handed_over_at from contact_contact where hotline_case_no = ?").param(caseNo)
				.query(Timestamp.class).single();
			assertThat(stored.toInstant()).isEqualTo(handedOver.atZone(COMPANY).toInstant());
			assertThat(jdbc.sql("select address from ticket where ticket_no = ?").param(ticketNo).query(String.class).single())
				.isEqualTo("翠园小区 5-1-302");
		}
	}

	private long contacts(String caseNo) {
		return jdbc.sql("select count(*) from contact_contact where hotline_case_no = ?").param(caseNo).query(Long.class)
			.single();
	}

	/** Sets a datetime-local field as a user's picker would (typing into it depends on the browser's locale). */
	private static void setDateTime(Browser browser, String name, LocalDateTime value) {
		((JavascriptExecutor) browser.driver()).executeScript("document.querySelector(\"input[name='\" + arguments[0] + \"']\").value = arguments[1]",
				name, value.toString().substring(0, 16));
	}
}
