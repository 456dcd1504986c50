package org.heatdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.MalformedInput.Case;
import org.heatdesk.platform.Actor;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input on every endpoint of the portal's public API: generated cases never get a 5xx,
 * every refusal is the API's JSON in the caller's language, and a refusal writes no code, request,
 * ticket, timeline entry or follow-up (the rate limits' own counts of misses are the one thing a
 * refusal leaves, by design).
 */
@HeatDeskTest
class PortalApiMalformedInputIntegrationTests {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Tickets tickets;

	PortalClient portal;

	@BeforeEach
	void setUp() {
		portal = new PortalClient(port);
		PortalClient.forgetLoopback(jdbc);
	}

	@AfterEach
	void tearDown() {
		PortalClient.forgetLoopback(jdbc);
	}

	long rows() {
		return jdbc.sql("""
				select (select count(*) from portal_code) + (select count(*) from portal_request) + (select count(*) from ticket)
				  + (select count(*) from ticket_event) + (select count(*) from followup_follow_up)""")
			.query(Long.class)
			.single();
	}

	HttpRequest.Builder at(String path, String language) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", language);
	}

	void probe(String path, String valid, int random) {
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, this::rows);
		List<Case> cases = MalformedInput.cases(json, valid, random);
		for (int i = 0; i < cases.size(); i++) {
			if (i % 40 == 0) {
				// the misses would close this address for the hour; each case is judged on its own input
				PortalClient.forgetLoopback(jdbc);
			}
			probe.check(at(path, i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).as(path).isGreaterThan(100);
	}

	@Test
	void codes() {
		probe("/api/v1/portal/codes", "{\"phone\":\"%s\"}".formatted(PortalClient.phone()), 40);
	}

	@Test
	void requests() {
		String phone = PortalClient.phone();
		String code = portal.code(jdbc, phone);
		probe("/api/v1/portal/requests", json.writeValueAsString(Map.of("type", "REPAIR", "address", "翠园小区3号楼",
				"phone", phone, "code", code, "description", "暖气不热", "idempotencyKey", MalformedInput.UNIQUE,
				"accountNo", "")), 60);
	}

	@Test
	void progressAndInformation() {
		String phone = PortalClient.phone();
		String no = request(phone);
		probe("/api/v1/portal/progress", json.writeValueAsString(Map.of("ticketNo", no, "phone", phone)), 40);
		probe("/api/v1/portal/progress/information",
				json.writeValueAsString(Map.of("ticketNo", no, "phone", phone, "text", "补充 " + MalformedInput.UNIQUE)), 40);
	}

	@Test
	void ratings() {
		String phone = PortalClient.phone();
		String no = request(phone);
		Actor lead = Actor.person("lead", null);
		tickets.dispatch(lead, no, null, null, null, null);
		tickets.respond(lead, no, null, null);
		tickets.resolve(lead, no, null, "已修好");
		probe("/api/v1/portal/ratings", json.writeValueAsString(Map.of("ticketNo", no, "phone", phone, "satisfaction",
				"NEUTRAL", "comment", "一般")), 40);
	}

	String request(String phone) {
		String code = portal.code(jdbc, phone);
		PortalClient.Answer made = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, code, "REPAIR", "翠园小区", "不热"));
		assertThat(made.status()).as(made.raw()).isEqualTo(201);
		return made.text("ticketNo");
	}
}
