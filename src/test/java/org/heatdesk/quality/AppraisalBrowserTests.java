package org.heatdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The appraisal pages on the demo's people, looked at: the lead's month of his team (rows with the
 * computed lines), the formula's versions, the people section of the quality hub.
 */
@HeatDeskTest
class AppraisalBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Test
	void theLeadSeesHisTeamsMonthAndTheFormula() {
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login("lead", "heatdesk2026");
			b.go("/people/appraisals");
			assertThat(b.find(By.id("appraisal-list")).findElements(By.cssSelector("tbody tr"))).isNotEmpty();
			assertThat(b.text(By.id("appraisal-list"))).contains("王丽");
			assertThat(b.driver().getTitle()).doesNotContain("出错");
			b.screenshot("people-appraisals-lead");
			b.go("/people/appraisals/formula");
			assertThat(b.find(By.id("formula-versions")).findElements(By.cssSelector("tbody tr"))).isNotEmpty();
			b.screenshot("people-appraisal-formula");
			b.go("/quality");
			assertThat(b.text(By.id("people-links"))).contains("月度考核").contains("处分").contains("举报违规");
			b.screenshot("quality-hub-people");
		}
	}
}
