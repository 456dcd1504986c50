package org.heatdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal's layout and home page, as an anonymous phone sees them. */
@HeatDeskTest
class PortalLayoutIntegrationTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theHomePageOpensWithoutSigningInInChineseFirst() throws Exception {
		HttpResponse<String> page = get("/portal");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("供热服务大厅", "停热信息", "办事指南", "服务指标", "员工登录")
			// the company's hotline from heatdesk.company.hotline (default 96123) in the footer
			.contains("tel:96123")
			.contains("/css/portal.css")
			// no desk navigation, no script of its own
			.doesNotContain("mainnav")
			.doesNotContain("<script");
		// the same content security policy as the staff pages
		assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
	}

	/** A phone that kept a dead session cookie (from a form it opened long ago) stays on the portal, never sent to the staff login. */
	@Test
	void aDeadSessionCookieStaysOnThePortal() throws Exception {
		HttpResponse<String> page = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/portal/outages?lang=en"))
			.header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/portal/outages?lang=en")
			.doesNotContain("login");
		// a staff page with the same dead cookie still goes to the login
		HttpResponse<String> staffPage = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/desk"))
			.header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(staffPage.headers().firstValue("Location").orElse("")).contains("/login?expired");
	}

	@Test
	void englishWithLangEn() throws Exception {
		HttpResponse<String> page = get("/portal?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"en\"", "Outages", "Service guide", "Service figures")
			.doesNotContain("供热服务大厅");
	}
}
