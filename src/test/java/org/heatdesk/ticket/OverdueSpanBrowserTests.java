package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.ticket.TicketsIntegrationTests.repair;
import static org.heatdesk.ticket.TicketsIntegrationTests.unique;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How long a ticket on the overdue board is late reads as Chinese (超时 8天19:15), and as {@code 8d 19:15} in English. */
@HeatDeskTest
class OverdueSpanBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOverdueBoardSaysHowLateInTheReadersLanguage() throws Exception {
		Api agent = Api.as(port, "agent");
		String days = agent.post("/api/v1/tickets", repair(unique("超时格式：八天"))).text("ticketNo");
		String hours = agent.post("/api/v1/tickets", repair(unique("超时格式：两小时"))).text("ticketNo");
		String minutes = agent.post("/api/v1/tickets", repair(unique("超时格式：十二分钟"))).text("ticketNo");
		Instant now = Instant.now();
		// 20 s past the minute, so that the page, rendered within the next 40 s, shows this minute
		late(days, now.minus(Duration.ofDays(8).plusHours(19).plusMinutes(15).plusSeconds(20)));
		late(hours, now.minus(Duration.ofHours(2).plusMinutes(5).plusSeconds(20)));
		late(minutes, now.minus(Duration.ofMinutes(12).plusSeconds(20)));

		HttpClient lead = login("lead");
		String zh = get(lead, "/tickets/overdue/rows");
		assertThat(due(zh, days)).isEqualTo("超时 8天19:15");
		assertThat(due(zh, hours)).isEqualTo("超时 2小时05分");
		assertThat(due(zh, minutes)).isEqualTo("超时 12分钟");
		for (String no : new String[] { days, hours, minutes }) {
			assertThat(due(zh, no)).doesNotContainPattern("[A-Za-z]");
		}
		String en = get(lead, "/tickets/overdue/rows?lang=en");
		assertThat(due(en, days)).isEqualTo("overdue 8d 19:15");
		assertThat(due(en, hours)).isEqualTo("overdue 2:05");
		assertThat(due(en, minutes)).isEqualTo("overdue 12 min");
	}

	@Test
	void theBoardInABrowserReadsChinese() {
		String no = Api.as(port, "agent").post("/api/v1/tickets", repair(unique("超时格式：看板"))).text("ticketNo");
		late(no, Instant.now().minus(Duration.ofHours(2).plusMinutes(5).plusSeconds(20)));
		try (Browser b = browsers.open(port, Browser.DESK)) {
			TicketPagesBrowserTests.login(b, "lead");
			b.go("/tickets/overdue");
			String row = b.text(By.xpath("//div[@id='board']//tr[td/a[text()='" + no + "']]"));
			assertThat(row).contains("超时 2小时05分");
			b.screenshot("ticket-overdue-board-zh-span");
		}
	}

	void late(String no, Instant due) {
		jdbc.sql("update ticket set dispatch_due = ? where ticket_no = ?").params(Timestamp.from(due), no).update();
	}

	/** The text of the deadline cell in the row of ticket {@code no}. */
	static String due(String html, String no) {
		int row = html.indexOf(">" + no + "</a>");
		assertThat(row).as(no + " on the board").isPositive();
		Matcher m = Pattern.compile("<span class=\"due[^\"]*\"[^>]*>([^<]*)</span>").matcher(html);
		assertThat(m.find(row)).isTrue();
		return m.group(1).strip();
	}

	HttpClient login(String user) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String page = get(client, "/login");
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=heatdesk2026&_csrf=" + token.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return client;
	}

	String get(HttpClient client, String path) throws Exception {
		HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		return r.body();
	}
}
