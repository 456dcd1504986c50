package org.heatdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@HeatDeskTest
class LoginLockoutIntegrationTests {

	static final String PASSWORD = "correct2026horse";

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void theSixthLoginIsRefusedEvenWithTheRightPasswordUntilAnAdministratorUnlocks() throws Exception {
		StaffView person = newAgent();
		for (int i = 1; i <= 5; i++) {
			assertThat(apiStatus(person.username(), "wrong-password-" + i)).as("attempt " + i).isEqualTo(401);
		}
		HttpResponse<String> sixth = api(person.username(), PASSWORD);
		assertThat(sixth.statusCode()).isEqualTo(401);
		assertThat(sixth.body()).contains("ACCOUNT_LOCKED");

		List<String> events = jdbc.sql("select action from platform_audit_event where entity_type = 'staff' and entity_id = ? order by id")
			.param(String.valueOf(person.id()))
			.query(String.class)
			.list();
		assertThat(events).containsSubsequence("STAFF_CREATED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
				"LOGIN_FAILED", "LOGIN_FAILED", "ACCOUNT_LOCKED", "LOGIN_REFUSED");

		asAdmin(() -> staff.unlock(person.id()));
		// logged in again: an agent may not verify the audit chain, so 403 rather than 401
		assertThat(apiStatus(person.username(), PASSWORD)).isEqualTo(403);
	}

	@Test
	void theLoginFormTellsTheUserTheAccountIsLocked() throws Exception {
		StaffView person = newAgent();
		for (int i = 0; i < 5; i++) {
			apiStatus(person.username(), "nope-" + i);
		}
		FormLogin form = FormLogin.start(http, port);
		HttpResponse<String> response = form.submit(person.username(), PASSWORD);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/login?locked");
	}

	@Test
	void aDeactivatedAccountCannotLogIn() throws Exception {
		StaffView person = newAgent();
		asAdmin(() -> staff.deactivate(person.id()));
		HttpResponse<String> response = api(person.username(), PASSWORD);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("ACCOUNT_DISABLED");
	}

	/** The account read for a successful login is reused for a few seconds; a change must still apply at once. */
	@Test
	void changesToAnAccountApplyToTheVeryNextRequestOfABusyApiClient() throws Exception {
		StaffView person = newAgent();
		// an agent may not verify the audit chain: 403 means logged in, 401 means refused
		assertThat(apiStatus(person.username(), PASSWORD)).isEqualTo(403);
		assertThat(apiStatus(person.username(), PASSWORD)).isEqualTo(403);

		int version = jdbc.sql("select version from staff_member where id = ?").param(person.id()).query(Integer.class).single();
		asAdmin(() -> staff.change(new Staff.StaffChange(person.id(), version, person.displayName(), null,
				person.extension(), EnumSet.of(Role.AUDITOR))));
		assertThat(apiStatus(person.username(), PASSWORD)).as("the new role counts at once").isEqualTo(200);

		asAdmin(() -> staff.resetPassword(person.id(), "another2026horse"));
		assertThat(apiStatus(person.username(), PASSWORD)).as("the old password is refused at once").isEqualTo(401);
		assertThat(apiStatus(person.username(), "another2026horse")).isEqualTo(200);

		asAdmin(() -> staff.deactivate(person.id()));
		HttpResponse<String> afterDeactivation = api(person.username(), "another2026horse");
		assertThat(afterDeactivation.statusCode()).as("deactivated: refused at once").isEqualTo(401);
		assertThat(afterDeactivation.body()).contains("ACCOUNT_DISABLED");
	}

	/** Failures counted on another node still count here, even while this node remembers the account. */
	@Test
	void failuresRecordedByAnotherNodeCountTowardsTheLock() throws Exception {
		StaffView person = newAgent();
		assertThat(apiStatus(person.username(), PASSWORD)).isEqualTo(403);
		// another node (sharing the database) has seen four wrong passwords just now
		jdbc.sql("update staff_member set failed_logins = 4, failed_window_start = now() where id = ?").param(person.id()).update();
		HttpResponse<String> fifth = api(person.username(), "wrong-on-this-node");
		assertThat(fifth.statusCode()).isEqualTo(401);
		assertThat(fifth.body()).as("the fifth failure in the window locks").contains("ACCOUNT_LOCKED");
		assertThat(jdbc.sql("select locked_until is not null from staff_member where id = ?").param(person.id())
			.query(Boolean.class).single()).isTrue();
	}

	private StaffView newAgent() {
		String username = "lock" + Long.toString(System.nanoTime(), 36);
		return asAdmin(() -> staff.create(new Staff.NewStaff(username, "测试", username.toUpperCase(), null, null,
				EnumSet.of(Role.AGENT), PASSWORD)));
	}

	private int apiStatus(String user, String password) throws Exception {
		return api(user, password).statusCode();
	}

	private HttpResponse<String> api(String user, String password) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/audit/verify"))
			.header("Authorization", "Basic " + basic)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static <T> T asAdmin(java.util.function.Supplier<T> action) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static void asAdmin(Runnable action) {
		asAdmin(() -> {
			action.run();
			return null;
		});
	}
}
