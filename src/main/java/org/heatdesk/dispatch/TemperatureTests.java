package org.heatdesk.dispatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketProgress;
import org.heatdesk.ticket.FieldTicket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The room-temperature test (测温) of a {@link JobKind#TEMPERATURE_TEST} job: the technician on site
 * records the rooms measured, confirms the method, has both signatures drawn, and the result is
 * judged against the standard temperature (a setting). Below standard, the refund is priced by the
 * city's rule version in force at the test ({@link RefundRules}, {@link RefundCalculator}) for the
 * days from the day of the complaint to the day of the test, both counted, and kept with the
 * customer for billing. The test and its inputs are stored as they were: a later change of the
 * setting or the rules never re-prices it.
 */
@Service
public class TemperatureTests {

	/** A reading on the phone may run ahead of the server's clock by this much (as a job's steps may). */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

	private static final String PNG_DATA_URL = "data:image/png;base64,";

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** A signature drawn on a phone's screen is a few kilobytes; 512 KB is generous. */
	private static final int MAX_SIGNATURE_BYTES = 512 * 1024;

	private final JdbcClient jdbc;

	private final RefundRules rules;

	private final TicketQueries tickets;

	private final Customers customers;

	private final Staff staff;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	private final String city;

	TemperatureTests(JdbcClient jdbc, RefundRules rules, TicketQueries tickets, Customers customers, Staff staff,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone,
			@Value("${heatdesk.dispatch.refund-city:JINAN}") String city) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.tickets = tickets;
		this.customers = customers;
		this.staff = staff;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
		this.city = city.strip().toUpperCase(java.util.Locale.ROOT);
	}

	/** A room measured: its name (optional, e.g. 主卧) and its reading, °C with at most one decimal. */
	public record Room(String name, BigDecimal temperature) {
	}

	/**
	 * What the technician enters. {@code clientId} is the phone's id of this submission: sent again (a
	 * weak connection), the test recorded the first time is the answer and nothing is written.
	 * @param measuredAt when the readings were taken, as the phone recorded it; now when left out
	 * @param doorsClosed doors and windows closed at least 30 minutes before
	 * @param height the instrument 1.5 m above the floor
	 * @param centre in the centre of the room
	 * @param reading read after at least 10 minutes
	 * @param technicianSignature the technician's signature, a PNG data URL
	 * @param customerSignature the customer's signature, a PNG data URL
	 */
	public record TestForm(String clientId, Instant measuredAt, List<Room> rooms, Boolean doorsClosed, Boolean height,
			Boolean centre, Boolean reading, String instrumentNo, String technicianSignature, String customerSignature) {
	}

	/**
	 * A recorded test.
	 * @param compliant whether the household figure reached the standard
	 * @param rule the rule version the refund was priced by (below standard only)
	 * @param complainedAt when the complaint was recorded (the ticket), the first day counted
	 * @param amount the refund, yuan; {@code null} when compliant, or when it could not be priced
	 * (no customer account on the ticket, or no rule in force for the city)
	 */
	public record TestView(long id, long jobId, String ticketNo, Long customerId, long technicianId, Instant measuredAt,
			List<Room> rooms, String instrumentNo, BigDecimal standard, BigDecimal mean, boolean compliant,
			RefundRule rule, Instant complainedAt, BigDecimal heatedArea, Integer percent, Integer daysBelow,
			BigDecimal amount, Instant recordedAt, String recordedBy) {

		/** Whether a refund is owed and was priced. */
		public boolean refunded() {
			return amount != null;
		}
	}

	/**
	 * What the form needs before anything is measured: the job, the standard, and the refund's inputs
	 * as they stand now, so that the phone can show the result before it is sent.
	 * @param rule the rule version in force now, or {@code null}
	 * @param heatedArea the customer's heated area, or {@code null} without a customer
	 * @param daysBelowToday the days below standard were the test done today
	 * @param recorded the test already recorded for the job, or {@code null}
	 */
	public record Preparation(long jobId, String ticketNo, String address, String status, BigDecimal standard,
			RefundRule rule, BigDecimal heatedArea, int daysBelowToday, TestView recorded) {
	}

	/** Published after a test is recorded (the board, the ticket page may listen). */
	public record TemperatureTestRecorded(long testId, long jobId, String ticketNo, Long customerId, boolean compliant,
			BigDecimal refund) {
	}

	// the job as this service needs it
	private record Job(long id, String ticketNo, JobKind kind, long technicianId, String status, String address,
			Instant arrivedAt) {
	}

	// ------------------------------------------------------------------ recording

	/**
	 * Records the test of a job. Only the job's technician, only while on site, once per job.
	 * @throws HeatDeskException 404 {@code DISPATCH_JOB_NOT_FOUND}; 403 {@code DISPATCH_JOB_NOT_YOURS};
	 * 409 {@code DISPATCH_TEST_WRONG_KIND}, {@code DISPATCH_TEST_NOT_ON_SITE}, {@code DISPATCH_TEST_EXISTS};
	 * 400 for the form: {@code DISPATCH_ROOMS_REQUIRED}, {@code DISPATCH_TEMPERATURE_RANGE},
	 * {@code DISPATCH_TEST_METHOD_REQUIRED}, {@code DISPATCH_TEST_SIGNATURE_REQUIRED},
	 * {@code DISPATCH_TEST_SIGNATURE_FORMAT}, {@code DISPATCH_TEST_IN_FUTURE}, {@code REQUIRED}. Nothing is
	 * written when refused.
	 */
	@Transactional
	public TestView record(Actor by, long jobId, TestForm form) {
		StaffView me = technician(by);
		Job job = job(jobId, true).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_JOB_NOT_FOUND"));
		if (job.technicianId() != me.id()) {
			throw HeatDeskException.forbidden("DISPATCH_JOB_NOT_YOURS");
		}
		if (form == null) {
			throw HeatDeskException.badInput("DISPATCH_ROOMS_REQUIRED", "rooms");
		}
		String clientId = InputChecks.required(form.clientId(), "clientId", 64);
		// the form first: a repeated submission is the same valid form
		List<Room> rooms = rooms(form.rooms());
		tick(form.doorsClosed(), "doorsClosed");
		tick(form.height(), "height");
		tick(form.centre(), "centre");
		tick(form.reading(), "reading");
		String instrument = InputChecks.required(form.instrumentNo(), "instrumentNo", 40);
		byte[] techSignature = signature(form.technicianSignature(), "technicianSignature");
		byte[] customerSignature = signature(form.customerSignature(), "customerSignature");
		Instant now = clock.instant();
		Instant measured = form.measuredAt() == null ? now : InputChecks.instant(form.measuredAt(), "measuredAt");
		if (measured.isAfter(now.plus(CLOCK_SKEW))) {
			throw HeatDeskException.badInput("DISPATCH_TEST_IN_FUTURE", "measuredAt");
		}
		measured = measured.truncatedTo(ChronoUnit.SECONDS);
		Optional<TestView> earlier = forJob(jobId);
		if (earlier.isPresent()) {
			if (clientId.equals(clientIdOf(earlier.get().id()))) {
				return earlier.get();
			}
			throw HeatDeskException.conflict("DISPATCH_TEST_EXISTS");
		}
		if (job.kind() != JobKind.TEMPERATURE_TEST) {
			throw HeatDeskException.conflict("DISPATCH_TEST_WRONG_KIND");
		}
		if (!"ON_SITE".equals(job.status())) {
			throw HeatDeskException.conflict("DISPATCH_TEST_NOT_ON_SITE");
		}
		Complaint ticket = complaint(job.ticketNo());
		if (measured.isBefore(ticket.recordedAt().truncatedTo(ChronoUnit.SECONDS))) {
			throw HeatDeskException.badInput("DISPATCH_TEST_BEFORE_COMPLAINT", "measuredAt");
		}

		BigDecimal standard = rules.standardTemperature().setScale(1, RoundingMode.HALF_UP);
		BigDecimal mean = RefundCalculator.householdTemperature(rooms.stream().map(Room::temperature).toList());
		boolean compliant = mean.compareTo(standard) >= 0;
		RefundRule rule = null;
		BigDecimal area = null;
		Integer percent = null;
		Integer days = null;
		BigDecimal amount = null;
		if (!compliant) {
			rule = rules.inForce(city, measured).orElse(null);
			area = ticket.customerId() == null ? null
					: customers.find(ticket.customerId()).map(CustomerView::heatedArea).orElse(null);
			if (rule != null) {
				days = daysBelow(ticket.recordedAt(), measured, rule.seasonDays());
				if (area != null) {
					RefundCalculator.Refund refund = RefundCalculator.refund(rule, standard, mean, area, days);
					percent = refund.percent();
					amount = refund.amount();
				}
				else {
					percent = rule.bands().stream().filter(b -> b.holds(mean)).mapToInt(RefundBand::percent).findFirst().orElse(0);
				}
			}
		}
		// the job's row is locked (for update) since it was read: a concurrent resend waits here and then
		// finds this test, so the unique job id is never hit by a second insert
		long id = jdbc.sql("""
				insert into dispatch_temperature_test
				  (job_id, client_id, ticket_no, customer_id, technician_id, measured_at, doors_closed, height_1_5m,
				   room_centre, reading_10min, instrument_no, technician_signature, customer_signature, standard_c,
				   mean_c, compliant, rule_id, complained_at, heated_area, percent, days_below, amount, recorded_at,
				   recorded_by)
				values (?, ?, ?, ?, ?, ?, true, true, true, true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				returning id""")
			.params(jobId, clientId, job.ticketNo(), ticket.customerId(), me.id(), Timestamp.from(measured), instrument,
					techSignature, customerSignature, standard, mean, compliant, rule == null ? null : rule.id(),
					Timestamp.from(ticket.recordedAt()), area, percent, days, amount, Timestamp.from(now), by.name())
			.query(Long.class)
			.single();
		for (int i = 0; i < rooms.size(); i++) {
			jdbc.sql("insert into dispatch_temperature_room (test_id, position, name, temperature_c) values (?, ?, ?, ?)")
				.params(id, i, rooms.get(i).name(), rooms.get(i).temperature())
				.update();
		}
		TestView recorded = find(id).orElseThrow();
		audit.record(by, "TEMPERATURE_TEST_RECORDED", "dispatch_temperature_test", id, null, snapshot(recorded));
		events.publishEvent(new TemperatureTestRecorded(id, jobId, job.ticketNo(), ticket.customerId(), compliant, amount));
		return recorded;
	}

	/**
	 * The days below standard a test refunds: from the day the complaint was recorded to the day of
	 * the test, both counted, in the company's zone, and never more than the season's days. The
	 * complaint is the first day on record that the home was cold; the test's day is the day it was
	 * found so.
	 */
	int daysBelow(Instant complainedAt, Instant testedAt, int seasonDays) {
		LocalDate from = LocalDate.ofInstant(complainedAt, zone);
		LocalDate to = LocalDate.ofInstant(testedAt, zone);
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		return (int) Math.max(1, Math.min(days, seasonDays));
	}

	private List<Room> rooms(List<Room> rooms) {
		if (rooms == null || rooms.isEmpty() || rooms.size() > 30) {
			throw HeatDeskException.badInput("DISPATCH_ROOMS_REQUIRED", "rooms");
		}
		List<Room> checked = new ArrayList<>();
		for (Room r : rooms) {
			if (r == null || r.temperature() == null) {
				throw HeatDeskException.badInput("DISPATCH_ROOMS_REQUIRED", "rooms");
			}
			BigDecimal t = r.temperature();
			if (t.compareTo(RefundCalculator.MIN_TEMPERATURE) < 0 || t.compareTo(RefundCalculator.MAX_TEMPERATURE) > 0
					|| t.stripTrailingZeros().scale() > 1) {
				throw HeatDeskException.badInput("DISPATCH_TEMPERATURE_RANGE", "rooms");
			}
			String name = InputChecks.optional(r.name(), "rooms", 20);
			checked.add(new Room(name, t.setScale(1, RoundingMode.UNNECESSARY)));
		}
		return checked;
	}

	private static void tick(Boolean ticked, String field) {
		if (!Boolean.TRUE.equals(ticked)) {
			throw HeatDeskException.badInput("DISPATCH_TEST_METHOD_REQUIRED", field);
		}
	}

	/** The PNG of a signature drawn on the screen, from its data URL. */
	static byte[] signature(String dataUrl, String field) {
		if (dataUrl == null || dataUrl.isBlank()) {
			throw HeatDeskException.badInput("DISPATCH_TEST_SIGNATURE_REQUIRED", field);
		}
		if (!dataUrl.startsWith(PNG_DATA_URL) || dataUrl.length() > PNG_DATA_URL.length() + MAX_SIGNATURE_BYTES * 4 / 3 + 4) {
			throw HeatDeskException.badInput("DISPATCH_TEST_SIGNATURE_FORMAT", field);
		}
		byte[] png;
		try {
			png = Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()));
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("DISPATCH_TEST_SIGNATURE_FORMAT", field);
		}
		if (png.length < 64 || !java.util.Arrays.equals(png, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length)) {
			throw HeatDeskException.badInput("DISPATCH_TEST_SIGNATURE_FORMAT", field);
		}
		return png;
	}

	private StaffView technician(Actor by) {
		if (by == null || by.system()) {
			throw HeatDeskException.forbidden("DISPATCH_JOB_NOT_YOURS");
		}
		return staff.findByUsername(by.name()).orElseThrow(() -> HeatDeskException.forbidden("DISPATCH_JOB_NOT_YOURS"));
	}

	// ------------------------------------------------------------------ reading

	/**
	 * The form's starting point for the job's technician.
	 * @throws HeatDeskException 404 {@code DISPATCH_JOB_NOT_FOUND}, 403 {@code DISPATCH_JOB_NOT_YOURS},
	 * 409 {@code DISPATCH_TEST_WRONG_KIND}
	 */
	@Transactional(readOnly = true)
	public Preparation prepare(Actor by, long jobId) {
		StaffView me = technician(by);
		Job job = job(jobId, false).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_JOB_NOT_FOUND"));
		if (job.technicianId() != me.id()) {
			throw HeatDeskException.forbidden("DISPATCH_JOB_NOT_YOURS");
		}
		if (job.kind() != JobKind.TEMPERATURE_TEST) {
			throw HeatDeskException.conflict("DISPATCH_TEST_WRONG_KIND");
		}
		Complaint ticket = complaint(job.ticketNo());
		Instant now = clock.instant();
		RefundRule rule = rules.inForce(city, now).orElse(null);
		BigDecimal area = ticket.customerId() == null ? null
				: customers.find(ticket.customerId()).map(CustomerView::heatedArea).orElse(null);
		return new Preparation(jobId, job.ticketNo(), job.address(), job.status(), rules.standardTemperature(), rule, area,
				daysBelow(ticket.recordedAt(), now, rule == null ? 366 : rule.seasonDays()), forJob(jobId).orElse(null));
	}

	/** The test of a job, if recorded. */
	@Transactional(readOnly = true)
	public Optional<TestView> forJob(long jobId) {
		return load("t.job_id = ?", jobId).stream().findFirst();
	}

	/** The tests of a ticket, oldest first. */
	@Transactional(readOnly = true)
	public List<TestView> forTicket(String ticketNo) {
		return load("t.ticket_no = ?", ticketNo);
	}

	/** The tests at a customer's home, newest first. */
	@Transactional(readOnly = true)
	public List<TestView> forCustomer(long customerId) {
		List<TestView> tests = new ArrayList<>(load("t.customer_id = ?", customerId));
		java.util.Collections.reverse(tests);
		return tests;
	}

	/** The refunds priced from {@code from} (included) to {@code to} (excluded) by the time of the test, oldest first. */
	@Transactional(readOnly = true)
	public List<TestView> refunds(Instant from, Instant to) {
		return load("t.amount is not null and t.measured_at >= ? and t.measured_at < ?", Timestamp.from(from),
				Timestamp.from(to));
	}

	/** The signature PNG of a test: {@code customer} or the technician's. */
	@Transactional(readOnly = true)
	public Optional<byte[]> signature(long testId, boolean customer) {
		return jdbc.sql("select " + (customer ? "customer_signature" : "technician_signature")
				+ " from dispatch_temperature_test where id = ?")
			.param(testId)
			.query(byte[].class)
			.optional();
	}

	Optional<TestView> find(long id) {
		return load("t.id = ?", id).stream().findFirst();
	}

	/** The season (heating year) of an instant: the year in which it started, a season running July to June. */
	int season(Instant at) {
		LocalDate d = LocalDate.ofInstant(at, zone);
		return d.getMonthValue() >= 7 ? d.getYear() : d.getYear() - 1;
	}

	/** The first instant of a season. */
	Instant seasonStart(int season) {
		return LocalDate.of(season, 7, 1).atStartOfDay(zone).toInstant();
	}

	ZoneId zone() {
		return zone;
	}

	Clock clock() {
		return clock;
	}

	// what a test needs of its ticket: whose home, and when the complaint was recorded
	private record Complaint(Long customerId, Instant recordedAt) {
	}

	// the job is the technician's authority for its ticket (he may no longer hold it once the job is done)
	private Complaint complaint(String ticketNo) {
		FieldTicket field = tickets.forField(ticketNo).orElseThrow(() -> HeatDeskException.notFound("DISPATCH_JOB_NOT_FOUND"));
		TicketProgress progress = tickets.progress(field.ticketNo()).orElseThrow();
		return new Complaint(field.customerId(), progress.recordedAt());
	}

	private String clientIdOf(long testId) {
		return jdbc.sql("select client_id from dispatch_temperature_test where id = ?").param(testId).query(String.class).single();
	}

	private Optional<Job> job(long jobId, boolean lock) {
		return jdbc.sql("select id, ticket_no, kind, technician_id, status, address, arrived_at from dispatch_job where id = ?"
				+ (lock ? " for update" : ""))
			.param(jobId)
			.query((rs, n) -> new Job(rs.getLong(1), rs.getString(2), JobKind.valueOf(rs.getString(3)), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.optional();
	}

	private List<TestView> load(String where, Object... params) {
		List<Object[]> rows = jdbc.sql("""
				select t.id, t.job_id, t.ticket_no, t.customer_id, t.technician_id, t.measured_at, t.instrument_no,
				       t.standard_c, t.mean_c, t.compliant, t.rule_id, t.complained_at, t.heated_area, t.percent,
				       t.days_below, t.amount, t.recorded_at, t.recorded_by
				from dispatch_temperature_test t""" + " where " + where + " order by t.measured_at, t.id")
			.params(params)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4),
					rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
					rs.getBoolean(10), (Long) rs.getObject(11),
					rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), rs.getBigDecimal(13),
					(Integer) rs.getObject(14), (Integer) rs.getObject(15), rs.getBigDecimal(16),
					rs.getTimestamp(17).toInstant(), rs.getString(18) })
			.list();
		if (rows.isEmpty()) {
			// the common case on a ticket or customer page: one indexed query, no rule table read
			return List.of();
		}
		Map<Long, RefundRule> byId = new HashMap<>();
		for (RefundRule r : rules.versions()) {
			byId.put(r.id(), r);
		}
		Map<Long, List<Room>> rooms = new HashMap<>();
		jdbc.sql("select test_id, name, temperature_c from dispatch_temperature_room where test_id = any(?) order by test_id, position")
			.param(rows.stream().map(r -> (Long) r[0]).toArray(Long[]::new))
			.query((rs, n) -> rooms.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Room(rs.getString(2), rs.getBigDecimal(3))))
			.list();
		return rows.stream()
			.map(r -> new TestView((Long) r[0], (Long) r[1], (String) r[2], (Long) r[3], (Long) r[4], (Instant) r[5],
					List.copyOf(rooms.getOrDefault((Long) r[0], List.of())), (String) r[6], (BigDecimal) r[7],
					(BigDecimal) r[8], (Boolean) r[9], r[10] == null ? null : byId.get((Long) r[10]), (Instant) r[11],
					(BigDecimal) r[12], (Integer) r[13], (Integer) r[14], (BigDecimal) r[15], (Instant) r[16],
					(String) r[17]))
			.toList();
	}

	private static Map<String, Object> snapshot(TestView t) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("jobId", t.jobId());
		m.put("ticketNo", t.ticketNo());
		m.put("customerId", t.customerId());
		m.put("measuredAt", t.measuredAt().toString());
		m.put("rooms", t.rooms().stream().map(r -> (r.name() == null ? "" : r.name() + " ") + r.temperature().toPlainString()).toList());
		m.put("instrumentNo", t.instrumentNo());
		m.put("standard", t.standard().toPlainString());
		m.put("mean", t.mean().toPlainString());
		m.put("compliant", t.compliant());
		if (t.rule() != null) {
			m.put("ruleId", t.rule().id());
			m.put("ruleEffectiveFrom", t.rule().effectiveFrom().toString());
		}
		m.put("percent", t.percent());
		m.put("daysBelow", t.daysBelow());
		m.put("amount", t.amount() == null ? null : t.amount().toPlainString());
		return m;
	}
}
