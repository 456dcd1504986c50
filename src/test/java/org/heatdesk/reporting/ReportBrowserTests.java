package org.heatdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.reporting.ReportingFixtures.at;

import java.time.LocalDate;
import java.util.List;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manager opens the compliance report of a team for a day, sees that dispatching on time is
 * below its target, and drills down to the tickets behind it, the late ones first; an agent of the
 * team sees only his own and his team's scopes.
 */
@HeatDeskTest
class ReportBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aManagerSeesAFigureBelowTargetAndDrillsDownToTheTicketsBehindIt() {
		ReportingFixtures f = new ReportingFixtures(jdbc, staff);
		LocalDate d = LocalDate.of(2019, 7, 8);
		// three dispatch deadlines on the day: one kept, two missed → 1/3 = 33.3 %, below the 95 % target
		long kept = f.ticket("REPAIR", f.agent1Id, at(d, "08:00"));
		f.set(kept, "dispatch_due", at(d, "08:15"));
		f.set(kept, "dispatched_at", at(d, "08:05"));
		long late = f.ticket("REPAIR", f.agent1Id, at(d, "09:00"));
		f.set(late, "dispatch_due", at(d, "09:15"));
		f.set(late, "dispatched_at", at(d, "10:40"));
		long never = f.ticket("REPAIR", f.agent2Id, at(d, "11:00"));
		f.set(never, "dispatch_due", at(d, "11:15"));
		f.call(at(d, "09:00"), f.agent1Id, true, false, "INBOUND");

		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login("manager", TestStaff.PASSWORD);
			b.go("/reports");
			// the manager's default: the company, this month; the picker offers the teams
			assertThat(new Select(b.find(By.id("scope"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("company");
			new Select(b.find(By.id("period"))).selectByValue("day");
			((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
					"document.getElementById('day').value = arguments[0]", d.toString());
			new Select(b.find(By.id("scope"))).selectByValue("team:" + f.teamId);
			b.submit(By.cssSelector(".report-pickers button[type=submit]"));

			assertThat(b.text(By.id("scope-name"))).contains("报表组");
			WebElement line = b.find(By.id("line-tickets.dispatched-on-time"));
			assertThat(line.getAttribute("class")).contains("below");
			assertThat(line.getText()).contains("33.3%").contains("未达标").contains("95.0%").contains("1 / 3");
			assertThat(b.text(By.id("below-count"))).contains("未达到目标");
			// a figure without cases (the test's team held no hand-over that day) is listed, not as zero
			assertThat(b.text(By.id("line-shift.handovers-on-time"))).contains("无数据").contains("7(七)");
			// the call figure of the same day is kept (1 of 1)
			assertThat(b.find(By.id("line-calls.answered-in-limit")).getAttribute("class")).doesNotContain("below");
			b.screenshot("reports-team-day");

			b.submit(By.cssSelector("#line-tickets\\.dispatched-on-time a"));
			assertThat(b.driver().getCurrentUrl()).contains("/reports/figures/tickets.dispatched-on-time");
			List<WebElement> rows = b.driver().findElements(By.cssSelector("#records tbody tr"));
			// the missed first (09:15 → 10:40, then 11:15 → never), then the kept one
			assertThat(rows).hasSize(3);
			assertThat(rows.get(0).getText()).contains(f.ticketNo(late)).contains("未达标").contains("07-08 09:15 → 07-08 10:40");
			assertThat(rows.get(1).getText()).contains(f.ticketNo(never)).contains("未达标");
			assertThat(rows.get(2).getText()).contains(f.ticketNo(kept)).contains("达标");
			assertThat(rows.get(0).findElement(By.tagName("a")).getAttribute("href")).endsWith("/tickets/" + f.ticketNo(late));
			assertThat(b.text(By.id("summary"))).contains("33.3%");
			b.screenshot("reports-drill-down");
			assertThat(b.driver().getPageSource()).doesNotContain("error-page");
		}

		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login(f.agent1.username(), TestStaff.PASSWORD);
			b.go("/reports?period=day&day=" + d);
			// an agent: his own report by default; the picker offers only himself and his team
			assertThat(b.text(By.id("scope-name"))).isEqualTo(f.agent1.displayName());
			List<String> options = new Select(b.find(By.id("scope"))).getOptions().stream().map(o -> o.getAttribute("value")).toList();
			assertThat(options).containsExactlyInAnyOrder("team:" + f.teamId, "agent:" + f.agent1Id);
			// agent 1's deadlines: the kept one and the late one → 1/2
			assertThat(b.find(By.id("line-tickets.dispatched-on-time")).getText()).contains("50.0%").contains("1 / 2");
			b.screenshot("reports-agent");
		}
	}
}
