package org.heatdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On the intake page the agent types 暖气不热: the knowledge panel shows the article on cold
 * radiators; she marks it as the answer and records the inquiry as answered in the call; the
 * ticket page names the article, and it was counted once.
 */
@HeatDeskTest
class KnowledgePanelBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Autowired
	AnsweredMarks marks;

	@Test
	void typing暖气不热OnTheIntakeFormFindsTheArticleAndItsMarkReachesTheTicket() {
		TestStaff.Account agent = TestStaff.create(staff, "kbin", Role.AGENT);
		String phone = String.format("196%08d", System.nanoTime() % 100_000_000L);
		long customerId = customer("周建国", phone);
		long article = jdbc.sql("select id from knowledge_article where slug = 'radiator-not-warm'").query(Long.class).single();
		String title = jdbc.sql("""
				select v.title from knowledge_article a join knowledge_article_version v
				  on v.article_id = a.id and v.version = a.published_version where a.id = ?""").param(article)
			.query(String.class).single();
		int before = jdbc.sql("select answered_count from knowledge_article where id = ?").param(article).query(Integer.class).single();

		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login(agent.username(), TestStaff.PASSWORD).go("/tickets/new?customerId=" + customerId);
			new Select(b.find(By.id("type"))).selectByValue("INQUIRY");
			b.find(By.id("description")).sendKeys("暖气不热");
			// the article on cold radiators is among the first three hits
			b.waitFor(d -> d.findElements(By.cssSelector("#kb-panel .kb-hit")).size() > 0);
			assertThat(b.driver().findElements(By.cssSelector("#kb-panel .kb-hit")).stream().limit(3)
				.map(e -> e.getAttribute("data-kb-article"))).contains(String.valueOf(article));
			assertThat(b.text(By.id("kb-panel"))).contains(title);
			// "open" goes to the article in a new tab
			assertThat(b.find(By.cssSelector("#kb-panel .kb-hit[data-kb-article='" + article + "'] .kb-open"))
				.getAttribute("target")).isEqualTo("_blank");
			assertThat(((JavascriptExecutor) b.driver())
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
			b.screenshot("ticket-intake-knowledge-panel");

			b.find(By.cssSelector("#kb-panel .kb-mark[data-article-id='" + article + "']")).click();
			b.waitFor(d -> d.findElement(By.cssSelector("#kb-panel .kb-mark[data-article-id='" + article + "']")).isEnabled() == false);
			b.find(By.id("answer")).sendKeys("暖气片先排气，阀门全开；仍不热请报修。");
			b.submit(By.cssSelector("button[name=mode][value=answer]"));
			String ticketNo = b.text(By.cssSelector("h1 .num"));
			b.waitFor(d -> "true".equals(d.findElement(By.id("kb-used")).getAttribute("data-loaded")));
			assertThat(b.text(By.id("kb-used"))).contains(title);
			b.screenshot("ticket-knowledge-used");
			assertThat(jdbc.sql("select marked_by from knowledge_answered where article_id = ? and ticket_no = ?")
				.param(article).param(ticketNo).query(String.class).list()).containsExactly(agent.username());
		}
		// other tests may mark the same seeded article meanwhile: at least this one mark was counted
		int after = jdbc.sql("select answered_count from knowledge_article where id = ?").param(article).query(Integer.class).single();
		assertThat(after).isGreaterThanOrEqualTo(before + 1);
	}

	@Test
	void aLeadDraftsAPhraseAndAnotherManagerApprovesIt() {
		TestStaff.Account lead = TestStaff.create(staff, "kbl", Role.TEAM_LEAD, Role.AGENT);
		TestStaff.Account manager = TestStaff.create(staff, "kbm", Role.MANAGER);
		long phrase = jdbc.sql("""
				select p.id from knowledge_phrase p join knowledge_phrase_version v on v.phrase_id = p.id
				where v.text = '请您稍等，我马上为您查询。' and v.status = 'APPROVED' order by p.id limit 1""").query(Long.class).single();
		String words = "请您稍等，我马上为您查询，大约一分钟。" + System.nanoTime() % 1000;
		try (Browser b = browsers.open(port, Browser.DESK)) {
			b.login(lead.username(), TestStaff.PASSWORD).go("/knowledge/phrases/manage");
			assertThat(b.driver().findElements(By.cssSelector(".phrase-table tbody tr"))).hasSizeGreaterThanOrEqualTo(20);
			b.find(By.cssSelector("#phrase-" + phrase + " summary")).click();
			var text = b.find(By.cssSelector("#phrase-" + phrase + " textarea[name=text]"));
			text.clear();
			text.sendKeys(words);
			b.submit(By.cssSelector("#phrase-" + phrase + " form button[type=submit]"));
			assertThat(b.text(By.cssSelector("#phrase-" + phrase + " .phrase-draft"))).contains(words);
			b.screenshot("knowledge-phrases-draft");
			b.logout();
			b.login(manager.username(), TestStaff.PASSWORD).go("/knowledge/phrases/manage");
			b.submit(By.cssSelector("#phrase-" + phrase + " .phrase-decide button.primary"));
			assertThat(b.text(By.cssSelector("#phrase-" + phrase + " .phrase-approved"))).isEqualTo(words);
			b.go("/knowledge/phrases/" + phrase);
			assertThat(b.driver().findElements(By.cssSelector("#phrase-versions tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
			b.screenshot("knowledge-phrase-versions");
			// a mark of this test's own, so the managers' counts have at least this row
			long article = jdbc.sql("select id from knowledge_article where slug = 'radiator-not-warm'").query(Long.class).single();
			marks.mark(article, null, 700_000_000L + System.nanoTime() % 1_000_000L,
					org.heatdesk.platform.Actor.person(lead.username(), lead.displayName()));
			b.go("/knowledge/answered");
			assertThat(b.find(By.cssSelector("#answered-counts tr[data-article-id='" + article + "']")).getText()).contains("暖气不热");
			b.screenshot("knowledge-answered-counts");
		}
	}

	private long customer(String name, String phone) {
		long community = jdbc.sql("select min(id) from network_community").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		long id = jdbc.sql("""
				insert into customer (account_no, name, community_id, building, unit, room, heated_area, heating_status,
				                      created_at, updated_at)
				values (?, ?, ?, '7', '2', ?, 90, 'HEATING', ?, ?) returning id""")
			.params("K" + System.nanoTime() % 1_000_000_000_000L, name, community, phone.substring(7), now, now)
			.query(Long.class)
			.single();
		jdbc.sql("insert into customer_phone (customer_id, position, phone, last4, community_id) values (?, 0, ?, ?, ?)")
			.params(id, phone, phone.substring(phone.length() - 4), community)
			.update();
		return id;
	}
}
