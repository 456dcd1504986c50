package org.heatdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.PageSession;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** A customer's praise ticket about an agent proposes a commendation for him, which a manager grants. */
@HeatDeskTest
class PraiseCommendationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Test
	void aPraiseTicketProposesACommendation() {
		TestStaff.Account praised = TestStaff.create(staff, "prp", Role.AGENT);
		TestStaff.Account desk = TestStaff.create(staff, "prd", Role.AGENT);
		TestStaff.Account manager = TestStaff.create(staff, "prm", Role.MANAGER);
		long praisedId = staff.findByUsername(praised.username()).orElseThrow().id();
		String description = "客户来电表扬接线员耐心细致 " + System.nanoTime();
		HttpResponse<String> recorded = MalformedInput.send(PeopleHttp.HTTP, json, MalformedInput.at(port, "/api/v1/tickets")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((desk.username() + ":" + TestStaff.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
					{"type":"PRAISE","priority":"NORMAL","callerPhone":"13800000000","address":"翠园小区 3-2-501",
					 "description":"%s","aboutStaffId":%d}""".formatted(description, praisedId)))
			.build(), "praise");
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
		String no = json.readTree(recorded.body()).path("ticketNo").asString();

		var row = jdbc.sql("select id, staff_id, status, reason, proposed_by from staff_commendation where ticket_no = ?")
			.param(no).query().singleRow();
		assertThat(row.get("staff_id")).isEqualTo(praisedId);
		assertThat(row.get("status")).isEqualTo("PROPOSED");
		assertThat(row.get("reason")).isEqualTo(description);
		assertThat(row.get("proposed_by")).isEqualTo("system:praise");
		long id = (Long) row.get("id");

		PageSession managerPages = PageSession.login(port, manager.username());
		assertThat(managerPages.get("/people/commendations").body()).contains("commendation-" + id).contains(no);
		managerPages.post("/people/commendations/" + id + "/decision", java.util.Map.of("decision", "grant", "note", "通报表扬"));
		assertThat(jdbc.sql("select status from staff_commendation where id = ?").param(id).query(String.class).single())
			.isEqualTo("GRANTED");
	}

	static final class PeopleHttp {

		static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
	}
}
