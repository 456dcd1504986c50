package org.heatdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input on every POST of the people API: never a 5xx, a refusal is the API's JSON in the
 * caller's language and writes nothing.
 */
@HeatDeskTest
class PeopleApiMalformedInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Staff staff;

	@Test
	void malformedPeopleRecordsAreRefusedAndWriteNothing() {
		PeopleApi.Person agent = PeopleApi.person(staff, "pma", Role.AGENT);
		PeopleApi.Person lead = PeopleApi.person(staff, "pml", Role.TEAM_LEAD);
		PeopleApi.Person manager = PeopleApi.person(staff, "pmm", Role.MANAGER);
		String day = PeopleApi.today().minusDays(1).toString();
		probe("/api/v1/people/sanctions", lead.username(), """
				{"staffId":%d,"article":"8.1","measure":"WARNING","facts":"迟到","evidence":"考勤记录"}""".formatted(agent.id()));
		probe("/api/v1/people/commendations", lead.username(), """
				{"staffId":%d,"reason":"客户致谢","ticketNo":null}""".formatted(agent.id()));
		probe("/api/v1/people/reports", agent.username(), """
				{"reportedStaffId":%d,"article":"8.3","text":"推诿客户"}""".formatted(lead.id()));
		probe("/api/v1/people/trainings", lead.username(), """
				{"topic":"文明用语","heldOn":"%s","minutes":60,"trainer":"周经理","attendees":[{"staffId":%d,"score":80}]}"""
			.formatted(day, agent.id()));
		probe("/api/v1/people/certificates", lead.username(), """
				{"staffId":%d,"name":"上岗证","number":"N-1","issuedOn":"2025-01-01","expiresOn":"2028-01-01"}"""
			.formatted(agent.id()));
		long sanction = jdbc.sql("select max(id) from staff_sanction where staff_id = ?").param(agent.id()).query(Long.class)
			.single();
		probe("/api/v1/people/sanctions/" + sanction + "/statement", agent.username(), "{\"statement\":\"我迟到是因为堵车\"}");
		probe("/api/v1/people/sanctions/" + sanction + "/decision", manager.username(), "{\"approve\":true,\"note\":\"警告\"}");
		long commendation = jdbc.sql("select max(id) from staff_commendation where staff_id = ?").param(agent.id())
			.query(Long.class).single();
		probe("/api/v1/people/commendations/" + commendation + "/decision", manager.username(),
				"{\"approve\":true,\"note\":\"同意\"}");
		long report = jdbc.sql("select max(id) from staff_violation_report where reported_staff_id = ?").param(lead.id())
			.query(Long.class).single();
		probe("/api/v1/people/reports/" + report + "/close", manager.username(), "{\"conclusion\":\"已核实，批评教育\"}");
	}

	private void probe(String path, String user, String valid) {
		PeopleApi api = new PeopleApi(port, json);
		MalformedInput.Probe probe = new MalformedInput.Probe(PeopleApi.HTTP, json, this::rows);
		List<MalformedInput.Case> cases = MalformedInput.cases(json, valid, 20);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(api.request(path, user, i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).as(path).isPositive();
	}

	private long rows() {
		return jdbc.sql("""
				select (select count(*) from staff_sanction) + (select count(*) from staff_sanction where status <> 'PROPOSED')
				     + (select count(*) from staff_commendation) + (select count(*) from staff_commendation where status <> 'PROPOSED')
		     + (select count(*) from staff_violation_report) + (select count(*) from staff_violation_report where status <> 'OPEN')
				     + (select count(*) from staff_training_session) + (select count(*) from staff_training_attendance)
				     + (select count(*) from staff_certificate)""")
			.query(Long.class)
			.single();
	}
}
