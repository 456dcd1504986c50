package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lead's navigation (the longest) stays on one line on the desks people have, and every
 * shortcut hint shown does what it says on that page: Alt+N on the customer search is a new
 * customer, not the ticket intake of the navigation.
 */
@HeatDeskTest
class NavigationBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Test
	void theLeadsNavigationFitsOnOneLineAt1440And1366() {
		for (Dimension size : List.of(new Dimension(1440, 900), Browser.DESK)) {
			try (Browser b = browsers.open(port, size)) {
				b.login("lead", "heatdesk2026");
				assertThat(b.driver().findElements(By.cssSelector("main a.tile"))).hasSizeGreaterThan(8);
				JavascriptExecutor js = (JavascriptExecutor) b.driver();
				@SuppressWarnings("unchecked")
				// the entries of the bar and its 更多 (the settings and maintenance pages, in a menu below it)
				List<Number> tops = (List<Number>) js.executeScript(
						"return Array.from(document.querySelectorAll('.mainnav > a, .mainnav > details > summary'))"
						+ ".map(function (a) { return a.getBoundingClientRect().top; });");
				assertThat(tops).hasSizeGreaterThan(8);
				assertThat(tops.stream().map(Number::intValue).distinct()).as("rows of the navigation at %s", size).hasSize(1);
				assertThat(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
				b.screenshot("home-lead-" + size.getWidth() + "x" + size.getHeight());
				// the lead's maintenance pages are one click away under 更多, and lead where they say
				b.find(By.cssSelector(".mainnav .navmore summary")).click();
				org.openqa.selenium.WebElement outbox = b.find(By.cssSelector(".navmore-menu a[href$='/admin/outbox']"));
				assertThat(outbox.isDisplayed()).isTrue();
				assertThat(b.driver().findElements(By.cssSelector(".navmore-menu a")).stream().map(org.openqa.selenium.WebElement::getText))
					.anySatisfy(t -> assertThat(t).contains("短信模板"))
					.anySatisfy(t -> assertThat(t).contains("服务用语"));
				b.screenshot("home-lead-more-" + size.getWidth());
				outbox.click();
				b.waitFor(d -> d.getCurrentUrl().endsWith("/admin/outbox"));
				assertThat(b.find(By.cssSelector(".mainnav .navmore summary")).getAttribute("class")).contains("current");
			}
		}
	}

	@Test
	void everyShortcutHintShownDoesWhatItSays() {
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login("lead", "heatdesk2026");
			for (String page : List.of("/", "/customers", "/tickets/new", "/desk", "/tickets/mine", "/network", "/calls")) {
				b.go(page);
				b.find(By.tagName("main"));
				assertThat(b.driver().getTitle()).as(page).doesNotContain("错误");
				Map<String, String> shown = new HashMap<>();
				for (List<Object> hint : hints(b)) {
					// a key hinted twice must lead to one place (the home card and the navigation entry of a page);
					// two different actions under one key would do only one of them
					String key = ((String) hint.get(0)).replace("Alt+", "").strip().toLowerCase();
					String action = (String) hint.get(1);
					String before = shown.put(key, action);
					assertThat(before == null || before.equals(action)).as("Alt+%s on %s means %s and %s", key, page, before, action)
						.isTrue();
					assertThat(((Number) hint.get(2)).intValue()).as("Alt+%s on %s is hinted but bound to nothing", key, page)
						.isPositive();
				}
			}

			b.go("/customers");
			assertThat(b.find(By.cssSelector("a[href='/customers/new'] kbd")).getText()).isEqualTo("Alt+N");
			// the navigation's Alt+N (ticket intake) gives way on this page, and its hint is not shown
			assertThat(b.find(By.cssSelector(".mainnav a[href='/tickets/new'] kbd")).isDisplayed()).isFalse();
			new Actions(b.driver()).keyDown(Keys.ALT).sendKeys("n").keyUp(Keys.ALT).perform();
			b.waitFor(d -> d.getCurrentUrl().endsWith("/customers/new"));
			assertThat(b.text(By.tagName("h1"))).doesNotContain("工单");
			b.screenshot("customer-new-by-alt-n");

			// elsewhere Alt+N still opens the ticket intake
			b.go("/tickets/mine");
			new Actions(b.driver()).keyDown(Keys.ALT).sendKeys("n").keyUp(Keys.ALT).perform();
			b.waitFor(d -> d.getCurrentUrl().endsWith("/tickets/new"));
		}
	}

	/**
	 * Every shortcut hint shown on the page, read in one script rather than five driver calls a hint:
	 * its visible text, what it does (the link it sits in, else its parent's visible text) and how many
	 * elements carry its {@code data-shortcut}. Shown and visible text as WebDriver judges them: laid out,
	 * not hidden, not transparent; {@code innerText} leaves out what CSS hides, as {@code getText} does.
	 */
	@SuppressWarnings("unchecked")
	private static List<List<Object>> hints(Browser b) {
		return (List<List<Object>>) ((JavascriptExecutor) b.driver()).executeScript("""
				function shown(e) {
				  if (!e.getClientRects().length) { return false; }
				  for (var x = e; x; x = x.parentElement) {
				    var s = getComputedStyle(x);
				    if (s.visibility === 'hidden' || s.opacity === '0') { return false; }
				  }
				  return true;
				}
				var out = [];
				document.querySelectorAll('kbd').forEach(function (k) {
				  var text = k.innerText.trim();
				  if (!shown(k) || !text) { return; }
				  var key = text.replace('Alt+', '').trim().toLowerCase();
				  var link = k.closest('a');
				  var action = link ? link.href : k.parentElement.innerText.trim();
				  out.push([text, action, document.querySelectorAll('[data-shortcut="' + key + '"]').length]);
				});
				return out;""");
	}
}
