package org.heatdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.knowledge.ArticlesIntegrationTests.assertRefused;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The synonym list: a group finds each other's articles at once; a word in two groups is refused as a loop. */
@HeatDeskTest
class SynonymsIntegrationTests {

	@Autowired
	Synonyms synonyms;

	@Autowired
	Articles articles;

	@Autowired
	KnowledgeSearch search;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewGroupFindsAnArticleByAWordItDoesNotHold() {
		Actor m1 = KnowledgeTestSupport.person(staff, "ksa", Role.MANAGER);
		Actor m2 = KnowledgeTestSupport.person(staff, "ksb", Role.MANAGER);
		String said = KnowledgeTestSupport.uniqueWord();
		String written = KnowledgeTestSupport.uniqueWord();
		long id = articles.create(m1, KnowledgeTestSupport.draft("y-" + written, "同义词测试", "<p>正文只写 " + written + "</p>"));
		articles.approve(m2, id, 1);
		articles.publish(m2, id, 1);
		assertThat(search.search(said, 5)).isEmpty();
		synonyms.add(m1, "SYNONYM", said + " / " + written);
		assertThat(search.search(said, 5)).extracting(ArticleHit::id).containsExactly(id);
	}

	@Test
	void aWordAlreadyInAnotherGroupIsRefusedAsALoopAndNothingIsStored() {
		Actor m = KnowledgeTestSupport.person(staff, "ksl", Role.MANAGER);
		String a = KnowledgeTestSupport.uniqueWord();
		String b = KnowledgeTestSupport.uniqueWord();
		String c = KnowledgeTestSupport.uniqueWord();
		synonyms.add(m, "SYNONYM", a + "," + b);
		long words = jdbc.sql("select count(*) from knowledge_synonym_word").query(Long.class).single();
		long groups = jdbc.sql("select count(*) from knowledge_synonym_group").query(Long.class).single();
		// b = c would join the groups: a = b = c, and back
		assertRefused(() -> synonyms.add(m, "SYNONYM", b + "，" + c), "KNOWLEDGE_SYNONYM_LOOP");
		// the seeded 暖气 / 供暖 / 采暖 group already holds 暖气, whatever its case or spacing
		assertRefused(() -> synonyms.add(m, "SYNONYM", " 暖气 、" + c), "KNOWLEDGE_SYNONYM_LOOP");
		assertRefused(() -> synonyms.add(m, "SYNONYM", c + " " + c.toUpperCase()), "KNOWLEDGE_SYNONYM_FEW");
		assertRefused(() -> synonyms.add(m, "SYNONYM", c + ",<b>"), "KNOWLEDGE_SYNONYM_WORD");
		assertRefused(() -> synonyms.add(m, "OTHER", c + "," + a + "x"), "KNOWLEDGE_SYNONYM_KIND");
		Actor agent = KnowledgeTestSupport.person(staff, "ksg", Role.AGENT);
		assertRefused(() -> synonyms.add(agent, "SYNONYM", c + "," + a + "x"), "KNOWLEDGE_NOT_MANAGER");
		assertThat(jdbc.sql("select count(*) from knowledge_synonym_word").query(Long.class).single()).isEqualTo(words);
		assertThat(jdbc.sql("select count(*) from knowledge_synonym_group").query(Long.class).single()).isEqualTo(groups);
	}
}
