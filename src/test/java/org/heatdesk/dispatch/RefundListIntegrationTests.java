package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The season's refunds for billing: the list and its CSV (UTF-8 with a byte order mark, the
 * columns billing needs, audited and logged per customer), for managers and dispatchers only; and
 * the 24-hour deadline of a room-temperature test.
 */
@HeatDeskTest
class RefundListIntegrationTests {

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

	@Autowired
	TemperatureTests tests;

	@Autowired
	Clock clock;

	@Test
	void theSeasonsRefundsAreListedAndExportedForBilling() {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		String name = "=张" + UUID.randomUUID().toString().substring(0, 4);
		long customer = TemperatureTestSupport.customer(jdbc, name, "85.40");
		String account = jdbc.sql("select account_no from customer where id = ?").param(customer).query(String.class).single();
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		TemperatureTestSupport.complainedDaysAgo(jdbc, ticket, 3);
		long job = TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ON_SITE");
		String sig = TemperatureTestSupport.signature();
		TemperatureTests.TestView t = tests.record(tech.actor(), job, new TemperatureTests.TestForm("csv-" + UUID.randomUUID(), null,
				TemperatureTestsIntegrationTests.rooms("15.2", "16.0", "15.7"), true, true, true, true, "JD-T-1", sig, sig));
		// as worked out in TemperatureTestsIntegrationTests: 15.6 °C, 50 %, 4 days, 37.69 yuan
		assertThat(t.amount()).isEqualByComparingTo("37.69");
		int season = tests.season(clock.instant());
		String day = LocalDate.ofInstant(t.measuredAt(), tests.zone()).toString();

		PageSession manager = PageSession.login(port, "manager");
		HttpResponse<String> page = manager.get("/dispatch/refunds?season=" + season);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(ticket, account, "37.69");

		long auditsBefore = count("select count(*) from platform_audit_event where action = 'REFUNDS_EXPORTED' and actor = 'manager'");
		HttpResponse<String> csv = manager.get("/dispatch/refunds.csv?season=" + season);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("UTF-8");
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", "refunds-" + season);
		String body = csv.body();
		assertThat(body).startsWith("\uFEFF户号,姓名,地址,工单号,测温日期,户内温度 °C,退费比例 %,不达标天数,退费金额（元）,退费标准版本\r\n");
		String line = body.lines().filter(l -> l.contains(ticket)).findFirst().orElseThrow();
		// the name starting with = would be a formula in a spreadsheet: it goes out quoted by a '
		assertThat(line).isEqualTo(String.join(",", account, "'" + name, "翠园小区 5-2-302", ticket, day, "15.6", "50", "4",
				"37.69", "JINAN#" + t.rule().id()));
		assertThat(count("select count(*) from platform_audit_event where action = 'REFUNDS_EXPORTED' and actor = 'manager'"))
			.isEqualTo(auditsBefore + 1);
		assertThat(count("select count(*) from customer_access_log where customer_id = " + customer
				+ " and purpose = 'EXPORT' and actor = 'manager'")).isEqualTo(1);

		// the dispatcher reads it too, in English on asking
		PageSession dispatcher = PageSession.login(port, "dispatcher");
		assertThat(dispatcher.get("/dispatch/refunds.csv?season=" + season + "&lang=en").body())
			.startsWith("\uFEFFAccount,Name,Address,Ticket,Test date");
		// nobody else: a technician, an agent
		assertThat(PageSession.login(port, tech.username()).get("/dispatch/refunds.csv").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "agent").get("/dispatch/refunds").statusCode()).isEqualTo(403);
		// a season that is not a year is refused, not a 500
		assertThat(manager.get("/dispatch/refunds?season=abc").statusCode()).isEqualTo(400);
		// nor is an export of one: no file, no audit row
		long exports = jdbc.sql("select count(*) from platform_audit_event where action = 'REFUNDS_EXPORTED'").query(Long.class).single();
		for (String bad : List.of("abc", "%00", "99999999999999999999", "1999", "3000", "-2026", "2026%20OR%201=1")) {
			HttpResponse<String> refused = manager.get("/dispatch/refunds.csv?season=" + bad);
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Disposition")).as(bad).isEmpty();
		}
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'REFUNDS_EXPORTED'").query(Long.class).single())
			.isEqualTo(exports);
	}

	@Test
	void aTemperatureTestIsDueOnSiteWithin24HoursOfTheComplaint() {
		MonthDay today = MonthDay.from(LocalDate.ofInstant(clock.instant(), tests.zone()));
		// in the heating season (15 Nov – 15 Mar) every hour counts, so the limit is 24 hours on the clock
		Assumptions.assumeTrue(!today.isBefore(MonthDay.of(11, 15)) || !today.isAfter(MonthDay.of(3, 15)));
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, TemperatureTestSupport.customer(jdbc, "赵一", "60.00"));
		JobView job = jobs.job(TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "DISPATCHED")).orElseThrow();
		java.time.Instant recorded = jdbc.sql("select recorded_at from ticket where ticket_no = ?").param(ticket)
			.query(java.sql.Timestamp.class).single().toInstant();
		assertThat(job.onSiteDue()).isEqualTo(recorded.plus(java.time.Duration.ofHours(24)));
		assertThat(jdbc.sql("""
				select r.on_site_limit from ticket_policy_rule r join ticket_category c on c.id = r.category_id
				where c.code = 'REPAIR_ROOM_TEMP' and r.policy_id = (select max(id) from ticket_policy)""")
			.query(String.class).single()).isEqualTo("24h");
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
