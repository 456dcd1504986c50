package org.heatdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.PageSession;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "This answered the caller": the count goes up once per ticket (or contact), the mark is kept
 * with who and when, and a bad request is refused in the caller's language with nothing written.
 */
@HeatDeskTest
class AnsweredMarksIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	/** A published article of this test's own, written as the articles' tables hold one. */
	static long publishedArticle(JdbcClient jdbc, String title, String body) {
		String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
		long id = jdbc.sql("insert into knowledge_article (slug, published_version, created_by) values (?, 1, 'test') returning id")
			.param(slug).query(Long.class).single();
		jdbc.sql("""
				insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by,
				    written_at, approved_by, approved_at, published_by, published_at)
				values (?, 1, ?, ?, '测试', '', 'PUBLISHED', 'system', now(), 'system', now(), 'system', now())""")
			.param(id).param(title).param(body).update();
		jdbc.sql("insert into knowledge_change (article_id, what) values (?, 'PUBLISHED')").param(id).update();
		return id;
	}

	private HttpResponse<String> mark(String username, long article, String body, String language) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/knowledge/articles/" + article + "/answered"))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((username + ":" + TestStaff.PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.header("Accept-Language", language)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private int count(long article) {
		return jdbc.sql("select answered_count from knowledge_article where id = ?").param(article).query(Integer.class).single();
	}

	private long rows(long article) {
		return jdbc.sql("select count(*) from knowledge_answered where article_id = ?").param(article).query(Long.class).single();
	}

	@Test
	void aTicketCountsOnceAndTheMarkIsKept() throws Exception {
		TestStaff.Account agent = TestStaff.create(staff, "ans", Role.AGENT);
		long article = publishedArticle(jdbc, "测试条目 暖气忽冷忽热", "先排气，再查阀门。");
		String ticket = "GR20261130-" + (9000 + System.nanoTime() % 999);

		HttpResponse<String> first = mark(agent.username(), article, "{\"ticketNo\":\"" + ticket + "\"}", "zh-CN");
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode answer = JSON.readTree(first.body());
		// a new article starts at 0: one mark makes 1
		assertThat(answer.path("answeredCount").asInt()).isEqualTo(1);
		assertThat(answer.path("counted").asBoolean()).isTrue();
		assertThat(count(article)).isEqualTo(1);
		assertThat(jdbc.sql("select marked_by || '/' || ticket_no from knowledge_answered where article_id = ?").param(article)
			.query(String.class).list()).containsExactly(agent.username() + "/" + ticket);

		// the same ticket again: no second count, no second row
		HttpResponse<String> again = mark(agent.username(), article, "{\"ticketNo\":\"" + ticket + "\"}", "zh-CN");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(again.body()).path("counted").asBoolean()).isFalse();
		assertThat(count(article)).isEqualTo(1);
		assertThat(rows(article)).isEqualTo(1);

		// during a call: marked by its contact, then the call's ticket names it — still one count
		long contact = 800_000_000L + System.nanoTime() % 1_000_000L;
		assertThat(mark(agent.username(), article, "{\"contactId\":" + contact + "}", "zh-CN").statusCode()).isEqualTo(200);
		assertThat(count(article)).isEqualTo(2);
		String second = ticket.substring(0, ticket.length() - 1) + "x";
		HttpResponse<String> linked = mark(agent.username(), article, "{\"ticketNo\":\"" + second + "\",\"contactId\":" + contact + "}", "zh-CN");
		assertThat(JSON.readTree(linked.body()).path("counted").asBoolean()).isFalse();
		assertThat(count(article)).isEqualTo(2);
		assertThat(rows(article)).isEqualTo(2);
		assertThat(jdbc.sql("select ticket_no from knowledge_answered where article_id = ? and contact_id = ?").param(article)
			.param(contact).query(String.class).single()).isEqualTo(second);
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_event where action = 'ARTICLE_ANSWERED_MARKED' and entity_id = ?""")
			.param(String.valueOf(article)).query(Long.class).single()).isEqualTo(3);

		// the ticket page lists the article; the manager sees the count; an agent does not
		PageSession a = PageSession.login(port, agent.username());
		assertThat(a.get("/knowledge/answered/ticket?ticketNo=" + ticket).body()).contains("测试条目 暖气忽冷忽热");
		assertThat(a.get("/knowledge/answered").statusCode()).isEqualTo(403);
		TestStaff.Account manager = TestStaff.create(staff, "ansm", Role.MANAGER);
		String page = PageSession.login(port, manager.username()).get("/knowledge/answered").body();
		assertThat(page).containsPattern("data-article-id=\"" + article + "\"[\\s\\S]*?answered-count\">2<");
	}

	@Test
	void anUnknownArticleIs404AndMalformedInputIsRefusedInTheCallersLanguage() throws Exception {
		TestStaff.Account agent = TestStaff.create(staff, "ansx", Role.AGENT);
		long article = publishedArticle(jdbc, "测试条目 拒绝", "正文");

		HttpResponse<String> missing = mark(agent.username(), 999_999_999L, "{}", "zh-CN");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(missing.body()).path("code").asString()).isEqualTo("ARTICLE_NOT_FOUND");
		assertThat(JSON.readTree(missing.body()).path("message").asString()).isEqualTo("没有这个知识条目");
		HttpResponse<String> missingEn = mark(agent.username(), 999_999_999L, "{}", "en");
		assertThat(JSON.readTree(missingEn.body()).path("message").asString()).isEqualTo("No such article");

		String[] bad = { "[]", "\"GR1\"", "42", "{\"ticketNo\":12}", "{\"ticketNo\":\"\"}", "{\"ticketNo\":\"GR 1\"}",
				"{\"ticketNo\":\"" + "G".repeat(41) + "\"}", "{\"ticketNo\":\"a\\u0000b\"}", "{\"ticketNo\":{}}",
				"{\"contactId\":-1}", "{\"contactId\":0}", "{\"contactId\":\"5\"}", "{\"contactId\":1.5}",
				"{\"contactId\":1e30}", "{\"contactId\":[1]}", "{\"ticketNo\":", "not json" };
		for (String body : bad) {
			for (String language : new String[] { "zh-CN", "en" }) {
				HttpResponse<String> r = mark(agent.username(), article, body, language);
				assertThat(r.statusCode()).as(body).isEqualTo(400);
				JsonNode refusal = MalformedInput.assertRefusal(JSON, r.statusCode(),
						r.headers().firstValue("Content-Type").orElse(""), r.body(), body);
				if (language.equals("zh-CN")) {
					assertThat(refusal.path("message").asString()).as(body).matches(".*\\p{IsHan}.*");
				}
				else {
					assertThat(refusal.path("message").asString()).as(body).doesNotContainPattern("\\p{IsHan}");
				}
			}
		}
		assertThat(count(article)).isZero();
		assertThat(rows(article)).isZero();
		HttpResponse<String> typed = mark(agent.username(), article, "{\"contactId\":\"5\"}", "en");
		assertThat(JSON.readTree(typed.body()).path("field").asString()).isEqualTo("contactId");
		// a technician is not at the desk
		TestStaff.Account tech = TestStaff.create(staff, "anst", Role.TECHNICIAN);
		assertThat(mark(tech.username(), article, "{}", "zh-CN").statusCode()).isEqualTo(403);
		assertThat(rows(article)).isZero();
	}
}
