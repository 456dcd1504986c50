package org.heatdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager writes an article, another manager approves and publishes it from the queue, and an
 * agent types 暖气不热 on /knowledge, sees it among the hits as he types and opens it.
 */
@HeatDeskTest
class KnowledgeBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Test
	void aManagerWritesAnotherPublishesAndAnAgentFindsItByWhatTheCallerSaid() {
		TestStaff.Account writer = TestStaff.create(staff, "kbw", Role.MANAGER);
		TestStaff.Account approver = TestStaff.create(staff, "kba", Role.MANAGER);
		TestStaff.Account agent = TestStaff.create(staff, "kbg", Role.AGENT);
		String word = KnowledgeTestSupport.uniqueWord();
		String title = "暖气不热：" + word + "小区二期供暖说明";
		long id;
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login(writer.username(), TestStaff.PASSWORD).go("/knowledge/new");
			b.find(By.id("slug")).sendKeys("b-" + word);
			b.find(By.id("title")).sendKeys(title);
			b.find(By.id("category")).sendKeys("户内采暖");
			b.find(By.id("tags")).sendKeys("暖气不热,二期");
			b.find(By.id("body")).sendKeys("<p>二期管网改造后，暖气不热的用户请先检查进户阀门是否全开。</p><script>alert(1)</script>");
			b.screenshot("knowledge-editor");
			b.submit(By.id("knowledge-save"));
			assertNoErrorPage(b);
			String url = b.driver().getCurrentUrl();
			assertThat(url).contains("/knowledge/articles/").contains("version=1");
			id = Long.parseLong(url.replaceAll(".*/knowledge/articles/(\\d+).*", "$1"));
			assertThat(b.text(By.cssSelector("#knowledge-article h1"))).isEqualTo(title);
			assertThat(b.find(By.id("knowledge-article")).getAttribute("data-status")).isEqualTo("DRAFT");
			// his own draft: no approve button for him
			assertThat(b.driver().findElements(By.id("knowledge-approve"))).isEmpty();
			b.logout();

			b.login(approver.username(), TestStaff.PASSWORD).go("/knowledge/queue");
			assertNoErrorPage(b);
			WebElement row = b.find(By.cssSelector("#knowledge-queue-table tr[data-article='" + id + "']"));
			assertThat(row.getText()).contains(title, writer.displayName());
			b.submit(By.cssSelector("tr[data-article='" + id + "'] form[action*='/approve'] button"));
			assertThat(b.text(By.cssSelector(".alert-ok"))).contains("已审核通过");
			b.submit(By.cssSelector("tr[data-article='" + id + "'] form[action*='/publish'] button"));
			assertThat(b.text(By.cssSelector(".alert-ok"))).contains("已发布");
			b.go("/knowledge/articles/" + id);
			assertThat(b.find(By.id("knowledge-article")).getAttribute("data-status")).isEqualTo("PUBLISHED");
			assertThat(b.text(By.id("knowledge-history"))).contains("v1", approver.displayName(), writer.displayName());
			b.logout();

			b.login(agent.username(), TestStaff.PASSWORD).go("/knowledge");
			assertNoErrorPage(b);
			// the categories and the list of articles before anything is typed
			assertThat(b.driver().findElements(By.cssSelector(".knowledge-list tbody tr")).size()).isGreaterThanOrEqualTo(40);
			b.find(By.id("knowledge-q")).sendKeys("暖气不热");
			WebElement hit = b.find(By.cssSelector(".knowledge-hit[data-article='" + id + "']"));
			List<WebElement> hits = b.driver().findElements(By.cssSelector(".knowledge-hit"));
			assertThat(hits.size()).isGreaterThan(1);
			assertThat(hit.getText()).contains(title);
			assertThat(hit.findElement(By.cssSelector(".knowledge-snippet")).getText()).contains("【暖气不热】");
			b.screenshot("knowledge-search");
			WebElement page = b.driver().findElement(By.tagName("html"));
			hit.findElement(By.cssSelector("a.knowledge-hit-title")).click();
			b.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
			assertNoErrorPage(b);
			assertThat(b.text(By.cssSelector("#knowledge-article h1"))).isEqualTo(title);
			assertThat(b.text(By.cssSelector(".knowledge-body"))).contains("进户阀门是否全开").doesNotContain("alert");
			// agents read the published version without the history or the editor
			assertThat(b.driver().findElements(By.id("knowledge-history"))).isEmpty();
			assertThat(b.driver().findElements(By.id("knowledge-edit"))).isEmpty();
			b.screenshot("knowledge-article");
			// and the seeded article that answers the same words, with its rows of steps
			b.go("/knowledge?q=" + java.net.URLEncoder.encode("俺家暖气咋不热乎", java.nio.charset.StandardCharsets.UTF_8));
			assertThat(b.driver().findElements(By.cssSelector(".knowledge-hit")).size()).isGreaterThanOrEqualTo(3);
		}
	}

	static void assertNoErrorPage(Browser browser) {
		assertThat(browser.driver().getTitle()).doesNotContain("出错了");
		assertThat(browser.driver().findElements(By.xpath("//h1[starts-with(normalize-space(.), '错误')]"))).isEmpty();
	}
}
