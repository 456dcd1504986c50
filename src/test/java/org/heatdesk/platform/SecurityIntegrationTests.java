package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HeatDeskTest
class SecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RepeatedRefusals refusals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void healthIsOpenAndUp() throws Exception {
		HttpResponse<String> health = send(request("/actuator/health").build());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json.readTree(health.body()).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void pagesSendAnonymousVisitorsToTheLoginPage() throws Exception {
		for (String path : new String[] { "/", "/audit", "/admin/staff", "/admin/api-keys", "/swagger-ui.html" }) {
			HttpResponse<String> response = send(request(path).build());
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
		}
	}

	@Test
	void theApiAnswersAnonymousCallersWithAJsonError() throws Exception {
		HttpResponse<String> response = send(request("/api/v1/audit/verify").header("Accept-Language", "en").build());
		assertThat(response.statusCode()).isEqualTo(401);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(body.path("message").asString()).startsWith("Login required");
	}

	@Test
	void theApiSpeaksChineseByDefault() throws Exception {
		HttpResponse<String> response = send(request("/api/v1/audit/verify").build());
		assertThat(json.readTree(response.body()).path("message").asString()).contains("需要登录");
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		HttpResponse<String> login = send(request("/login").build());
		String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(login.body()).doesNotContain("<script>").contains("name=\"_csrf\"");
	}

	@Test
	void aFormPostWithoutCsrfTokenIsRefusedAndAudited() throws Exception {
		refusals.flush(true);
		long before = count("CSRF_REJECTED");
		long loginsBefore = count("LOGIN");
		HttpResponse<String> response = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=heatdesk2026"))
			.build());
		// no session and no token: an expired or forged form goes back to the login page, not logged in
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
		assertThat(count("CSRF_REJECTED")).isEqualTo(before + 1);
		assertThat(count("LOGIN")).isEqualTo(loginsBefore);
	}

	@Test
	void anExpiredSessionLeadsToTheLoginPageOnceWithANotice() throws Exception {
		HttpResponse<String> first = send(request("/").header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF").build());
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
		String fresh = first.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElseThrow();
		HttpResponse<String> login = send(request("/login?expired").header("Cookie", fresh).build());
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("登录已超时，请重新登录。");
	}

	@Test
	void aFormPostWithAWrongCsrfTokenInALiveSessionIsRefusedWithAMessage() throws Exception {
		HttpResponse<String> login = send(request("/login").build());
		String cookie = login.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElseThrow();
		refusals.flush(true);
		long before = count("CSRF_REJECTED");
		HttpResponse<String> response = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=heatdesk2026&_csrf=forged"))
			.build());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("页面已过期或表单校验失败");
		assertThat(count("CSRF_REJECTED")).isEqualTo(before + 1);
	}

	@Test
	void anUnknownApiKeyIsRefusedAndAudited() throws Exception {
		// the first refusal from an address in a minute is a row; later ones are counted (RefusalLimitIntegrationTests)
		refusals.flush(true);
		long before = count("API_KEY_REJECTED");
		HttpResponse<String> response = send(request("/actuator/prometheus").header("X-Api-Key", "hdk_nothing_like_a_key").build());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("INVALID_API_KEY");
		assertThat(count("API_KEY_REJECTED")).isEqualTo(before + 1);
	}

	@Test
	void metricsNeedAnAdministratorOrAMetricsKey() throws Exception {
		assertThat(send(basic(request("/actuator/prometheus"), "agent").build()).statusCode()).isEqualTo(403);
		HttpResponse<String> admin = send(basic(request("/actuator/prometheus"), "admin").build());
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void aBadlyFormedBodyGetsAJsonErrorAndNoStackTrace() throws Exception {
		HttpResponse<String> response = send(basic(request("/api/v1/audit/verify"), "auditor")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{not json"))
			.build());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void apiAnswersGoOutWholeWithTheirLength() throws Exception {
		// a found answer, a refusal by Spring Security and a refusal by a controller
		HttpResponse<String> ok = send(basic(request("/api/v1/outages?active=true"), "agent").build());
		HttpResponse<String> anonymous = send(request("/api/v1/outages?active=true").build());
		HttpResponse<String> missing = send(basic(request("/api/v1/tickets/GR19990101-0001"), "agent").build());
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(missing.statusCode()).isEqualTo(404);
		for (HttpResponse<String> r : java.util.List.of(ok, anonymous, missing)) {
			assertThat(r.headers().firstValue("Transfer-Encoding")).as(r.uri().toString()).isEmpty();
			assertThat(r.headers().firstValueAsLong("Content-Length").orElseThrow()).as(r.uri().toString())
				.isEqualTo(r.body().getBytes(StandardCharsets.UTF_8).length)
				.isPositive();
		}
		assertThat(json.readTree(missing.body()).path("code").asString()).isEqualTo("TICKET_NOT_FOUND");
	}

	private long count(String action) {
		return jdbc.sql("select count(*) from platform_audit_event where action = ?").param(action).query(Long.class).single();
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	static HttpRequest.Builder basic(HttpRequest.Builder builder, String user) {
		return builder.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes(StandardCharsets.UTF_8)));
	}

	HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}
}
