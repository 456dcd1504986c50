package org.heatdesk.shift;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.heatdesk.MalformedInput;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.json.JsonMapper;

/** A team of its own for a test (a lead and two agents) and the API as they call it. */
final class TeamLogFixtures {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private TeamLogFixtures() {
	}

	record Team(TeamView team, StaffView lead, StaffView agent, StaffView agent2) {
	}

	static Team team(Staff staff) {
		String code = "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		try {
			TeamView team = staff.createTeam(code.substring(0, Math.min(code.length(), 10)), "测试班" + code.substring(code.length() - 4));
			return new Team(team, member(staff, team, "tl", Role.TEAM_LEAD, Role.AGENT), member(staff, team, "ta", Role.AGENT),
					member(staff, team, "tb", Role.AGENT));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static StaffView member(Staff staff, TeamView team, String prefix, Role first, Role... more) {
		String username = prefix + Long.toString(System.nanoTime(), 36);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		return staff.create(new Staff.NewStaff(username, "测试" + username.substring(username.length() - 4), username,
				team.id(), null, EnumSet.of(first, more), TestStaff.PASSWORD));
	}

	/** A manager of the test's own. */
	static StaffView manager(Staff staff) {
		TestStaff.Account a = TestStaff.create(staff, "mg", Role.MANAGER);
		return staff.findByUsername(a.username()).orElseThrow();
	}

	static HttpRequest.Builder request(int port, String path, String user, String language) {
		return MalformedInput.at(port, path)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + TestStaff.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language);
	}

	static HttpResponse<String> post(JsonMapper json, int port, String path, String user, String body, String language) {
		return MalformedInput.send(http, json, request(port, path, user, language).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), path);
	}

	static HttpResponse<String> get(JsonMapper json, int port, String path, String user) {
		return MalformedInput.send(http, json, request(port, path, user, "zh-CN").GET().build(), path);
	}
}
