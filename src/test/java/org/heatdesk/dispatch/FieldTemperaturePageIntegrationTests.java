package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The phone form's own answers: a refusal shown on the form with what was typed kept and nothing
 * written, the form only while on site, only to the job's technician, a comma as the decimal mark.
 */
@HeatDeskTest
class FieldTemperaturePageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tickets tickets;

	@Autowired
	Jobs jobs;

	@Autowired
	Technicians technicians;

	@Test
	void theFormRefusesShowsAndRecords() {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		long customer = TemperatureTestSupport.customer(jdbc, "李强", "100.00");
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		long job = TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ON_SITE");
		String path = "/field/jobs/" + job + "/temperature";
		PageSession phone = PageSession.login(port, tech.username());
		assertThat(phone.get(path).body()).contains("id=\"test-form\"", "inputmode=\"decimal\"", "data-standard=\"18\"");

		Map<String, String> form = new HashMap<>(Map.of("clientId", "page-1", "roomName", "客厅", "roomTemp", "16,5", "doorsClosed",
				"true", "height", "true", "centre", "true", "reading", "true", "instrumentNo", "JD-T-9"));
		// no signatures: the form again, with the refusal and what was typed, nothing written
		HttpResponse<String> refused = phone.post(path, form);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"test-error\"", "请在屏幕上签名", "value=\"16,5\"", "value=\"客厅\"", "value=\"JD-T-9\"");
		assertThat(jdbc.sql("select count(*) from dispatch_temperature_test where job_id = ?").param(job).query(Long.class).single())
			.isZero();
		// an out-of-range reading, in English
		form.put("roomTemp", "45");
		assertThat(phone.post(path + "?lang=en", form).body()).contains("between −10 and 40 °C");

		// signed: recorded (16,5 with a comma is 16.5 °C: 100 m², 1 day, 14–18 band 50 %:
		// 26.70 × 100 × 1 ÷ 121 × 50 % = 11.0330… → 11.03 yuan)
		String sig = TemperatureTestSupport.signature();
		form.put("roomTemp", "16,5");
		form.put("technicianSignature", sig);
		form.put("customerSignature", sig);
		HttpResponse<String> saved = phone.post(path, form);
		assertThat(saved.statusCode()).isEqualTo(302);
		String page = phone.get(path).body();
		assertThat(page).contains("id=\"recorded\"", "16.5 °C", "¥ 11.03（退 50%，不达标 1 天）").doesNotContain("id=\"test-form\"");
		assertThat(phone.get(path + "/signatures/customer").headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");

		// another technician may neither see the form nor the signatures
		PageSession other = PageSession.login(port, TemperatureTestSupport.technician(staff, jdbc, technicians).username());
		assertThat(other.get(path).statusCode()).isEqualTo(403);
		assertThat(other.get(path + "/signatures/customer").statusCode()).isEqualTo(403);
		// a dispatcher is no technician
		assertThat(PageSession.login(port, "dispatcher").get(path).statusCode()).isEqualTo(403);
	}

	@Test
	void beforeArrivingThereIsNoForm() {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, TemperatureTestSupport.customer(jdbc, "陈晨", "66.00"));
		long job = TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ACCEPTED");
		String body = PageSession.login(port, tech.username()).get("/field/jobs/" + job + "/temperature").body();
		assertThat(body).contains("id=\"not-on-site\"", "请先在任务中点“已到达”").doesNotContain("id=\"test-form\"");
	}
}
