package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.ticket.TicketPagesBrowserTests.login;
import static org.heatdesk.ticket.TicketsIntegrationTests.repair;
import static org.heatdesk.ticket.TicketsIntegrationTests.unique;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Chromium's own messages (an empty required field, the date inputs) are Chinese in the browser
 * tests, as on the desks they stand for, so that screenshots show what an agent sees.
 */
@HeatDeskTest
class NativeMessagesBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Test
	void anEmptyRequiredFieldIsExplainedInChinese() {
		String description = unique("浏览器语言：暖气不热");
		String no = Api.as(port, "agent").post("/api/v1/tickets", repair(description)).text("ticketNo");
		try (Browser b = browsers.open(port, Browser.DESK)) {
			login(b, "agent");
			b.go("/tickets/new");
			String message = b.find(By.id("description")).getDomProperty("validationMessage");
			assertThat(message).isNotBlank().doesNotContainPattern("[A-Za-z]").containsPattern("\\p{IsHan}");
			b.screenshot("browser-zh-required");

			// a page with rows and date inputs (shown as 年/月/日 in zh-CN)
			b.go("/tickets/search?q=" + URLEncoder.encode(no, StandardCharsets.UTF_8));
			assertThat(b.text(By.cssSelector("main table"))).contains(no);
			assertThat(b.find(By.name("from")).getDomProperty("validationMessage")).isEmpty();
			b.screenshot("browser-zh-search-dates");
		}
	}
}
