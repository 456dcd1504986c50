package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The phone pages refuse calmly and write nothing: another technician's job, a job that does not
 * exist, a malformed id, another role; a call reveals the number only to the job's technician, once
 * per tap, in the customer's access log.
 */
@HeatDeskTest
class FieldPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Jobs jobs;

	@Autowired
	Technicians technicians;

	@Autowired
	org.heatdesk.ticket.Tickets tickets;

	@Autowired
	org.heatdesk.ticket.TicketQueries queries;

	@Autowired
	org.heatdesk.staff.Staff staff;

	@Autowired
	org.heatdesk.network.Network network;

	@Autowired
	JdbcClient jdbc;

	FieldBrowserTests.Setup dispatched() {
		return new FieldFixtures(jobs, technicians, tickets, queries, staff, network, jdbc).dispatched();
	}

	long reveals(long customerId) {
		return jdbc.sql("select count(*) from customer_access_log where customer_id = ? and purpose = 'REVEAL_PHONE'")
			.param(customerId).query(Long.class).single();
	}

	@Test
	void onlyTheJobsTechnicianSeesItAndRevealsThePhone() {
		FieldBrowserTests.Setup s = dispatched();
		long job = s.job().id();
		PageSession mine = PageSession.login(port, s.crew().usernames()[0]);
		PageSession other = PageSession.login(port, s.crew().usernames()[1]);

		HttpResponse<String> page = mine.get("/field/jobs/" + job);
		assertThat(page.statusCode()).isEqualTo(200);
		// masked: 196****abcd, not the full number
		assertThat(page.body()).contains(s.mobile().substring(0, 3) + "****" + s.mobile().substring(7))
			.doesNotContain(s.mobile());

		HttpResponse<String> refused = other.get("/field/jobs/" + job);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("这不是您的任务", "这个维修任务没有派给您。").doesNotContain(s.address());
		HttpResponse<String> call = other.post("/field/jobs/" + job + "/call", Map.of());
		assertThat(call.statusCode()).isEqualTo(403);
		assertThat(call.body()).doesNotContain(s.mobile());
		assertThat(reveals(s.customerId())).isZero();
		HttpResponse<String> english = other.get("/field/jobs/" + job + "?lang=en");
		assertThat(english.body()).contains("This is not your job", "This field job was not dispatched to you.");

		// the job's own technician: the number as a tel: link, one reveal logged
		HttpResponse<String> revealed = mine.post("/field/jobs/" + job + "/call", Map.of());
		assertThat(revealed.statusCode()).isEqualTo(200);
		assertThat(revealed.body()).contains("href=\"tel:" + s.mobile() + "\"");
		assertThat(reveals(s.customerId())).isEqualTo(1);
	}

	@Test
	void aMissingOrMalformedJobIsAnsweredNotAnError() {
		FieldBrowserTests.Setup s = dispatched();
		PageSession tech = PageSession.login(port, s.crew().usernames()[0]);
		HttpResponse<String> missing = tech.get("/field/jobs/987654321");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("找不到这个任务", "没有这个维修任务。");
		assertThat(tech.get("/field/jobs/abc").statusCode()).isEqualTo(400);
		assertThat(tech.post("/field/jobs/abc/call", Map.of()).statusCode()).isEqualTo(400);
		assertThat(tech.post("/field/jobs/987654321/call", Map.of()).statusCode()).isEqualTo(404);

		// the other roles: the application's usual refusal
		PageSession dispatcher = PageSession.login(port, "dispatcher");
		assertThat(dispatcher.get("/field").statusCode()).isEqualTo(403);
		assertThat(dispatcher.get("/field/jobs/" + s.job().id()).statusCode()).isEqualTo(403);
		assertThat(dispatcher.post("/field/jobs/" + s.job().id() + "/call", Map.of()).statusCode()).isEqualTo(403);
		assertThat(reveals(s.customerId())).isZero();
	}
}
