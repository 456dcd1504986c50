package org.heatdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.customer.CustomerTestSupport.as;

import java.util.List;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageView;
import org.heatdesk.network.SubstationView;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent finds a caller by phone, sees the substation's fault and the outage on the customer page,
 * reveals the phone with a reason; the auditor then sees that in the access log.
 */
@HeatDeskTest
class CustomerPagesBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	CustomerRecords records;

	@Autowired
	Network network;

	@Test
	void agentFindsCallerSeesOutageRevealsPhoneAndAuditorSeesIt() {
		// A customer of a community served by the substation with the demo fault outage.
		OutageView fault = network.activeOutages().stream().filter(o -> o.kind().name().equals("FAULT")).findFirst().orElseThrow();
		SubstationView substation = network.substation(fault.substationIds().get(0)).orElseThrow();
		long community = network.communitiesServedBy(substation.id()).get(0).id();
		int n = CustomerTestSupport.next();
		String mobile = CustomerTestSupport.uniqueMobile(n);
		String account = "B" + String.format("%06d", n);
		CustomerView customer = as("manager", () -> records.create(new CustomerInput(account, "林晓燕", mobile, null, community, null,
				"12", "3", "602", "92.4", null, null, null, null)), Role.MANAGER);

		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login("agent", "heatdesk2026").go("/customers");
			WebElement box = browser.find(By.id("q"));
			box.sendKeys(mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7));
			browser.waitFor(d -> d.findElement(By.cssSelector("#results tbody tr.selected")).getText().contains(account));
			List<WebElement> rows = browser.driver().findElements(By.cssSelector("#results tbody tr"));
			assertThat(rows).hasSize(1);
			assertThat(rows.get(0).getText()).contains("林晓燕").contains("199****" + mobile.substring(7)).doesNotContain(mobile);
			browser.screenshot("customer-search-by-phone");

			box.sendKeys(Keys.ENTER);
			browser.waitFor(d -> d.getCurrentUrl().endsWith("/customers/" + customer.id()));
			String state = browser.text(By.cssSelector(".customer-side .netstate"));
			assertThat(state).contains(substation.code()).contains(fault.title());
			assertThat(browser.find(By.cssSelector(".netstate-head .badge")).getAttribute("class")).contains("bad");
			assertThat(browser.text(By.cssSelector(".customer-card"))).contains(account).contains("林晓燕")
				.contains("199****" + mobile.substring(7)).doesNotContain(mobile);
			browser.screenshot("customer-page-fault-outage");

			browser.find(By.id("reveal-reason")).sendKeys("用户来电要求回拨");
			browser.find(By.cssSelector("form.reveal button")).click();
			browser.waitFor(d -> d.findElement(By.cssSelector("#phones .phone.revealed")).getText()
				.equals(mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7)));
			browser.screenshot("customer-page-phone-revealed");

			browser.logout();
			browser.login("auditor", "heatdesk2026").go("/customers/access-log?accountNo=" + account);
			List<WebElement> entries = browser.waitFor(d -> {
				var found = d.findElements(By.cssSelector("table.access-log tbody tr"));
				return found.size() >= 2 ? found : null;
			});
			assertThat(entries.get(0).getText()).contains("agent").contains(account).contains("用户来电要求回拨");
			assertThat(entries.get(1).getText()).contains("agent").contains(account);
			browser.screenshot("customer-access-log-auditor");
		}
	}
}
