package org.heatdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.TicketFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The story: a lead draws last month's sample for his team, scores a call with a finding
 * (greeting without the company's name, a remark at 0:12, a rectification), the agent sees the result
 * and disputes it, and a manager decides the dispute.
 */
@HeatDeskTest
class QualityBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	private static void noErrorPage(Browser b) {
		assertThat(b.driver().getTitle()).doesNotContain("出错").doesNotContain("Error");
		assertThat(b.driver().findElements(By.cssSelector(".error-page"))).isEmpty();
	}

	@Test
	void aLeadDrawsScoresWithAFindingTheAgentDisputesAndTheManagerDecides() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 1);
		YearMonth last = YearMonth.now(QualityTestSupport.ZONE).minusMonths(1);
		// the agent answered three calls last month; one is drawn
		for (int d = 3; d <= 5; d++) {
			QualityTestSupport.call(jdbc, crew.agent(), QualityTestSupport.in(last, d, 9), 150, true, null);
		}
		LocalDate rectifyBy = LocalDate.now(QualityTestSupport.ZONE).plusDays(5);

		try (Browser b = browsers.open(port, Browser.DESK)) {
			TicketFixtures.login(b, crew.lead().username());
			b.go("/quality");
			noErrorPage(b);
			assertThat(b.text(By.id("quality-links"))).contains("抽样计划").contains("整改").contains("案例库");
			b.go("/quality/samples");
			new Select(b.find(By.id("draw-team"))).selectByVisibleText(crew.teamName());
			new Select(b.find(By.id("draw-month"))).selectByValue(last.toString());
			WebElement per = b.find(By.id("draw-per-agent"));
			per.clear();
			per.sendKeys("1");
			b.screenshot("quality-samples");
			b.submit(By.id("draw-submit"));
			noErrorPage(b);
			assertThat(b.driver().getCurrentUrl()).contains("/quality/samples/");
			assertThat(b.text(By.id("reproduced"))).isEqualTo("按种子复现一致");
			List<WebElement> rows = b.driver().findElements(By.cssSelector("#sample-checks tbody tr"));
			assertThat(rows).hasSize(1);
			assertThat(rows.get(0).getText()).contains(crew.agent().displayName()).contains("待评分").contains("2:30");
			b.screenshot("quality-sample");

			// the checker's page: recording, the call's timeline, the rubric
			b.submit(By.cssSelector("#sample-checks tbody tr a.open"));
			noErrorPage(b);
			assertThat(b.driver().findElements(By.id("recording"))).hasSize(1);
			WebElement greeting = b.find(By.cssSelector("input.points[data-code=GREETING]"));
			greeting.clear();
			greeting.sendKeys("5");
			b.find(By.id("summary")).sendKeys("问候语没有报公司名称");
			List<WebElement> marks = b.driver().findElements(By.cssSelector("#score-form .mark-input"));
			List<WebElement> remarks = b.driver().findElements(By.cssSelector("#score-form input[name=remark]"));
			marks.get(0).sendKeys("0:12");
			remarks.get(0).sendKeys("开头只说“您好”，没有报公司名称");
			((JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[1]", b.find(By.id("rectify-by")),
					rectifyBy.toString());
			b.find(By.id("finding")).sendKeys("问候语必须报公司名称：重读服务用语问候部分");
			b.screenshot("quality-check-scoring");
			b.submit(By.id("score-submit"));
			noErrorPage(b);
			// 100 − 5 = 95
			assertThat(b.text(By.id("score"))).isEqualTo("95");
			assertThat(b.text(By.id("check-status"))).isEqualTo("待确认");
			assertThat(b.text(By.id("comments"))).contains("0:12").contains("没有报公司名称");
			assertThat(b.text(By.id("check-rectifications"))).contains("问候语必须报公司名称").contains(rectifyBy.toString());
			b.screenshot("quality-check-scored");
			b.go("/quality/rectifications");
			noErrorPage(b);
			assertThat(b.text(By.id("open-rectifications"))).contains("问候语必须报公司名称").contains(crew.agent().displayName());
			b.logout();

			// the agent sees the result and disputes it
			TicketFixtures.login(b, crew.agent().username());
			b.go("/quality/checks");
			noErrorPage(b);
			WebElement mine = b.find(By.cssSelector("#my-checks tbody tr"));
			assertThat(mine.getText()).contains("95").contains("待确认");
			b.submit(By.cssSelector("#my-checks tbody tr a.open"));
			noErrorPage(b);
			// an agent does not hear recordings (they are for leads), but reads the remarks
			assertThat(b.driver().findElements(By.id("recording"))).isEmpty();
			assertThat(b.text(By.id("comments"))).contains("0:12");
			b.find(By.id("dispute-text")).sendKeys("我说了“金鼎供热客服中心”，在 0:03，请复听。");
			b.screenshot("quality-check-agent");
			b.submit(By.id("dispute"));
			noErrorPage(b);
			assertThat(b.text(By.id("check-status"))).isEqualTo("申诉中");
			assertThat(b.text(By.id("dispute-reason"))).contains("请复听");
			b.logout();

			// the manager decides: revised to 100
			TicketFixtures.login(b, crew.manager().username());
			b.go("/quality/disputes");
			noErrorPage(b);
			WebElement row = b.find(By.xpath("//table[@id='disputes']//tr[contains(., '" + crew.agent().displayName() + "')]"));
			assertThat(row.getText()).contains("申诉中");
			b.screenshot("quality-disputes");
			row.findElement(By.cssSelector("a.open")).click();
			b.waitFor(d -> d.findElements(By.id("decide-form")).size() == 1);
			b.find(By.id("decision-revised")).click();
			b.find(By.id("revised-score")).sendKeys("100");
			b.find(By.id("decision-note")).sendKeys("复听录音，0:03 已报公司名称，改判满分");
			b.submit(By.id("decide"));
			noErrorPage(b);
			assertThat(b.text(By.id("check-status"))).isEqualTo("已裁定");
			assertThat(b.text(By.id("score"))).isEqualTo("100");
			assertThat(b.text(By.id("decision"))).isEqualTo("改判");
			b.screenshot("quality-check-decided");
			b.go("/quality");
			noErrorPage(b);
			b.screenshot("quality-hub");
		}
	}
}
