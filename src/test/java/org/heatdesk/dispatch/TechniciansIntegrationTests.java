package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules the dispatch board will ask: a job that needs a certificate goes only to someone holding
 * a valid one on the job's day; who is on duty at a moment by the roster; certificates flagged.
 */
@HeatDeskTest
class TechniciansIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Actor DISPATCHER = Actor.person("dispatcher", "赵敏");

	@Autowired
	Technicians technicians;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	Clock clock;

	@Test
	void weldingGoesOnlyToSomeoneWithAValidWeldingPermitOnTheDayOfTheJob() {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 1);
		long welder = crew.technicians()[0];
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZONE);
		technicians.setSkills(DISPATCHER, welder, EnumSet.of(Skill.WELDER));

		HeatDeskException missing = refusal(welder, JobKind.WELDING, now);
		assertThat(missing.code()).isEqualTo("DISPATCH_CERTIFICATE_MISSING");
		assertThat(missing.status().value()).isEqualTo(409);
		assertThat(message(missing, Locale.SIMPLIFIED_CHINESE)).isEqualTo(
				crew.names()[0] + " 不能承接焊接作业：没有有效的特种作业操作证（焊接与热切割作业）。");
		assertThat(message(missing, Locale.ENGLISH)).isEqualTo(
				crew.names()[0] + " cannot take welding work: no valid Special work permit (welding and thermal cutting).");

		technicians.addCertificate(DISPATCHER, welder, new Technicians.NewCertificate(CertificateKind.WELDING, "T-OLD-1",
				"济南市应急管理局", today.minusYears(6), today.minusDays(1)), null);
		HeatDeskException expired = refusal(welder, JobKind.WELDING, now);
		assertThat(expired.code()).isEqualTo("DISPATCH_CERTIFICATE_EXPIRED");
		assertThat(message(expired, Locale.SIMPLIFIED_CHINESE)).isEqualTo(crew.names()[0]
				+ " 不能承接焊接作业：特种作业操作证（焊接与热切割作业）（编号 T-OLD-1）已于 " + today.minusDays(1) + " 到期，请先换证。");
		// an electrical permit does not do for welding
		technicians.addCertificate(DISPATCHER, welder, new Technicians.NewCertificate(CertificateKind.ELECTRICAL, "E-1",
				"济南市应急管理局", today.minusYears(1), today.plusYears(1)), null);
		assertThat(refusal(welder, JobKind.WELDING, now).code()).isEqualTo("DISPATCH_CERTIFICATE_EXPIRED");

		technicians.addCertificate(DISPATCHER, welder, new Technicians.NewCertificate(CertificateKind.WELDING, "T-NEW-2",
				"济南市应急管理局", today, today.plusDays(100)), null);
		technicians.checkMayTake(welder, JobKind.WELDING, now);
		// the last valid day is included; the day after it is not
		technicians.checkMayTake(welder, JobKind.WELDING, today.plusDays(100).atTime(23, 59).atZone(ZONE).toInstant());
		assertThat(refusal(welder, JobKind.WELDING, today.plusDays(101).atTime(0, 1).atZone(ZONE).toInstant()).code())
			.isEqualTo("DISPATCH_CERTIFICATE_EXPIRED");

		// a permit is not enough without the skill: the electrician's job needs an electrician
		HeatDeskException skill = refusal(welder, JobKind.ELECTRICAL, now);
		assertThat(skill.code()).isEqualTo("DISPATCH_SKILL_MISSING");
		assertThat(message(skill, Locale.SIMPLIFIED_CHINESE)).isEqualTo(crew.names()[0] + " 不能承接电气维修：没有登记“电工”技能。");
		// anyone may measure room temperatures
		technicians.checkMayTake(welder, JobKind.TEMPERATURE_TEST, now);

		assertThat(technicians.candidates(JobKind.WELDING, now)).filteredOn(c -> c.technician().id() == welder)
			.singleElement()
			.satisfies(c -> assertThat(c.eligible()).isTrue());
		assertThat(technicians.candidates(JobKind.ELECTRICAL, now)).filteredOn(c -> c.technician().id() == welder)
			.singleElement()
			.satisfies(c -> assertThat(c.refusalCode()).isEqualTo("DISPATCH_SKILL_MISSING"));
		assertThat(refusal(-1, JobKind.WELDING, now).code()).isEqualTo("DISPATCH_TECHNICIAN_NOT_FOUND");

		assertThat(jdbc.sql("""
				select count(*) from platform_audit_event
				where action = 'CERTIFICATE_ADDED' and actor = 'dispatcher' and cast(after_state as jsonb) ->> 'technician' = ?""")
			.param(String.valueOf(welder))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void whoIsOnDutyFollowsTheRosterAndTheShiftTimes() {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 2);
		long day = crew.technicians()[0];
		long night = crew.technicians()[1];
		LocalDate monday = LocalDate.ofInstant(clock.instant(), ZONE)
			.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		LocalDate tuesday = monday.plusDays(1);
		technicians.setWeek(DISPATCHER, crew.id(), monday,
				Map.of(day, Set.of(new DutyTimes.Slot(tuesday, Shift.DAY)), night,
						Set.of(new DutyTimes.Slot(monday, Shift.NIGHT), new DutyTimes.Slot(tuesday, Shift.NIGHT))));

		// Tuesday 03:00 is Monday's night shift; 08:00 Tuesday's day shift; 19:59 still day; 20:00 Tuesday's night
		assertThat(onDuty(crew, tuesday, 3, 0)).containsExactlyEntriesOf(Map.of(night, Shift.NIGHT));
		assertThat(onDuty(crew, tuesday, 8, 0)).containsExactlyEntriesOf(Map.of(day, Shift.DAY));
		assertThat(onDuty(crew, tuesday, 19, 59)).containsExactlyEntriesOf(Map.of(day, Shift.DAY));
		assertThat(onDuty(crew, tuesday, 20, 0)).containsExactlyEntriesOf(Map.of(night, Shift.NIGHT));
		// Monday 12:00: nobody of the crew is rostered
		assertThat(onDuty(crew, monday, 12, 0)).isEmpty();

		// setting the week again replaces it: the night man is off on Monday night now
		technicians.setWeek(DISPATCHER, crew.id(), monday,
				Map.of(night, Set.of(new DutyTimes.Slot(tuesday, Shift.NIGHT))));
		assertThat(onDuty(crew, tuesday, 3, 0)).isEmpty();
		assertThat(onDuty(crew, tuesday, 8, 0)).isEmpty();
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'ROSTER_WEEK_SET' and entity_id = ?")
			.param(String.valueOf(crew.id()))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aBadRosterIsRefusedAndChangesNothing() {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 1);
		DispatchTestSupport.Crew other = DispatchTestSupport.crew(staff, jdbc, 1);
		long t = crew.technicians()[0];
		LocalDate monday = LocalDate.ofInstant(clock.instant(), ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		technicians.setWeek(DISPATCHER, crew.id(), monday, Map.of(t, Set.of(new DutyTimes.Slot(monday, Shift.DAY))));
		long before = shifts(t);
		assertThatThrownBy(() -> technicians.setWeek(DISPATCHER, crew.id(), monday.plusDays(1), Map.of()))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("DISPATCH_ROSTER_WEEK"));
		assertThatThrownBy(() -> technicians.setWeek(DISPATCHER, crew.id(), monday,
				Map.of(t, Set.of(new DutyTimes.Slot(monday.plusDays(7), Shift.DAY)))))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("DISPATCH_ROSTER_OUTSIDE"));
		assertThatThrownBy(() -> technicians.setWeek(DISPATCHER, crew.id(), monday,
				Map.of(other.technicians()[0], Set.of(new DutyTimes.Slot(monday, Shift.DAY)))))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("DISPATCH_ROSTER_OUTSIDE"));
		assertThat(shifts(t)).isEqualTo(before).isEqualTo(1);
	}

	@Test
	void certificatesEndingWithinThirtyDaysAreFlaggedUntilRenewed() {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 1);
		long t = crew.technicians()[0];
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZONE);
		CertificateView soon = technicians.addCertificate(DISPATCHER, t, new Technicians.NewCertificate(
				CertificateKind.ELECTRICAL, "E-SOON", "济南市应急管理局", today.minusYears(5), today.plusDays(29)), null);
		CertificateView later = technicians.addCertificate(DISPATCHER, t, new Technicians.NewCertificate(
				CertificateKind.WORK_AT_HEIGHT, "H-LATER", "济南市应急管理局", today.minusYears(1), today.plusDays(30)), null);
		CertificateView gone = technicians.addCertificate(DISPATCHER, t, new Technicians.NewCertificate(
				CertificateKind.WELDING, "W-GONE", "济南市应急管理局", today.minusYears(6), today.minusDays(3)), null);

		assertThat(technicians.flaggedCertificates(now)).filteredOn(f -> f.technician().id() == t)
			.extracting(f -> f.certificate().number(), Technicians.FlaggedCertificate::state,
					Technicians.FlaggedCertificate::daysLeft)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("W-GONE", CertificateState.EXPIRED, -3L),
					org.assertj.core.groups.Tuple.tuple("E-SOON", CertificateState.EXPIRING, 29L));
		assertThat(later.stateOn(today, 30)).isEqualTo(CertificateState.VALID);
		assertThat(soon.id()).isNotEqualTo(gone.id());

		technicians.addCertificate(DISPATCHER, t, new Technicians.NewCertificate(CertificateKind.WELDING, "W-RENEWED",
				"济南市应急管理局", today.minusDays(3), today.plusYears(6)), null);
		assertThat(technicians.flaggedCertificates(now)).filteredOn(f -> f.technician().id() == t)
			.extracting(f -> f.certificate().number())
			.containsExactly("E-SOON");
	}

	@Test
	void aScanIsJudgedByItsBytesAndARefusedCertificateIsNotStored() {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 1);
		long t = crew.technicians()[0];
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
		var certificate = new Technicians.NewCertificate(CertificateKind.WELDING, "W-1", "济南市应急管理局", today, today.plusYears(1));
		byte[] exe = "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1);
		assertRefused(() -> technicians.addCertificate(DISPATCHER, t, certificate, new Technicians.Scan("证书.png", "image/png", exe)),
				"DISPATCH_SCAN_TYPE");
		byte[] big = new byte[ScanCheck.MAX_BYTES + 1];
		big[0] = '%';
		big[1] = 'P';
		big[2] = 'D';
		big[3] = 'F';
		big[4] = '-';
		assertRefused(() -> technicians.addCertificate(DISPATCHER, t, certificate, new Technicians.Scan("a.pdf", "application/pdf", big)),
				"DISPATCH_SCAN_TOO_LARGE");
		assertRefused(() -> technicians.addCertificate(DISPATCHER, t, new Technicians.NewCertificate(CertificateKind.WELDING,
				"W-1", "济南市应急管理局", today, today.minusDays(1)), null), "DISPATCH_CERTIFICATE_DATES");
		assertRefused(() -> technicians.addCertificate(DISPATCHER, t, new Technicians.NewCertificate(CertificateKind.WELDING,
				"W-1;drop", "济南市应急管理局", today, today), null), "DISPATCH_CERTIFICATE_NUMBER_FORMAT");
		assertRefused(() -> technicians.addCertificate(DISPATCHER, t, new Technicians.NewCertificate(null, "W-1", "x", today,
				today), null), "REQUIRED");
		assertThat(technicians.certificates(t)).isEmpty();

		// a PDF named .txt is a PDF
		byte[] pdf = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);
		CertificateView stored = technicians.addCertificate(DISPATCHER, t, certificate,
				new Technicians.Scan("../../scan.txt", "text/plain", pdf));
		assertThat(stored.scanType()).isEqualTo("application/pdf");
		assertThat(technicians.scan(stored.id())).hasValueSatisfying(s -> {
			assertThat(s.fileName()).isEqualTo("scan.txt");
			assertThat(s.content()).isEqualTo(pdf);
		});
	}

	private static void assertRefused(Runnable action, String code) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(HeatDeskException.class,
				e -> assertThat(e.code()).isEqualTo(code));
	}

	private Map<Long, Shift> onDuty(DispatchTestSupport.Crew crew, LocalDate day, int hour, int minute) {
		Map<Long, Shift> all = technicians.onDutyAt(day.atTime(hour, minute).atZone(ZONE).toInstant());
		Map<Long, Shift> mine = new java.util.HashMap<>();
		for (long id : crew.technicians()) {
			if (all.containsKey(id)) {
				mine.put(id, all.get(id));
			}
		}
		return mine;
	}

	private long shifts(long staffId) {
		return jdbc.sql("select count(*) from dispatch_shift where staff_id = ?").param(staffId).query(Long.class).single();
	}

	private HeatDeskException refusal(long technician, JobKind kind, Instant at) {
		try {
			technicians.checkMayTake(technician, kind, at);
		}
		catch (HeatDeskException e) {
			return e;
		}
		throw new AssertionError("no refusal for " + kind + " at " + at + Duration.ZERO);
	}

	private String message(HeatDeskException e, Locale locale) {
		return messages.getMessage(e.messageKey(), e.args(), locale);
	}
}
