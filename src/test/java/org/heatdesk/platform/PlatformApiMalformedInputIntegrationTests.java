package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

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

import tools.jackson.databind.json.JsonMapper;

/**
 * What platform answers to odd requests on any API, before a module sees them: a wildcard content
 * type, odd credentials (bytes above 0x7F, NULs, broken Basic), odd languages, and the audit
 * verification with a body or parameters it does not take. Never a 5xx; refusals are JSON.
 */
@HeatDeskTest
class PlatformApiMalformedInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void aWildcardContentTypeIsReadAsJsonOnEveryJsonApi() {
		for (String path : List.of("/api/v1/tickets", "/api/v1/tickets/incidents", "/api/v1/cti/events",
				"/api/v1/hotline12345/cases", "/api/v1/telemetry", "/api/v1/customers/import")) {
			for (String type : List.of("*/*", "application/*", "*/*; charset=UTF-8")) {
				HttpResponse<String> response = MalformedInput.send(http, json, basic(path, "lead").header("Content-Type", type)
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.build(), path + " " + type);
				// read as JSON: refused for what the body lacks (400), by role (403) or as a body the path does not take (415)
				assertThat(response.statusCode()).as(path + " " + type + " " + response.body()).isIn(400, 403, 415);
			}
		}
		HttpResponse<String> tickets = MalformedInput.send(http, json, basic("/api/v1/tickets", "lead")
			.header("Content-Type", "*/*")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"REPAIR\",\"description\":\"any type\"}"))
			.build(), "*/* ticket");
		assertThat(json.readTree(tickets.body()).path("field").asString()).isEqualTo("callerPhone");
	}

	@Test
	void oddCredentialsAreRefusedAsJsonNeverA500() {
		for (String key : List.of("ключ-\u00e9", "a\u0001b", "x".repeat(4000), "'; drop table platform_api_key; --")) {
			MalformedInput.RawResponse r = MalformedInput.raw(port,
					"GET /api/v1/substations HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + key, new byte[0], StandardCharsets.UTF_8);
			assertThat(r.status()).as(key + " " + r.body()).isLessThan(500);
			if (r.status() == 401) {
				MalformedInput.assertRefusal(json, r.status(), r.headers().get("Content-Type"), r.body(), key);
			}
		}
		for (String auth : List.of("Basic", "Basic !!!", "Basic " + b64("no-colon"), "Basic " + b64("agent:\u0000"),
				"Basic " + b64(":"), "Basic " + b64("\u0000:x"), "Bearer x", "Basic " + b64("агент:пароль"))) {
			HttpResponse<String> response = MalformedInput.send(http, json,
					MalformedInput.at(port, "/api/v1/substations").header("Authorization", auth).build(), auth);
			assertThat(response.statusCode()).as(auth).isEqualTo(401);
		}
	}

	@Test
	void oddLanguagesAndTheVerifyEndpointWithOddInputNeverGetA5xx() throws Exception {
		for (String language : List.of("", "*", "xx-YY", "zh-CN;q=abc", "en;q=2", "a".repeat(500), "zh-Hant-TW-x-private")) {
			MalformedInput.send(http, json, basic("/api/v1/no-such", "agent").header("Accept-Language", language).build(),
					language);
		}
		for (String lang : List.of("%00", "xx", "zh_XX", "en%0D%0AX:1")) {
			MalformedInput.send(http, json, basic("/api/v1/tickets/NONE?lang=" + lang, "agent").build(), lang);
		}
		MalformedInput.send(http, json, basic("/api/v1/audit/verify", "auditor").header("Content-Type", "*/*")
			.POST(HttpRequest.BodyPublishers.ofString("\u0000"))
			.build(), "POST verify");
		// refused, not a 500; the verification lives on a page controller, whose refusals are pages
		HttpResponse<String> nul = http.send(basic("/api/v1/audit/verify?x=%00", "auditor").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(nul.statusCode()).isEqualTo(400);
	}

	private static String b64(String s) {
		return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder basic(String path, String user) {
		return MalformedInput.at(port, path).header("Authorization", "Basic " + b64(user + ":heatdesk2026"));
	}
}
