package org.heatdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Articles from draft to published: the writer cannot approve his own draft, agents and search see
 * only the published version, every version stays readable, an expired article leaves search, and
 * a body's script is removed when it is written.
 */
@HeatDeskTest
class ArticlesIntegrationTests {

	@Autowired
	Articles articles;

	@Autowired
	KnowledgeSearch search;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDraftIsPublishedOnlyAfterAnotherManagerApprovesItAndEveryVersionStaysReadable() {
		Actor writer = KnowledgeTestSupport.person(staff, "kmw", Role.MANAGER);
		Actor approver = KnowledgeTestSupport.person(staff, "kma", Role.MANAGER);
		String word = KnowledgeTestSupport.uniqueWord();
		long id = articles.create(writer, KnowledgeTestSupport.draft("t-" + word, "测试文章 " + word, "<p>第一版：" + word + " 说明</p>"));

		// a draft: not for agents, not in search
		assertThat(articles.published(id)).isEmpty();
		assertThat(search.search(word, 5)).isEmpty();
		assertRefused(() -> articles.approve(writer, id, 1), "KNOWLEDGE_OWN_DRAFT");
		assertRefused(() -> articles.publish(approver, id, 1), "KNOWLEDGE_NOT_APPROVED");
		articles.approve(approver, id, 1);
		// approved but not yet published: still unseen
		assertThat(articles.published(id)).isEmpty();
		articles.publish(approver, id, 1);
		ArticleView v1 = articles.published(id).orElseThrow();
		assertThat(v1.version()).isEqualTo(1);
		assertThat(v1.writtenBy()).isEqualTo(writer.name());
		assertThat(v1.approvedBy()).isEqualTo(approver.name());
		assertThat(v1.publishedBy()).isEqualTo(approver.name());
		assertThat(search.search(word, 5)).extracting(ArticleHit::id).containsExactly(id);
		assertThat(search.search(word, 5).get(0).snippet()).contains("【" + word + "】");

		// a second version: the first stays published until the second is
		int two = articles.revise(writer, id, KnowledgeTestSupport.draft(null, "测试文章 " + word, "<p>第二版：" + word + " 新说明</p>"));
		assertThat(two).isEqualTo(2);
		assertThat(articles.published(id).orElseThrow().body()).contains("第一版");
		articles.approve(approver, id, 2);
		articles.publish(approver, id, 2);
		assertThat(articles.published(id).orElseThrow().body()).contains("第二版");
		assertThat(articles.versions(id)).extracting(ArticleView::version, ArticleView::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "PUBLISHED"), org.assertj.core.groups.Tuple.tuple(1, "SUPERSEDED"));
		ArticleView old = articles.version(id, 1).orElseThrow();
		assertThat(old.body()).contains("第一版");
		assertThat(old.publishedBy()).isEqualTo(approver.name());
		assertThat(search.search(word, 5).get(0).snippet()).contains("第二版");

