package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HeatDeskTest
class CtiEventsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	CallSweep sweep;

	CtiClient cti;

	@BeforeEach
	void key() {
		cti = CtiClient.create(port, jdbc);
	}

	static String id() {
		return "T-" + UUID.randomUUID();
	}

	/** A call 10 minutes ago at 8001: rings, answered after 8 s, held 10 s, ended after 68 s, recorded. */
	static List<String> normal(String callId, Instant t0) {
		return List.of(CtiClient.event(callId, "RINGING", t0, "8001"),
				CtiClient.event(callId, "ANSWERED", t0.plusSeconds(8), "8001"),
				CtiClient.event(callId, "HELD", t0.plusSeconds(20), "8001"),
				CtiClient.event(callId, "RESUMED", t0.plusSeconds(30), "8001"),
				CtiClient.event(callId, "ENDED", t0.plusSeconds(68), "8001"),
				CtiClient.event(callId, "RECORDING_READY", t0.plusSeconds(70), null, "recordingUrl",
						"https://pbx.example/rec/" + callId + ".wav"));
	}

	Map<String, Object> call(String callId) {
		return jdbc.sql("""
				select status, ring_ms, talk_ms, hold_ms, answered_ext, answered_staff_id, current_ext, transfers,
				       abandoned, within_limit, recording_url, swept_at is not null as swept,
				       (select count(*) from contact_call_event e where e.call_id = c.id) as events
				from contact_call c where switch_call_id = ?""")
			.param(callId)
			.query()
			.singleRow();
	}

	JsonNode postAll(List<String> events) {
		var response = cti.post("[" + String.join(",", events) + "]");
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

	@Test
	void normalSequenceGivesRingTalkHoldAndRecording() {
		String callId = id();
		Instant t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		JsonNode result = postAll(normal(callId, t0));
		assertThat(result.get("stored").asInt()).isEqualTo(6);
		Map<String, Object> call = call(callId);
		assertThat(call.get("status")).isEqualTo("ENDED");
		assertThat(call.get("ring_ms")).isEqualTo(8_000L);
		assertThat(call.get("hold_ms")).isEqualTo(10_000L);
		assertThat(call.get("talk_ms")).isEqualTo(50_000L);
		assertThat(call.get("answered_ext")).isEqualTo("8001");
		long agentId = jdbc.sql("select id from staff_member where username = 'agent'").query(Long.class).single();
		assertThat(call.get("answered_staff_id")).isEqualTo(agentId);
		assertThat(call.get("within_limit")).isEqualTo(true);
		assertThat(call.get("abandoned")).isEqualTo(false);
		assertThat(call.get("recording_url")).isEqualTo("https://pbx.example/rec/" + callId + ".wav");
	}

	@Test
	void abandonedCallCountsItsWaitAndIsNotWithinLimit() {
		String callId = id();
		Instant t0 = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		postAll(List.of(CtiClient.event(callId, "RINGING", t0, null, "queue", "hotline"),
				CtiClient.event(callId, "ABANDONED", t0.plusSeconds(25), null, "queue", "hotline")));
		Map<String, Object> call = call(callId);
		assertThat(call.get("status")).isEqualTo("ABANDONED");
		assertThat(call.get("abandoned")).isEqualTo(true);
		assertThat(call.get("within_limit")).isEqualTo(false);
		assertThat(call.get("ring_ms")).isEqualTo(25_000L);
		assertThat(call.get("talk_ms")).isNull();
	}

	@Test
	void transferredCallEndsAtTheTarget() {
		String callId = id();
		Instant t0 = Instant.now().minus(7, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		postAll(List.of(CtiClient.event(callId, "RINGING", t0, "8002"),
				CtiClient.event(callId, "ANSWERED", t0.plusSeconds(5), "8002"),
				CtiClient.event(callId, "TRANSFERRED", t0.plusSeconds(30), "8002", "targetExtension", "8003"),
				CtiClient.event(callId, "ENDED", t0.plusSeconds(90), "8003")));
		Map<String, Object> call = call(callId);
		assertThat(call.get("transfers")).isEqualTo(1);
		assertThat(call.get("answered_ext")).isEqualTo("8002");
		assertThat(call.get("current_ext")).isEqualTo("8003");
		assertThat(call.get("talk_ms")).isEqualTo(85_000L);
		assertThat(call.get("ring_ms")).isEqualTo(5_000L);
	}

	@Test
	void duplicatedEventsChangeNothing() {
		String callId = id();
		Instant t0 = Instant.now().minus(9, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		List<String> events = normal(callId, t0);
		postAll(events);
		Map<String, Object> before = call(callId);
		JsonNode again = postAll(events);
		assertThat(again.get("duplicates").asInt()).isEqualTo(6);
		assertThat(again.get("stored").asInt()).isZero();
		var single = cti.post(events.get(1));
		assertThat(single.statusCode()).isEqualTo(200);
		assertThat(json.readTree(single.body()).get("status").asString()).isEqualTo("DUPLICATE");
		assertThat(call(callId)).isEqualTo(before);
		assertThat(before.get("events")).isEqualTo(6L);
		assertThat(jdbc.sql("select count(*) from contact_call where switch_call_id = ?").param(callId)
			.query(Long.class).single()).isEqualTo(1L);
	}

	@Test
	void outOfOrderEventsGiveTheSameCall() {
		Instant t0 = Instant.now().minus(8, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		String inOrder = id();
		postAll(normal(inOrder, t0));
		String shuffled = id();
		List<String> events = new ArrayList<>(normal(shuffled, t0));
		Collections.reverse(events);
		for (String e : events) {
			// one at a time, so each arrival recomputes the call from what is there so far
			assertThat(cti.post(e).statusCode()).isEqualTo(200);
		}
		Map<String, Object> a = new java.util.HashMap<>(call(inOrder));
		Map<String, Object> b = new java.util.HashMap<>(call(shuffled));
		a.remove("recording_url");
		b.remove("recording_url");
		assertThat(b).isEqualTo(a);
	}

	@Test
	void threeRingLimitIsTheConfiguredFifteenSeconds() {
		Instant t0 = Instant.now().minus(6, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		String onTime = id();
		postAll(List.of(CtiClient.event(onTime, "RINGING", t0, "8004"),
				CtiClient.event(onTime, "ANSWERED", t0.plusSeconds(15), "8004")));
		String late = id();
		postAll(List.of(CtiClient.event(late, "RINGING", t0, "8004"),
				CtiClient.event(late, "ANSWERED", t0.plusSeconds(16), "8004")));
		assertThat(call(onTime).get("within_limit")).isEqualTo(true);
		assertThat(call(onTime).get("status")).isEqualTo("TALKING");
		assertThat(call(late).get("within_limit")).isEqualTo(false);
	}

	@Test
	void badEventsAreRefusedOneByOneAndTheRestStored() {
		String good = id();
		Instant t0 = Instant.now().minus(1, ChronoUnit.MINUTES);
		JsonNode result = postAll(List.of(CtiClient.event(good, "RINGING", t0, "8001"),
				CtiClient.event(id(), "RANG", t0, "8001"),
				CtiClient.event(null, "RINGING", t0, "8001"),
				CtiClient.event(id(), "RINGING", Instant.now().plus(1, ChronoUnit.HOURS), "8001"),
				CtiClient.event(id(), "RINGING", t0, "7999"),
				"{\"callId\":\"x\",\"type\":\"ENDED\",\"time\":\"yesterday\"}"));
		assertThat(result.get("stored").asInt()).isEqualTo(1);
		assertThat(result.get("refused").asInt()).isEqualTo(5);
		JsonNode rows = result.get("results");
		assertThat(rows.get(0).get("status").asString()).isEqualTo("STORED");
		assertThat(rows.get(1).get("code").asString()).isEqualTo("CTI_TYPE_UNKNOWN");
		assertThat(rows.get(1).get("field").asString()).isEqualTo("type");
		assertThat(rows.get(1).get("message").asString()).contains("RANG");
		assertThat(rows.get(2).get("code").asString()).isEqualTo("CTI_CALL_ID_REQUIRED");
		assertThat(rows.get(3).get("code").asString()).isEqualTo("CTI_TIME_IN_FUTURE");
		assertThat(rows.get(4).get("code").asString()).isEqualTo("CTI_EXTENSION_UNKNOWN");
		assertThat(rows.get(4).get("message").asString()).contains("7999");
		assertThat(rows.get(5).get("code").asString()).isEqualTo("CTI_TIME_FORMAT");
		assertThat(call(good).get("status")).isEqualTo("RINGING");

		var single = cti.post(CtiClient.event(id(), "RINGING", t0, "7999"), "en");
		assertThat(single.statusCode()).isEqualTo(400);
		JsonNode error = json.readTree(single.body());
		assertThat(error.get("code").asString()).isEqualTo("CTI_EXTENSION_UNKNOWN");
		assertThat(error.get("field").asString()).isEqualTo("extension");
		assertThat(error.get("message").asString()).startsWith("No active agent has extension 7999");
	}

	@Test
	void onlyTheSwitchKeyMayPostEvents() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		var response = http.send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create("http://localhost:" + port + "/api/v1/cti/events"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("agent:heatdesk2026".getBytes()))
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(CtiClient.event(id(), "RINGING", Instant.now(), "8001")))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void sweepClosesCallsWhoseEndNeverCame() {
		String stale = id();
		Instant t0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		postAll(List.of(CtiClient.event(stale, "RINGING", t0, "8001"),
				CtiClient.event(stale, "ANSWERED", t0.plusSeconds(6), "8001")));
		String fresh = id();
		postAll(List.of(CtiClient.event(fresh, "RINGING", Instant.now().minusSeconds(30), "8001")));
		sweep.sweep(Instant.now());
		Map<String, Object> call = call(stale);
		assertThat(call.get("status")).isEqualTo("SWEPT");
		assertThat(call.get("swept")).isEqualTo(true);
		assertThat(call(fresh).get("status")).isEqualTo("RINGING");
		// an ENDED that comes after all still closes the call properly
		postAll(List.of(CtiClient.event(stale, "ENDED", t0.plusSeconds(66), "8001")));
		assertThat(call(stale).get("status")).isEqualTo("ENDED");
		assertThat(call(stale).get("talk_ms")).isEqualTo(60_000L);
	}
}
