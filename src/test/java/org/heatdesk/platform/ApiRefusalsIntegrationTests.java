package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an integration gets when it calls the API wrongly: always the API's JSON refusal (code,
 * message in its language, field), also when Spring MVC refuses before any controller is chosen,
 * and never a half-done change ({@code platform.internal.ApiExceptionHandler} and
 * {@code ApiFallbackExceptionHandler}).
 */
@HeatDeskTest
class ApiRefusalsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anUnknownApiPathIsAJsonNotFoundInTheCallersLanguage() throws Exception {
		HttpResponse<String> zh = send(agent("/api/v1/no-such-thing").build());
		assertRefusal(zh, 404, "NOT_FOUND", null);
		assertThat(json.readTree(zh.body()).path("message").asString()).isEqualTo("找不到您要的页面或记录。");
		HttpResponse<String> en = send(agent("/api/v1/no-such-thing").header("Accept-Language", "en").build());
		assertThat(json.readTree(en.body()).path("message").asString()).isEqualTo("The page or record you asked for does not exist.");
		// a caller that prefers HTML still gets the API's answer, not a page
		assertRefusal(send(agent("/api/v1/no-such-thing").header("Accept", "text/html").build()), 404, "NOT_FOUND", null);
	}

	@Test
	void aMethodThePathDoesNotTakeIsRefusedAsJson() throws Exception {
		assertRefusal(send(agent("/api/v1/tickets").DELETE().build()), 405, "METHOD_NOT_ALLOWED", null);
	}

	@Test
	void aTicketSentAsPlainTextIsRefusedAndNothingIsRecorded() throws Exception {
		String description = "refusal " + UUID.randomUUID();
		HttpResponse<String> response = send(agent("/api/v1/tickets").header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(body("REPAIR", description)))
			.build());
		assertRefusal(response, 415, "UNSUPPORTED_MEDIA_TYPE", null);
		assertThat(json.readTree(response.body()).path("message").asString()).contains("application/json");
		assertThat(tickets(description)).isZero();
	}

	@Test
	void aFieldWithAnUnknownValueIsNamedAndNothingIsRecorded() throws Exception {
		String description = "refusal " + UUID.randomUUID();
		HttpResponse<String> response = send(agent("/api/v1/tickets").header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(body("BURST", description)))
			.build());
		assertRefusal(response, 400, "MALFORMED_BODY", "type");
		assertThat(json.readTree(response.body()).path("message").asString()).contains("\"type\"");
		assertThat(tickets(description)).isZero();
	}

	@Test
	void anAnswerInAnotherFormatThanJsonIsRefusedInJson() throws Exception {
		assertRefusal(send(agent("/api/v1/outages?active=true").header("Accept", "application/xml").build()), 406,
				"NOT_ACCEPTABLE", null);
	}

	private void assertRefusal(HttpResponse<String> response, int status, String code, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("code").asString()).isEqualTo(code);
		assertThat(body.path("message").asString()).isNotBlank();
		if (field == null) {
			assertThat(body.path("field").isNull()).as(response.body()).isTrue();
		}
		else {
			assertThat(body.path("field").asString()).isEqualTo(field);
		}
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("timestamp");
	}

	private static String body(String type, String description) {
		return """
				{"type":"%s","priority":"NORMAL","callerPhone":"13800000000","description":"%s"}""".formatted(type, description);
	}

	private long tickets(String description) {
		return jdbc.sql("select count(*) from ticket where description = ?").param(description).query(Long.class).single();
	}

	private HttpRequest.Builder agent(String path) {
		return SecurityIntegrationTests.basic(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), "agent");
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}
}
