package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo morning has field work on it: 孙师傅 (tech) opens his phone to a room-temperature test
 * waiting for him to accept and a repair he has accepted, both dispatched by the demo dispatcher.
 */
@HeatDeskTest
class DispatchDemoDataIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoTechnicianHasJobsOnHisPhone() {
		// as seeded (other tests may re-dispatch them later): known by the demo's note and step id
		List<Map<String, Object>> demo = jdbc.sql("""
				select j.id, j.kind, j.ticket_no, c.code as category,
				       exists (select 1 from dispatch_job_step s where s.job_id = j.id and s.kind = 'ACCEPT'
				               and s.step_id = 'demo-accept-' || j.id) as accepted
				from dispatch_job j join ticket t on t.ticket_no = j.ticket_no left join ticket_category c on c.id = t.category_id
				where j.technician_id = (select id from staff_member where username = 'tech') and j.dispatched_by = 'dispatcher'
				  and (j.note = '带上测温仪' or exists (select 1 from dispatch_job_step s where s.job_id = j.id
				                                          and s.step_id = 'demo-accept-' || j.id))
				order by j.id""").query().listOfRows();
		// a repair he has accepted, and (when the morning has one waiting) a room-temperature test to accept
		assertThat(demo).filteredOn(r -> "PIPE_REPAIR".equals(r.get("kind"))).singleElement()
			.satisfies(r -> assertThat(r.get("accepted")).isEqualTo(true));
		assertThat(demo).filteredOn(r -> "TEMPERATURE_TEST".equals(r.get("kind")))
			.allSatisfy(r -> {
				assertThat(r.get("category")).isEqualTo("REPAIR_ROOM_TEMP");
				assertThat(r.get("accepted")).isEqualTo(false);
			});
		assertThat(PageSession.login(port, "tech").get("/field").statusCode()).isEqualTo(200);
	}
}
