package org.heatdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search API with what a desk's JavaScript or an integration may send by mistake: blank and
 * huge queries are answered, a malformed limit is refused with the API's JSON in the caller's
 * language, never a 5xx; the roles that may not read the knowledge base are refused.
 */
@HeatDeskTest
class KnowledgeApiMalformedInputIntegrationTests {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void aQueryIsAnsweredWhateverItsLength() throws Exception {
		// the seeded heating-season article answers the caller's question
		HttpResponse<String> ok = get("q=" + enc("什么时候开始供暖") + "&limit=3", "agent", "zh-CN");
		assertThat(ok.statusCode()).isEqualTo(200);
		JsonNode hits = json.readTree(ok.body());
		assertThat(hits.size()).isBetween(1, 3);
		assertThat(hits.get(0).path("title").asString()).isNotBlank();
		assertThat(hits.get(0).path("snippet").asString()).contains("【");
		for (String blank : List.of("", "q=", "q=" + enc("   "), "q=" + enc("\t\n"))) {
			HttpResponse<String> r = get(blank, "agent", "zh-CN");
			assertThat(r.statusCode()).as(blank).isEqualTo(200);
			assertThat(r.body()).as(blank).isEqualTo("[]");
		}
		// 10,000 characters (a ticket's description) sent as JSON: cut at 200, answered as the first 200 say
		HttpResponse<String> huge = post("{\"q\":\"" + "暖气不热".repeat(2500) + "\",\"limit\":5}", "en");
		assertThat(huge.statusCode()).isEqualTo(200);
		assertThat(json.readTree(huge.body()).size()).isBetween(1, 5);
		// in the URL it is more than the server reads of a request line: refused, never a 5xx
		assertThat(get("q=" + enc("暖气不热".repeat(2500)), "agent", "en").statusCode()).isBetween(400, 499);
		// 700 characters still fit in the URL, and are cut at 200
		assertThat(json.readTree(get("q=" + enc("暖气不热".repeat(175)), "agent", "en").body()).size()).isPositive();
		for (String odd : List.of("😀🔥", "'; drop table knowledge_article; --", "<script>alert(1)</script>", "\u202eRTL", "%00x",
				"*", "?", "\"", "title:暖气", "a AND OR NOT", "~1", "[1 TO 2]", "((((", "\\")) {
			HttpResponse<String> r = get("q=" + enc(odd), "agent", "zh-CN");
			assertThat(r.statusCode()).as(odd).isEqualTo(200);
			assertThat(json.readTree(r.body()).isArray()).as(odd).isTrue();
		}
	}

	@Test
	void aMalformedLimitIsRefusedInTheCallersLanguage() throws Exception {
		for (String limit : List.of("abc", "0", "-1", "51", "1e3", "1.5", "99999999999999999999", enc(" "), "0x10")) {
			for (String lang : List.of("zh-CN", "en")) {
				HttpResponse<String> r = get("q=" + enc("暖气") + "&limit=" + limit, "agent", lang);
				if (" ".equals(java.net.URLDecoder.decode(limit, StandardCharsets.UTF_8))) {
					// a blank limit is the default
					assertThat(r.statusCode()).isEqualTo(200);
					continue;
				}
				JsonNode body = MalformedInput.assertRefusal(json, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
						r.body(), "limit=" + limit);
				assertThat(r.statusCode()).as(limit).isEqualTo(400);
				assertThat(body.path("code").asString()).isEqualTo("KNOWLEDGE_LIMIT");
				assertThat(body.path("field").asString()).isEqualTo("limit");
				assertThat(body.path("message").asString()).isEqualTo(lang.equals("en")
						? "limit must be a whole number from 1 to 50." : "条数 limit 应为 1 到 50 之间的整数。");
			}
		}
		// a NUL in the query is refused by the platform before search sees it
		HttpResponse<String> nul = get("q=" + enc("暖\u0000气"), "agent", "en");
		assertThat(nul.statusCode()).isEqualTo(400);
		MalformedInput.assertRefusal(json, nul.statusCode(), nul.headers().firstValue("Content-Type").orElse(""), nul.body(), "NUL");
	}

	@Test
	void onlyOperationsReadTheKnowledgeBase() throws Exception {
		for (String user : List.of("agent", "lead", "dispatcher", "manager")) {
			assertThat(get("q=" + enc("报停"), user, "zh-CN").statusCode()).as(user).isEqualTo(200);
		}
		for (String user : List.of("tech", "admin", "auditor")) {
			HttpResponse<String> r = get("q=" + enc("报停"), user, "en");
			assertThat(r.statusCode()).as(user).isEqualTo(403);
			MalformedInput.assertRefusal(json, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), user);
		}
		HttpResponse<String> anonymous = http.send(MalformedInput.at(port, "/api/v1/knowledge/search?q=x").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	@Test
	void aMalformedJsonSearchIsRefusedInTheCallersLanguage() {
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, () -> 0);
		List<MalformedInput.Case> cases = MalformedInput.cases(json, "{\"q\":\"暖气不热怎么办\",\"limit\":5}", 40);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(request("/api/v1/knowledge/search", "agent", i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isPositive();
		assertThat(probe.accepted()).isPositive();
	}

	private HttpResponse<String> post(String body, String language) throws Exception {
		return http.send(request("/api/v1/knowledge/search", "agent", language).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder request(String path, String user, String language) {
		return MalformedInput.at(port, path)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language);
	}

	private HttpResponse<String> get(String query, String user, String language) throws Exception {
		HttpRequest request = MalformedInput.at(port, "/api/v1/knowledge/search" + (query.isEmpty() ? "" : "?" + query))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language)
			.GET()
			.build();
		HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(r.statusCode()).as(query).isLessThan(500);
		return r;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
