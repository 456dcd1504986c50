package org.heatdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.awaitility.Awaitility;
import org.heatdesk.HeatDeskApplication;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application contexts on one database, as two nodes: an article published on either is found
 * by search on the other (each node follows {@code knowledge_change}), and a withdrawn version is
 * replaced there too.
 */
@HeatDeskTest
class KnowledgeTwoNodesIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	Articles articles;

	@Autowired
	KnowledgeSearch search;

	@Autowired
	Staff staff;

	@Test
	void anArticlePublishedOnOneNodeIsFoundOnTheOther() {
		Actor writer = KnowledgeTestSupport.person(staff, "k2w", Role.MANAGER);
		Actor approver = KnowledgeTestSupport.person(staff, "k2a", Role.MANAGER);
		String url = ((HikariDataSource) dataSource).getJdbcUrl();
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(HeatDeskApplication.class).run(
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--server.port=0",
				"--heatdesk.knowledge.refresh-interval=300ms")) {
			KnowledgeSearch otherSearch = other.getBean(KnowledgeSearch.class);
			Articles otherArticles = other.getBean(Articles.class);

			// published here, found there
			String here = KnowledgeTestSupport.uniqueWord();
			long a = articles.create(writer, KnowledgeTestSupport.draft("h-" + here, "本节点发布 " + here, "<p>" + here + "</p>"));
			articles.approve(approver, a, 1);
			assertThat(otherSearch.search(here, 5)).as("a draft approved but not published").isEmpty();
			articles.publish(approver, a, 1);
			Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> assertThat(otherSearch.search(here, 5)).extracting(ArticleHit::id).containsExactly(a));

			// published there, found here
			String there = KnowledgeTestSupport.uniqueWord();
			long b = otherArticles.create(writer, KnowledgeTestSupport.draft("o-" + there, "另一节点发布 " + there, "<p>" + there + "</p>"));
			otherArticles.approve(approver, b, 1);
			otherArticles.publish(approver, b, 1);
			Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> assertThat(search.search(there, 5)).extracting(ArticleHit::id).containsExactly(b));

			// a new version published here replaces the old text there: the old word no longer finds it
			String renamed = KnowledgeTestSupport.uniqueWord();
			articles.revise(writer, a, KnowledgeTestSupport.draft(null, "本节点改版 " + renamed, "<p>" + renamed + "</p>"));
			articles.approve(approver, a, 2);
			articles.publish(approver, a, 2);
			Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
				assertThat(otherSearch.search(renamed, 5)).extracting(ArticleHit::id).containsExactly(a);
				assertThat(otherSearch.search(here, 5)).isEmpty();
			});
		}
	}
}
