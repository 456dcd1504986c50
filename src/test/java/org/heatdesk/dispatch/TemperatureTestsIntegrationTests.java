package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The room-temperature test of a job: the household figure, met or not, the refund by the Jinan rule
 * for the days from the complaint to the test (worked out by hand below), once per job, and every
 * refusal with nothing written.
 */
@HeatDeskTest
class TemperatureTestsIntegrationTests {

	@Autowired
	TemperatureTests tests;

	@Autowired
	Tickets tickets;

	@Autowired
	Jobs jobs;

	@Autowired
	Technicians technicians;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	static List<TemperatureTests.Room> rooms(String... readings) {
		String[] names = { "主卧", "客厅", "次卧", "书房" };
		return java.util.stream.IntStream.range(0, readings.length)
			.mapToObj(i -> new TemperatureTests.Room(names[i % names.length], new BigDecimal(readings[i])))
			.toList();
	}

	static TemperatureTests.TestForm form(String clientId, List<TemperatureTests.Room> rooms) {
		String signature = TemperatureTestSupport.signature();
		return new TemperatureTests.TestForm(clientId, null, rooms, true, true, true, true, "JD-T-0042", signature, signature);
	}

	long rowsOf(long jobId) {
		return jdbc.sql("""
				select (select count(*) from dispatch_temperature_test where job_id = ?)
				     + (select count(*) from dispatch_temperature_room r join dispatch_temperature_test t on t.id = r.test_id where t.job_id = ?)""")
			.params(jobId, jobId)
			.query(Long.class)
			.single();
	}

	@Test
	void aTemperatureJobIsNotDoneUntilItsTestIsRecorded() {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		long customer = TemperatureTestSupport.customer(jdbc, "赵桂兰", "60.00");
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		long job = TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ON_SITE");
		byte[] png = java.util.Base64.getDecoder().decode(TemperatureTestSupport.signature().substring("data:image/png;base64,".length()));
		Jobs.Finish finish = new Jobs.Finish("阀门开度不足", "调大阀门", null, png, "赵女士");
		assertThatThrownBy(() -> jobs.done(tech.actor(), job, UUID.randomUUID().toString(), Instant.now(), finish))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("DISPATCH_TEST_REQUIRED"));
		assertThat(jobs.job(job).orElseThrow().status()).isEqualTo(JobStatus.ON_SITE);
		assertThat(jdbc.sql("select status from ticket where ticket_no = ?").param(ticket).query(String.class).single())
			.isEqualTo("RESPONDED");

