package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input on every POST of the shift API, from one valid body each: never a 5xx, a refusal
 * is the API's JSON in the caller's language, and a refusal stores nothing. A clock-in for someone
 * else and a second signature by the same person are refused by name.
 */
@HeatDeskTest
class ShiftApiMalformedInputIntegrationTests {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Autowired
	Rosters rosters;

	@Autowired
	Handovers handovers;

	@Test
	void clockInAndOut() {
		ShiftTestSupport.Team t = ShiftTestSupport.team(staff, jdbc);
		team = t.team().id();
		probe("/api/v1/shift/clock-in", t.agent().username(), "{\"staffId\":" + t.agent().id() + "}", 30);
		probe("/api/v1/shift/clock-out", t.agent().username(), "{\"staffId\":" + t.agent().id() + "}", 30);
		// someone else's clock-in, in both languages
		HttpResponse<String> zh = send("/api/v1/shift/clock-in", t.agent().username(), "{\"staffId\":" + t.agent2().id() + "}", "zh-CN");
		assertThat(zh.statusCode()).isEqualTo(403);
		assertThat(json.readTree(zh.body()).path("code").asString()).isEqualTo("ATTENDANCE_NOT_YOURS");
		assertThat(json.readTree(zh.body()).path("message").asString()).contains("只能为自己签到");
		HttpResponse<String> en = send("/api/v1/shift/clock-in", t.agent().username(), "{\"staffId\":" + t.agent2().id() + "}", "en");
		assertThat(json.readTree(en.body()).path("message").asString()).contains("only for yourself");
		assertThat(jdbc.sql("select count(*) from shift_attendance where staff_id = ?").param(t.agent2().id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void rosterEntries() {
		ShiftTestSupport.Team t = ShiftTestSupport.team(staff, jdbc);
		team = t.team().id();
		probe("/api/v1/shift/roster/entries", t.outLead().username(),
				"{\"teamId\":" + t.team().id() + ",\"staffId\":" + t.agent().id() + ",\"day\":\"2026-12-05\",\"kind\":\"DAY\",\"lead\":false}", 30);
		// the same person twice on one day shift: an overlap
		HttpResponse<String> again = send("/api/v1/shift/roster/entries", t.outLead().username(),
				"{\"teamId\":" + t.team().id() + ",\"staffId\":" + t.agent().id() + ",\"day\":\"2026-12-05\",\"kind\":\"DAY\"}", "en");
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(json.readTree(again.body()).path("code").asString()).isEqualTo("ROSTER_OVERLAP");
		assertThat(json.readTree(again.body()).path("field").asString()).isEqualTo("staffId");
	}

	@Test
	void signatures() {
		ShiftTestSupport.Team t = ShiftTestSupport.team(staff, jdbc);
		team = t.team().id();
		Instant s = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
		ShiftTestSupport.shift(rosters, t, t.outLead(), RosterShiftKind.DAY, s.minus(Duration.ofHours(8)), s, true);
		ShiftTestSupport.shift(rosters, t, t.inLead(), RosterShiftKind.EVENING, s, s.plus(Duration.ofHours(8)), true);
		HttpResponse<String> prepared = send("/api/v1/shift/handovers", t.outLead().username(),
				"{\"teamId\":" + t.team().id() + ",\"shiftStart\":\"" + s + "\"}", "zh-CN");
		assertThat(prepared.statusCode()).isEqualTo(200);
		long id = json.readTree(prepared.body()).path("handover").path("id").asLong();
		String path = "/api/v1/shift/handovers/" + id + "/signatures";
		probe(path, t.outLead().username(),
				"{\"side\":\"OUTGOING\",\"clearHandover\":true,\"clearSituation\":true,\"clearProblem\":true}", 30);
		assertThat(handovers.find(id).orElseThrow().outgoingSignedById()).isEqualTo(t.outLead().id());
		send("/api/v1/shift/handovers/" + id + "/open", t.outLead().username(), "", "zh-CN");
		// the outgoing lead signing the incoming side too
		HttpResponse<String> twice = send(path, t.outLead().username(),
				"{\"side\":\"INCOMING\",\"clearHandover\":true,\"clearSituation\":true,\"clearProblem\":true}", "zh-CN");
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(json.readTree(twice.body()).path("code").asString()).isEqualTo("HANDOVER_SAME_SIGNER");
		assertThat(json.readTree(twice.body()).path("message").asString()).contains("同一人不能既交班又接班签字");
		assertThat(handovers.find(id).orElseThrow().signed()).isFalse();
		probe("/api/v1/shift/handovers", t.outLead().username(),
				"{\"teamId\":" + t.team().id() + ",\"shiftStart\":\"" + s.plus(Duration.ofHours(8)) + "\"}", 30);
	}

	private void probe(String path, String user, String valid, int random) {
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, this::rows);
		List<MalformedInput.Case> cases = MalformedInput.cases(json, valid, random);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(request(path, user, i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isPositive();
	}

	private HttpRequest.Builder request(String path, String user, String language) {
		return MalformedInput.at(port, path)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language);
	}

	private HttpResponse<String> send(String path, String user, String body, String language) {
		return MalformedInput.send(http, json, request(path, user, language).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), path);
	}

	/** The test's own team: the sweep beside the test may write other teams' hand-overs meanwhile. */
	private long team;

	private long rows() {
		return jdbc.sql("""
				select (select count(*) from shift_attendance a join staff_member m on m.id = a.staff_id where m.team_id = :team)
				     + (select count(*) from shift_attendance a where a.clock_out_at is not null
				          and a.staff_id in (select id from staff_member where team_id = :team))
				     + (select count(*) from shift_roster_entry where team_id = :team)
				     + (select count(*) from shift_handover where team_id = :team and outgoing_signed_at is not null)
				     + (select count(*) from shift_handover where team_id = :team and incoming_signed_at is not null)
				     + (select count(*) from shift_handover where team_id = :team)""").param("team", team).query(Long.class).single();
	}
}