		// the audit trail has each step, by whom
		assertThat(jdbc.sql("""
				select action || ':' || actor from platform_audit_event
				where entity_type = 'knowledge_article' and entity_id = ? order by id""")
			.param(String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("KNOWLEDGE_DRAFT_WRITTEN:" + writer.name(), "KNOWLEDGE_APPROVED:" + approver.name(),
					"KNOWLEDGE_PUBLISHED:" + approver.name(), "KNOWLEDGE_DRAFT_WRITTEN:" + writer.name(),
					"KNOWLEDGE_APPROVED:" + approver.name(), "KNOWLEDGE_PUBLISHED:" + approver.name());
	}

	@Test
	void aTeamLeadWritesDraftsButOnlyAManagerApprovesAndAnAgentDoesNeither() {
		Actor lead = KnowledgeTestSupport.person(staff, "kml", Role.TEAM_LEAD, Role.AGENT);
		Actor agent = KnowledgeTestSupport.person(staff, "kmg", Role.AGENT);
		String word = KnowledgeTestSupport.uniqueWord();
		assertRefused(() -> articles.create(agent, KnowledgeTestSupport.draft("a-" + word, "标题", "<p>正文</p>")),
				"KNOWLEDGE_NOT_WRITER");
		long id = articles.create(lead, KnowledgeTestSupport.draft("l-" + word, "班长写的 " + word, "<p>正文 " + word + "</p>"));
		assertRefused(() -> articles.approve(lead, id, 1), "KNOWLEDGE_NOT_APPROVER");
		assertRefused(() -> articles.approve(agent, id, 1), "KNOWLEDGE_NOT_APPROVER");
		Actor manager = KnowledgeTestSupport.person(staff, "kmm", Role.MANAGER);
		articles.approve(manager, id, 1);
		assertRefused(() -> articles.approve(manager, id, 1), "KNOWLEDGE_NOT_DRAFT");
	}

	@Test
	void anExpiredArticleLeavesSearchButItsTextStaysReadable() {
		Actor writer = KnowledgeTestSupport.person(staff, "kew", Role.MANAGER);
		Actor approver = KnowledgeTestSupport.person(staff, "kea", Role.MANAGER);
		String word = KnowledgeTestSupport.uniqueWord();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long id = articles.create(writer, new Articles.Draft("e-" + word, "本季缴费通知 " + word, "<p>" + word + " 今年的缴费通知</p>",
				"缴费", "通知", today.minusDays(30), today.plusDays(30)));
		articles.approve(approver, id, 1);
		articles.publish(approver, id, 1);
		assertThat(search.search(word, 5)).extracting(ArticleHit::id).containsExactly(id);
		// the notice's season ended yesterday
		articles.revise(writer, id, new Articles.Draft(null, "本季缴费通知 " + word, "<p>" + word + " 今年的缴费通知</p>", "缴费", "通知",
				today.minusDays(30), today.minusDays(1)));
		articles.approve(approver, id, 2);
		articles.publish(approver, id, 2);
		assertThat(search.search(word, 5)).isEmpty();
		ArticleView shown = articles.published(id).orElseThrow();
		assertThat(shown.expired()).isTrue();
		// and one that applies only from tomorrow is not found yet either
		String later = KnowledgeTestSupport.uniqueWord();
		long next = articles.create(writer, new Articles.Draft("n-" + later, "下季通知 " + later, "<p>" + later + "</p>", "缴费", "",
				today.plusDays(1), null));
		articles.approve(approver, next, 1);
		articles.publish(approver, next, 1);
		assertThat(search.search(later, 5)).isEmpty();
	}

	@Test
	void scriptAndEventHandlersAreRemovedFromABodyBeforeItIsStored() {
		Actor writer = KnowledgeTestSupport.person(staff, "ksw", Role.MANAGER);
		String word = KnowledgeTestSupport.uniqueWord();
		long id = articles.create(writer, KnowledgeTestSupport.draft("s-" + word, "带脚本的正文 " + word, """
				<h2>放气步骤</h2><script>alert('x')</script>
				<p onclick="steal()" style="color:red">拧开<strong>放气阀</strong></p>
				<a href="javascript:alert(1)">点我</a> <a href="https://www.shandong.gov.cn/" onmouseover="x()">条例</a>
				<iframe src="https://evil.example/"></iframe><img src=x onerror="alert(1)">
				<table><tr><td>18℃</td></tr></table><ul><li>一</li></ul>"""));
		String stored = jdbc.sql("select body from knowledge_article_version where article_id = ? and version = 1").param(id)
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("<script", "alert(", "onclick", "steal", "onmouseover", "javascript:", "<iframe",
				"onerror", "style=");
		assertThat(stored).contains("<h2>放气步骤</h2>", "<p>拧开<strong>放气阀</strong></p>", "<table>", "<td>18℃</td>",
				"<li>一</li>", "href=\"https://www.shandong.gov.cn/\"", "点我");
	}

	@Test
	void aBadDraftIsRefusedAndNothingIsStored() {
		Actor writer = KnowledgeTestSupport.person(staff, "kbw", Role.MANAGER);
		long before = jdbc.sql("select count(*) from knowledge_article").query(Long.class).single();
		String w = KnowledgeTestSupport.uniqueWord();
		assertRefused(() -> articles.create(writer, KnowledgeTestSupport.draft("Bad Slug", "t", "<p>b</p>")), "KNOWLEDGE_SLUG");
		assertRefused(() -> articles.create(writer, KnowledgeTestSupport.draft("b-" + w, " ", "<p>b</p>")), "REQUIRED");
		assertRefused(() -> articles.create(writer, KnowledgeTestSupport.draft("b-" + w, "t", "<script>only()</script>")),
				"REQUIRED");
		assertRefused(() -> articles.create(writer, KnowledgeTestSupport.draft("b-" + w, "t\u0000", "<p>b</p>")),
				"TEXT_CONTROL_CHARACTER");
		assertRefused(() -> articles.create(writer, KnowledgeTestSupport.draft("b-" + w, "长".repeat(201), "<p>b</p>")), "TOO_LONG");
		assertRefused(() -> articles.create(writer, new Articles.Draft("b-" + w, "t", "<p>b</p>", "c", "", LocalDate.of(2026, 12, 1),
				LocalDate.of(2026, 11, 1))), "KNOWLEDGE_VALID_RANGE");
		assertRefused(() -> articles.create(writer, KnowledgeTestSupport.draft("heating-season", "t", "<p>b</p>")),
				"KNOWLEDGE_SLUG_TAKEN");
		// the draft is written in the same statement batch as the article: a refusal leaves neither
		assertThat(jdbc.sql("select count(*) from knowledge_article where slug like ?").param("%" + w).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from knowledge_article").query(Long.class).single()).isGreaterThanOrEqualTo(before);
	}

	static void assertRefused(Runnable action, String code) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(HeatDeskException.class,
				e -> assertThat(e.code()).isEqualTo(code));
	}
}