		tests.record(tech.actor(), job, form(UUID.randomUUID().toString(), rooms("16.0", "16.4")));
		assertThat(jobs.done(tech.actor(), job, UUID.randomUUID().toString(), Instant.now(), finish).status())
			.isEqualTo(JobStatus.DONE);
		assertThat(jdbc.sql("select status from ticket where ticket_no = ?").param(ticket).query(String.class).single())
			.isEqualTo("RESOLVED");
	}

	@Test
	void belowStandardInJinanRefundsHalfTheFeeForTheDaysFromTheComplaint() {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		long customer = TemperatureTestSupport.customer(jdbc, "王秀英", "85.40");
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		// the complaint three days before the test: days counted 3 days ago, 2, 1 and today = 4
		TemperatureTestSupport.complainedDaysAgo(jdbc, ticket, 3);
		long job = TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ON_SITE");

		TemperatureTests.TestView t = tests.record(tech.actor(), job, form("c-" + UUID.randomUUID(), rooms("15.2", "16.0", "15.7")));

		// (15.2 + 16.0 + 15.7) ÷ 3 = 46.9 ÷ 3 = 15.633… → 15.6 °C: below 18, in Jinan's 14–18 band → 50 %
		assertThat(t.mean()).isEqualByComparingTo("15.6");
		assertThat(t.standard()).isEqualByComparingTo("18.0");
		assertThat(t.compliant()).isFalse();
		assertThat(t.percent()).isEqualTo(50);
		assertThat(t.daysBelow()).isEqualTo(4);
		// 26.70 yuan/m² × 85.40 m² = 2280.18 a season; × 4 days = 9120.72; ÷ 121 season days = 75.3778…;
		// × 50 % = 37.6889… → 37.69 yuan (half up to 0.01)
		assertThat(t.heatedArea()).isEqualByComparingTo("85.40");
		assertThat(t.amount()).isEqualByComparingTo("37.69");
		assertThat(t.rule().city()).isEqualTo("JINAN");
		assertThat(t.rule().pricePerM2()).isEqualByComparingTo("26.70");
		assertThat(t.rooms()).extracting(TemperatureTests.Room::name).containsExactly("主卧", "客厅", "次卧");
		assertThat(t.customerId()).isEqualTo(customer);
		// kept with the customer and the ticket, and audited
		assertThat(tests.forCustomer(customer)).extracting(TemperatureTests.TestView::id).containsExactly(t.id());
		assertThat(tests.forTicket(ticket)).extracting(TemperatureTests.TestView::amount).containsExactly(new BigDecimal("37.69"));
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'TEMPERATURE_TEST_RECORDED' and entity_id = ? and actor = ?")
			.params(String.valueOf(t.id()), tech.username()).query(Long.class).single()).isEqualTo(1);
		assertThat(tests.signature(t.id(), true)).hasValueSatisfying(png -> assertThat(png[1]).isEqualTo((byte) 'P'));
		// in this season's refunds
		Instant now = clock.instant();
		assertThat(tests.refunds(tests.seasonStart(tests.season(now)), now.plusSeconds(60)))
			.extracting(TemperatureTests.TestView::id).contains(t.id());
	}

	@Test
	void theStandardMetRefundsNothing() {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		long customer = TemperatureTestSupport.customer(jdbc, "赵敏", "92.00");
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		long job = TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ON_SITE");
		TemperatureTests.TestView t = tests.record(tech.actor(), job, form("c-" + UUID.randomUUID(), rooms("18.0")));
		// one room at 18.0: the standard is met, no rule consulted, no refund
		assertThat(t.mean()).isEqualByComparingTo("18.0");
		assertThat(t.compliant()).isTrue();
		assertThat(t.amount()).isNull();
		assertThat(t.rule()).isNull();
		assertThat(t.percent()).isNull();
	}

	@Test
	void theMeanIsRoundedHalfUpBeforeItIsJudged() {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		long customer = TemperatureTestSupport.customer(jdbc, "钱进", "60.00");
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		long job = TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ON_SITE");
		// (17.9 + 18.0) ÷ 2 = 17.95 → 18.0 half up: met
		TemperatureTests.TestView t = tests.record(tech.actor(), job, form("c-" + UUID.randomUUID(), rooms("17.9", "18.0")));
		assertThat(t.mean()).isEqualByComparingTo("18.0");
		assertThat(t.compliant()).isTrue();
	}

	@Test
	void belowFourteenRefundsTheWholeFeeAndTheSameSubmissionIsRecordedOnce() {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		long customer = TemperatureTestSupport.customer(jdbc, "孙丽", "100.00");
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		long job = TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ON_SITE");
		String client = "c-" + UUID.randomUUID();
		TemperatureTests.TestView first = tests.record(tech.actor(), job, form(client, rooms("13.0", "14.0", "13.5", "13.8")));
		// (13.0 + 14.0 + 13.5 + 13.8) ÷ 4 = 54.3 ÷ 4 = 13.575 → 13.6 °C: below 14 → 100 %;
		// complained today, tested today: 1 day; 26.70 × 100 × 1 ÷ 121 × 100 % = 22.0661… → 22.07 yuan
		assertThat(first.mean()).isEqualByComparingTo("13.6");
		assertThat(first.percent()).isEqualTo(100);
		assertThat(first.daysBelow()).isEqualTo(1);
		assertThat(first.amount()).isEqualByComparingTo("22.07");
		long rows = rowsOf(job);
		// sent again from a weak connection: the same test, nothing more written
		TemperatureTests.TestView again = tests.record(tech.actor(), job, form(client, rooms("13.0", "14.0", "13.5", "13.8")));
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(rowsOf(job)).isEqualTo(rows).isEqualTo(5);
		// another submission for the same job is refused
		assertThatThrownBy(() -> tests.record(tech.actor(), job, form("other", rooms("20.0"))))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("DISPATCH_TEST_EXISTS"));
		assertThat(rowsOf(job)).isEqualTo(5);
	}

	@Test
	void withoutACustomerAccountTheTestIsJudgedButNotPriced() {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, null);
		long job = TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ON_SITE");
		TemperatureTests.TestView t = tests.record(tech.actor(), job, form("c-" + UUID.randomUUID(), rooms("16.2", "16.6")));
		// (16.2 + 16.6) ÷ 2 = 16.4 °C: below standard, 50 % band, 1 day; no heated area to price it by
		assertThat(t.compliant()).isFalse();
		assertThat(t.percent()).isEqualTo(50);
		assertThat(t.daysBelow()).isEqualTo(1);
		assertThat(t.rule()).isNotNull();
		assertThat(t.amount()).isNull();
		assertThat(t.customerId()).isNull();
	}

	@Test
	void daysBelowCountTheComplaintsDayAndTheTestsDayInTheCompanysZone() {
		ZoneId zone = tests.zone();
		Instant complaint = LocalDate.of(2026, 11, 20).atTime(23, 50).atZone(zone).toInstant();
		// 20 Nov 23:50 to 21 Nov 00:10: two calendar days, 20 minutes apart
		assertThat(tests.daysBelow(complaint, complaint.plus(Duration.ofMinutes(20)), 121)).isEqualTo(2);
		assertThat(tests.daysBelow(complaint, complaint.plus(Duration.ofMinutes(5)), 121)).isEqualTo(1);
		// never more than the season
		assertThat(tests.daysBelow(complaint, complaint.plus(Duration.ofDays(400)), 121)).isEqualTo(121);
	}

	@Test
	void refusalsWriteNothing() {
		TemperatureTestSupport.Technician tech = TemperatureTestSupport.technician(staff, jdbc, technicians);
		TemperatureTestSupport.Technician other = TemperatureTestSupport.technician(staff, jdbc, technicians);
		long customer = TemperatureTestSupport.customer(jdbc, "周杰", "70.00");
		String ticket = TemperatureTestSupport.complaint(tickets, jdbc, customer);
		long job = TemperatureTestSupport.job(jobs, ticket, tech, JobKind.TEMPERATURE_TEST, "ON_SITE");
		String sig = TemperatureTestSupport.signature();

		refused(tech, job, form("a", rooms("40.1")), "DISPATCH_TEMPERATURE_RANGE", "rooms");
		refused(tech, job, form("a", rooms("-10.1")), "DISPATCH_TEMPERATURE_RANGE", "rooms");
		refused(tech, job, form("a", rooms("15.25")), "DISPATCH_TEMPERATURE_RANGE", "rooms");
		refused(tech, job, form("a", List.of()), "DISPATCH_ROOMS_REQUIRED", "rooms");
		refused(tech, job, new TemperatureTests.TestForm("a", null, rooms("15.0"), true, true, true, true, "T1", sig, null),
				"DISPATCH_TEST_SIGNATURE_REQUIRED", "customerSignature");
		refused(tech, job, new TemperatureTests.TestForm("a", null, rooms("15.0"), true, true, true, true, "T1", "  ", sig),
				"DISPATCH_TEST_SIGNATURE_REQUIRED", "technicianSignature");
		refused(tech, job, new TemperatureTests.TestForm("a", null, rooms("15.0"), true, true, true, true, "T1", sig,
				"data:image/jpeg;base64,/9j/4AAQ"), "DISPATCH_TEST_SIGNATURE_FORMAT", "customerSignature");
		refused(tech, job, new TemperatureTests.TestForm("a", null, rooms("15.0"), true, false, true, true, "T1", sig, sig),
				"DISPATCH_TEST_METHOD_REQUIRED", "height");
		refused(tech, job, new TemperatureTests.TestForm("a", null, rooms("15.0"), true, true, true, true, " ", sig, sig),
				"REQUIRED", "instrumentNo");
		refused(tech, job, new TemperatureTests.TestForm("a", clock.instant().plus(Duration.ofMinutes(10)), rooms("15.0"), true,
				true, true, true, "T1", sig, sig), "DISPATCH_TEST_IN_FUTURE", "measuredAt");
		refused(tech, job, new TemperatureTests.TestForm("a", clock.instant().minus(Duration.ofDays(2)), rooms("15.0"), true,
				true, true, true, "T1", sig, sig), "DISPATCH_TEST_BEFORE_COMPLAINT", "measuredAt");
		refused(other, job, form("a", rooms("15.0")), "DISPATCH_JOB_NOT_YOURS", null);
		refused(tech, Long.MAX_VALUE, form("a", rooms("15.0")), "DISPATCH_JOB_NOT_FOUND", null);
		assertThat(rowsOf(job)).isZero();

		long accepted = TemperatureTestSupport.job(jobs, TemperatureTestSupport.complaint(tickets, jdbc, customer), tech,
				JobKind.TEMPERATURE_TEST, "ACCEPTED");
		refused(tech, accepted, form("a", rooms("15.0")), "DISPATCH_TEST_NOT_ON_SITE", null);
		long repair = TemperatureTestSupport.job(jobs, TemperatureTestSupport.complaint(tickets, jdbc, customer), tech,
				JobKind.PIPE_REPAIR, "ON_SITE");
		refused(tech, repair, form("a", rooms("15.0")), "DISPATCH_TEST_WRONG_KIND", null);
		assertThat(rowsOf(accepted) + rowsOf(repair)).isZero();
	}

	void refused(TemperatureTestSupport.Technician by, long job, TemperatureTests.TestForm form, String code, String field) {
		assertThatThrownBy(() -> tests.record(by.actor(), job, form)).isInstanceOfSatisfying(HeatDeskException.class, e -> {
			assertThat(e.code()).isEqualTo(code);
			if (field != null) {
				assertThat(e.field()).isEqualTo(field);
			}
		});
	}
}
