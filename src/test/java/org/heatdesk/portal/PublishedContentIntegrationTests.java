package org.heatdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The published content as managers keep it and the public reads it: four eyes before anything is
 * published, every version kept, refusals beside the form with nothing written, the guide cached.
 */
@HeatDeskTest
class PublishedContentIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> anonymous(String path, String... headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		for (int i = 0; i < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aVersionWaitsForAnotherManagerThenThePortalShowsIt() throws Exception {
		TestStaff.Account writer = TestStaff.create(staff, "pcw", Role.MANAGER);
		TestStaff.Account reviewer = TestStaff.create(staff, "pcr", Role.MANAGER);
		String title = "收费标准 " + UUID.randomUUID().toString().substring(0, 8);
		PageSession w = PageSession.login(port, writer.username());

		HttpResponse<String> written = w.post("/portal-admin/content/fees",
				form("title", title, "body", "按面积收费。\n\n- 居民 23.50 元/平方米\n- 非居民 35.00 元/平方米", "knowledgeSlug", ""));
		assertThat(written.statusCode()).isEqualTo(302);
		assertThat(w.get("/portal-admin/content/fees").body()).contains("新版本已提交，等待另一位管理人员审核");
		long id = jdbc.sql("select id from portal_content_version where title = ?").param(title).query(Long.class).single();
		assertThat(status(id)).isEqualTo("PENDING");
		// not public before the review
		assertThat(anonymous("/portal/info/fees").body()).doesNotContain(title);

		// the writer cannot approve his own version: the refusal beside the form, still waiting
		w.post("/portal-admin/content/versions/" + id + "/approve", Map.of());
		assertThat(w.get("/portal-admin/content/fees").body()).contains("自己撰写的版本不能自己审核");
		assertThat(status(id)).isEqualTo("PENDING");

		int before = jdbc.sql("select version from portal_content_version where topic = 'FEES' and status = 'PUBLISHED'")
			.query(Integer.class)
			.single();
		PageSession r = PageSession.login(port, reviewer.username());
		assertThat(r.get("/portal-admin/content/fees").body()).contains(title).contains("审核通过并发布");
		r.post("/portal-admin/content/versions/" + id + "/approve", Map.of());
		assertThat(status(id)).isEqualTo("PUBLISHED");
		// the previous published version is kept, superseded
		assertThat(jdbc.sql("select status from portal_content_version where topic = 'FEES' and version = ?")
			.param(before)
			.query(String.class)
			.single()).isEqualTo("SUPERSEDED");

		// the public page at once (the approval clears this node's cache): a paragraph and a list of two
		HttpResponse<String> page = anonymous("/portal/info/fees");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(title, "<p>按面积收费。</p>", "<li>居民 23.50 元/平方米</li>", "<li>非居民 35.00 元/平方米</li>");
		assertThat(anonymous("/portal/info").body()).contains(title);

		// both steps audited with the person who took them
		assertThat(jdbc.sql("""
				select actor || ':' || action from platform_audit_event where entity_type = 'portal_content' and entity_id = ?
				order by id""").param("fees v" + version(id)).query(String.class).list())
			.containsExactly(writer.username() + ":PORTAL_CONTENT_WRITTEN", reviewer.username() + ":PORTAL_CONTENT_APPROVED");
	}

	@Test
	void aVersionSentBackNeedsAReasonAndThePublishedOneStays() throws Exception {
		TestStaff.Account writer = TestStaff.create(staff, "pcw", Role.MANAGER);
		TestStaff.Account reviewer = TestStaff.create(staff, "pcr", Role.MANAGER);
		String title = "退费 " + UUID.randomUUID().toString().substring(0, 8);
		PageSession.login(port, writer.username()).post("/portal-admin/content/refunds", form("title", title, "body", "退费说明"));
		long id = jdbc.sql("select id from portal_content_version where title = ?").param(title).query(Long.class).single();
		PageSession r = PageSession.login(port, reviewer.username());

		r.post("/portal-admin/content/versions/" + id + "/reject", Map.of("note", "  "));
		assertThat(r.get("/portal-admin/content/refunds").body()).contains("请填写退回原因");
		assertThat(status(id)).isEqualTo("PENDING");

		r.post("/portal-admin/content/versions/" + id + "/reject", Map.of("note", "金额写错了"));
		assertThat(status(id)).isEqualTo("REJECTED");
		assertThat(r.get("/portal-admin/content/refunds").body()).contains("退回原因：金额写错了");
		assertThat(anonymous("/portal/info/refunds").body()).doesNotContain(title);
		// a decided version is not decided again
		r.post("/portal-admin/content/versions/" + id + "/approve", Map.of());
		assertThat(r.get("/portal-admin/content/refunds").body()).contains("这个版本已经审核过了");
		assertThat(status(id)).isEqualTo("REJECTED");
	}

	@Test
	void aTopicCanFollowAPublishedKnowledgeArticle() throws Exception {
		TestStaff.Account writer = TestStaff.create(staff, "pcw", Role.MANAGER);
		TestStaff.Account reviewer = TestStaff.create(staff, "pcr", Role.MANAGER);
		String title = "供热期 " + UUID.randomUUID().toString().substring(0, 8);
		PageSession.login(port, writer.username())
			.post("/portal-admin/content/season", form("title", title, "body", "", "knowledgeSlug", "heating-season"));
		long id = jdbc.sql("select id from portal_content_version where title = ?").param(title).query(Long.class).single();
		PageSession.login(port, reviewer.username()).post("/portal-admin/content/versions/" + id + "/approve", Map.of());

		// the seeded article heating-season says the season runs from 11月15日 to 次年3月15日, in bold
		String page = anonymous("/portal/info/season").body();
		assertThat(page).contains(title, "<strong>每年11月15日至次年3月15日</strong>");
	}

	@Test
	void aBadVersionIsRefusedBesideTheFormAndNothingIsWritten() throws Exception {
		TestStaff.Account writer = TestStaff.create(staff, "pcw", Role.MANAGER);
		PageSession w = PageSession.login(port, writer.username());
		long versions = versionsOf("SERVICES");
		Map<String, String> expected = new LinkedHashMap<>();
		// each form with the message the manager reads (zh: the default language)
		expected.put("请填写标题", "title=&body=正文");
		expected.put("请填写正文，或者填写一篇知识库文章的标识", "title=标题&body=&knowledgeSlug=");
		expected.put("正文和知识库文章只能选一个", "title=标题&body=正文&knowledgeSlug=heating-season");
		expected.put("知识库里没有已发布的文章“no-such-article”", "title=标题&body=&knowledgeSlug=no-such-article");
		expected.put("最多 100 个字符", "title=" + "长".repeat(101) + "&body=正文");
		for (Map.Entry<String, String> e : expected.entrySet()) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (String pair : e.getValue().split("&")) {
				String[] kv = pair.split("=", 2);
				fields.put(kv[0], kv[1]);
			}
			HttpResponse<String> refused = w.post("/portal-admin/content/services", fields);
			assertThat(refused.statusCode()).as(e.getValue()).isEqualTo(302);
			assertThat(w.get("/portal-admin/content/services").body()).as(e.getValue()).contains(e.getKey());
		}
		// a NUL in the text: refused before it reaches the page (the request guard), not a 500
		HttpResponse<String> nul = w.post("/portal-admin/content/services", form("title", "标题", "body", "a\u0000b"));
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(versionsOf("SERVICES")).isEqualTo(versions);
		// an unknown topic and an unknown version: not found, never 500
		assertThat(w.post("/portal-admin/content/nonsense", form("title", "t", "body", "b")).statusCode()).isEqualTo(404);
		assertThat(w.post("/portal-admin/content/versions/999999999/approve", Map.of()).statusCode()).isEqualTo(404);
		assertThat(w.get("/portal-admin/content/versions").statusCode()).isEqualTo(404);
		assertThat(versionsOf("SERVICES")).isEqualTo(versions);
	}

	@Test
	void onlyManagersWriteAndAuditorsRead() {
		assertThat(PageSession.login(port, "agent").get("/portal-admin/content").statusCode()).isEqualTo(403);
		PageSession auditor = PageSession.login(port, "auditor");
		HttpResponse<String> overview = auditor.get("/portal-admin/content");
		assertThat(overview.statusCode()).isEqualTo(200);
		// every topic is a row; the demo's are published
		assertThat(overview.body()).contains("data-topic=\"commitments\"", "data-topic=\"refunds\"", "服务承诺");
		assertThat(auditor.get("/portal-admin/content/fees").body()).doesNotContain("content-write");
		long versions = versionsOf("HOTLINES");
		assertThat(auditor.post("/portal-admin/content/hotlines", form("title", "t", "body", "b")).statusCode()).isEqualTo(403);
		assertThat(versionsOf("HOTLINES")).isEqualTo(versions);
	}

	@Test
	void theGuideIsPublicCachedAndInBothLanguages() throws Exception {
		HttpResponse<String> guide = anonymous("/portal/info");
		assertThat(guide.statusCode()).isEqualTo(200);
		// the seven topics of the guide, each a row
		assertThat(guide.body()).contains("data-topic=\"commitments\"", "data-topic=\"services\"", "data-topic=\"hotlines\"",
				"data-topic=\"fees\"", "data-topic=\"season\"", "data-topic=\"temperature\"", "data-topic=\"refunds\"");
		assertThat(guide.headers().firstValue("Cache-Control").orElse("")).isEqualTo("public, max-age=300");
		// no session for a reader of the guide
		assertThat(guide.headers().firstValue("Set-Cookie")).isEmpty();
		String etag = guide.headers().firstValue("ETag").orElseThrow();
		assertThat(anonymous("/portal/info", "If-None-Match", etag).statusCode()).isEqualTo(304);

		// the demo's temperature standard follows the knowledge article temperature-standard (18℃)
		assertThat(anonymous("/portal/info/temperature").body()).contains("不低于18℃");
		assertThat(anonymous("/portal/info?lang=en").body()).contains("Service guide", "Indoor temperature standard");
		HttpResponse<String> missing = anonymous("/portal/info/nothing-here");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("没有找到这个页面");
	}

	private static Map<String, String> form(String... kv) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put(kv[i], kv[i + 1]);
		}
		return m;
	}

	private String status(long id) {
		return jdbc.sql("select status from portal_content_version where id = ?").param(id).query(String.class).single();
	}

	private int version(long id) {
		return jdbc.sql("select version from portal_content_version where id = ?").param(id).query(Integer.class).single();
	}

	private long versionsOf(String topic) {
		return jdbc.sql("select count(*) from portal_content_version where topic = ?").param(topic).query(Long.class).single();
	}
}
