package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reopened ticket keeps the times of its first round: they stay in the database ({@code ticket_round})
 * and the ticket page shows them under 此前各轮, while the marks on the ticket are owed again.
 */
@HeatDeskTest
class TicketRoundsBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	@Test
	void aReopenedTicketKeepsTheTimesOfItsFirstRound() {
		Api agent = Api.as(port, "agent");
		String no = agent.post("/api/v1/tickets", TicketsIntegrationTests.repair("暖气片不热 " + UUID.randomUUID()))
			.text("ticketNo");
		assertThat(agent.post("/api/v1/tickets/" + no + "/dispatch", TicketsIntegrationTests.action()).status()).isEqualTo(200);
		assertThat(agent.post("/api/v1/tickets/" + no + "/respond", TicketsIntegrationTests.action("note", "已回电"))
			.status()).isEqualTo(200);
		assertThat(agent.post("/api/v1/tickets/" + no + "/resolve", TicketsIntegrationTests.action("result", "放气后恢复"))
			.status()).isEqualTo(200);
		Map<String, Object> first = jdbc.sql("""
				select id, dispatched_at, responded_at, resolved_at, resolve_due from ticket where ticket_no = ?""")
			.param(no).query().singleRow();
		assertThat(first.values()).doesNotContainNull();

		Api.Response reopened = agent.post("/api/v1/tickets/" + no + "/reopen",
				TicketsIntegrationTests.action("reason", "用户来电：又不热了"));
		assertThat(reopened.status()).isEqualTo(200);
		assertThat(reopened.text("status")).isEqualTo("REOPENED");

		// the ticket owes its marks again ...
		Map<String, Object> now = jdbc.sql("select responded_at, resolved_at, result from ticket where ticket_no = ?")
			.param(no).query().singleRow();
		assertThat(now.values()).containsOnlyNulls();
		// ... and the first round is still there, with the times it was reached and who reached them
		List<Map<String, Object>> rounds = jdbc.sql("""
				select round, dispatched_at, responded_at, responded_by, resolved_at, resolved_by, result, resolve_due,
				       reopened_by, reopen_reason from ticket_round where ticket_id = ? order by round""")
			.param(first.get("id")).query().listOfRows();
		assertThat(rounds).hasSize(1);
		Map<String, Object> round = rounds.get(0);
		assertThat(round.get("round")).isEqualTo(1);
		assertThat(round.get("dispatched_at")).isEqualTo(first.get("dispatched_at"));
		assertThat(round.get("responded_at")).isEqualTo(first.get("responded_at"));
		assertThat(round.get("resolved_at")).isEqualTo(first.get("resolved_at"));
		assertThat(round.get("resolve_due")).isEqualTo(first.get("resolve_due"));
		assertThat(round.get("responded_by")).isEqualTo("agent");
		assertThat(round.get("resolved_by")).isEqualTo("agent");
		assertThat(round.get("result")).isEqualTo("放气后恢复");
		assertThat(round.get("reopened_by")).isEqualTo("agent");
		assertThat(round.get("reopen_reason")).isEqualTo("用户来电：又不热了");

		try (Browser b = browsers.open(port, Browser.DESK)) {
			TicketPagesBrowserTests.login(b, "agent");
			b.go("/tickets/" + no);
			WebElement row = b.find(By.cssSelector("#rounds tbody tr"));
			List<WebElement> cells = row.findElements(By.tagName("td"));
			assertThat(row.findElement(By.tagName("th")).getText()).isEqualTo("第 1 轮");
			assertThat(cells.get(0).getText()).isEqualTo(PAGE_TIME.format(((Timestamp) first.get("dispatched_at")).toInstant()));
			assertThat(cells.get(1).getText()).isEqualTo(PAGE_TIME.format(((Timestamp) first.get("responded_at")).toInstant()));
			assertThat(cells.get(2).getText()).isEqualTo(PAGE_TIME.format(((Timestamp) first.get("resolved_at")).toInstant()));
			assertThat(cells.get(3).getText()).contains("用户来电：又不热了");
			assertThat(b.text(By.id("status"))).isEqualTo("已重开");
			((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView()",
					b.find(By.id("rounds")));
			b.screenshot("ticket-rounds");
		}
	}
}
