package org.heatdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.ApiKeyScope;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@HeatDeskTest
class ApiKeyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiKeys keys;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aKeyWorksForItsScopeOnlyAndNotAfterRevocation() throws Exception {
		asAdmin();
		try {
			var metrics = keys.create("monitoring " + System.nanoTime(), ApiKeyScope.METRICS);
			var telemetry = keys.create("scada " + System.nanoTime(), ApiKeyScope.TELEMETRY);
			assertThat(metrics.secret()).startsWith("hdk_");
			String stored = jdbc.sql("select key_hash from platform_api_key where id = ?").param(metrics.key().id())
				.query(String.class).single();
			assertThat(stored).doesNotContain(metrics.secret()).hasSize(64);

			assertThat(prometheus(metrics.secret())).isEqualTo(200);
			assertThat(prometheus(telemetry.secret())).isEqualTo(403);

			keys.revoke(metrics.key().id());
			assertThat(prometheus(metrics.secret())).isEqualTo(401);
			assertThatThrownBy(() -> keys.revoke(metrics.key().id())).isInstanceOf(HeatDeskException.class)
				.hasMessage("API_KEY_ALREADY_REVOKED");

			List<String> actions = jdbc.sql("select action from platform_audit_event where entity_type = 'api_key' and entity_id = ? order by id")
				.param(String.valueOf(metrics.key().id()))
				.query(String.class)
				.list();
			assertThat(actions).containsSubsequence("API_KEY_CREATED", "API_KEY_USED", "API_KEY_REVOKED");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void aKeyNeedsANameAndNothingIsWrittenWithout() {
		asAdmin();
		try {
			long before = jdbc.sql("select count(*) from platform_api_key").query(Long.class).single();
			assertThatThrownBy(() -> keys.create("  ", ApiKeyScope.CTI)).isInstanceOf(HeatDeskException.class)
				.hasMessage("API_KEY_NAME_REQUIRED");
			assertThat(jdbc.sql("select count(*) from platform_api_key").query(Long.class).single()).isEqualTo(before);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void theAdministratorCreatesAKeyForThe12345PlatformThatOpensItsApiOnly() throws Exception {
		asAdmin();
		try {
			var hotline = keys.create("12345 平台 " + System.nanoTime(), ApiKeyScope.HOTLINE_12345);
			assertThat(jdbc.sql("select scope from platform_api_key where id = ?").param(hotline.key().id())
				.query(String.class).single()).isEqualTo("HOTLINE_12345");
			// allowed in, and told the case is unknown
			assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/api/v1/hotline12345/cases/NO-SUCH-CASE")).header("X-Api-Key", hotline.secret()).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
			assertThat(prometheus(hotline.secret())).isEqualTo(403);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private int prometheus(String key) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.header("X-Api-Key", key)
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static void asAdmin() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
	}
}
