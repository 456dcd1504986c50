package org.heatdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A manager creates a customer (with a mistake first), imports a file with bad rows, and reads the contract report. */
@HeatDeskTest
class CustomerAdminPagesBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Test
	void managerCreatesImportsAndReadsTheContractReport() throws Exception {
		int n = CustomerTestSupport.next();
		String account = "M" + String.format("%06d", n);
		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("manager", "heatdesk2026").go("/customers/new");
			browser.find(By.id("accountNo")).sendKeys(account);
			browser.find(By.id("name")).sendKeys("诸葛亮");
			browser.find(By.id("phones")).sendKeys("1390000");
			new Select(browser.find(By.id("communityId"))).selectByVisibleText("翠园小区");
			browser.find(By.name("building")).sendKeys("31");
			browser.find(By.name("unit")).sendKeys("1");
			browser.find(By.name("room")).sendKeys("101");
			browser.find(By.id("heatedArea")).sendKeys("88.8");
			browser.submit(By.cssSelector("form.form button[type=submit]"));
			assertThat(browser.text(By.cssSelector(".alert-error"))).contains("1390000");
			assertThat(browser.find(By.id("phones")).getAttribute("class")).contains("invalid");
			browser.screenshot("customer-form-error");
			WebElement phones = browser.find(By.id("phones"));
			phones.clear();
			phones.sendKeys(CustomerTestSupport.uniqueMobile(n) + "; 0531-86" + String.format("%06d", n));
			browser.submit(By.cssSelector("form.form button[type=submit]"));
			browser.waitFor(d -> d.findElement(By.cssSelector(".alert-ok")).isDisplayed());
			// A manager sees everything in full.
			assertThat(browser.text(By.cssSelector(".customer-card"))).contains("诸葛亮")
				.contains(Phones.display(CustomerTestSupport.uniqueMobile(n)))
				.contains("翠园小区 31-1-101");
			assertThat(browser.driver().findElements(By.cssSelector("form.reveal"))).isEmpty();
			browser.screenshot("customer-created-manager");

			Path file = Files.createTempFile("billing", ".csv");
			Files.writeString(file, CustomerImportIntegrationTests.HEADER
					+ "X" + n + "1,甲,13900000001,,翠园小区,1,1,101,80,,,\n"
					+ "X" + n + "1,乙,139000,,无此小区,1,1,102,abc,,,\n", StandardCharsets.UTF_8);
			browser.go("/customers/import");
			browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			browser.find(By.cssSelector("form.card button[type=submit]")).click();
			List<WebElement> problems = browser.waitFor(d -> {
				var rows = d.findElements(By.cssSelector("table.import-problems tbody tr"));
				return rows.isEmpty() ? null : rows;
			});
			assertThat(problems).hasSize(4);
			assertThat(problems.get(0).getText()).startsWith("3");
			browser.screenshot("customer-import-problems");
			Files.delete(file);

			browser.go("/customers/contracts");
			assertThat(browser.text(By.cssSelector(".lead"))).contains("%");
			browser.screenshot("customer-contracts-report");

			// The pages in English.
			browser.go("/customers?lang=en&q=" + java.net.URLEncoder.encode("翠园小区", StandardCharsets.UTF_8));
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Customers");
			assertThat(browser.text(By.cssSelector("#results thead"))).contains("Account no.").contains("Heated area");
			browser.screenshot("customer-search-en");
			browser.go("/customers?lang=zh_CN");

			// The API documentation renders for logged-in staff (under the page CSP).
			browser.go("/swagger-ui.html");
			// the first visit builds the OpenAPI document: seconds on a busy machine
			browser.waitFor(java.time.Duration.ofSeconds(40), d -> d.findElements(By.cssSelector(".opblock-tag")).size() > 0);
			assertThat(browser.driver().getPageSource()).contains("/api/v1/customers");
			browser.screenshot("customer-swagger-ui");
		}
	}
}
