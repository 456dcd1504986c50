package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A roster built in the test and what the lead sees of it: lateness, early leaving, absence and away
 * time beyond the allowed breaks (60 minutes a shift), worked out by hand below; overlapping
 * shifts, a clock-in for someone else, swaps.
 */
@HeatDeskTest
class RosterAttendanceIntegrationTests {

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rosters rosters;

	@Autowired
	Attendance attendance;

	/** 2026-11-20 08:00 in Shanghai: a day shift of a month long past when the test runs. */
	static final Instant S = Instant.parse("2026-11-20T00:00:00Z");

	@Test
	void latenessEarlyLeavingAbsenceAndAwayTimeOfAMonth() {
		ShiftTestSupport.Team t = ShiftTestSupport.team(staff, jdbc);
		var a = t.agent();
		Actor me = t.actor(a);
		Duration eight = Duration.ofHours(8);
		// three day shifts 08:00–16:00 on the 20th, 21st and 22nd
		Rosters.RosterEntry first = ShiftTestSupport.shift(rosters, t, a, RosterShiftKind.DAY, S, S.plus(eight), false);
		Instant s2 = S.plus(Duration.ofDays(1));
		ShiftTestSupport.shift(rosters, t, a, RosterShiftKind.DAY, s2, s2.plus(eight), false);
		Instant s3 = S.plus(Duration.ofDays(2));
		ShiftTestSupport.shift(rosters, t, a, RosterShiftKind.DAY, s3, s3.plus(eight), false);

		// 20th: in at 08:07 (late 7), out at 15:48 (early 12)
		attendance.clockIn(me, a.id(), S.plus(Duration.ofMinutes(7)));
		attendance.clockOut(me, a.id(), S.plus(eight).minus(Duration.ofMinutes(12)));
		// away on the 20th:
		//   07:50–08:05 BREAK, before the clock-in at 08:07: 0
		//   09:00–09:30 BREAK 30, 11:00–11:40 MEAL 40 → breaks 70, beyond the allowed 60: 10
		//   13:00–13:15 OTHER 15 (counts in full), 14:00–15:00 TRAINING (work: 0)
		//   15:40–16:10 BREAK: only until the clock-out at 15:48 → 8 more break minutes → breaks 78, beyond 18
		away(a.id(), "BREAK", S.minus(Duration.ofMinutes(10)), S.plus(Duration.ofMinutes(5)));
		away(a.id(), "BREAK", S.plus(Duration.ofHours(1)), S.plus(Duration.ofMinutes(90)));
		away(a.id(), "MEAL", S.plus(Duration.ofHours(3)), S.plus(Duration.ofMinutes(220)));
		away(a.id(), "OTHER", S.plus(Duration.ofHours(5)), S.plus(Duration.ofMinutes(315)));
		away(a.id(), "TRAINING", S.plus(Duration.ofHours(6)), S.plus(Duration.ofHours(7)));
		away(a.id(), "BREAK", S.plus(Duration.ofMinutes(460)), S.plus(Duration.ofMinutes(490)));
		// 21st: never clocked in → absent
		// 22nd: in at 07:55, out at 16:02: on time, no away time
		attendance.clockIn(me, a.id(), s3.minus(Duration.ofMinutes(5)));
		attendance.clockOut(me, a.id(), s3.plus(eight).plus(Duration.ofMinutes(2)));

		List<Attendance.ShiftLine> lines = attendance.ofStaff(a.id(), S, s3.plus(eight), Instant.now());
		assertThat(lines).hasSize(3);
		AttendanceRules.Result d1 = lines.get(0).result();
		assertThat(lines.get(0).entry().id()).isEqualTo(first.id());
		assertThat(d1.lateMinutes()).isEqualTo(7);
		assertThat(d1.earlyMinutes()).isEqualTo(12);
		assertThat(d1.breakMinutes()).isEqualTo(78);
		assertThat(d1.otherAwayMinutes()).isEqualTo(15);
		// (78 − 60) + 15 = 33
		assertThat(d1.awayBeyondMinutes()).isEqualTo(33);
		assertThat(lines.get(1).result().absent()).isTrue();
		AttendanceRules.Result d3 = lines.get(2).result();
		assertThat(d3.late()).isFalse();
		assertThat(d3.early()).isFalse();
		assertThat(d3.awayBeyondMinutes()).isZero();

		Attendance.MonthLine month = attendance.month(t.team().id(), YearMonth.of(2026, 11), Instant.now()).stream()
			.filter(l -> l.staffId() == a.id()).findFirst().orElseThrow();
		// 3 shifts, late once for 7 minutes, early once for 12, absent once, 78 break minutes, 33 beyond
		assertThat(month).isEqualTo(new Attendance.MonthLine(a.id(), a.displayName(), 3, 1, 7, 1, 12, 1, 78, 33));
	}

	@Test
	void overlappingShiftsAClockInForSomeoneElseAndSwapsAreRefusedClearly() {
		ShiftTestSupport.Team t = ShiftTestSupport.team(staff, jdbc);
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		Rosters.RosterEntry e = ShiftTestSupport.shift(rosters, t, t.agent(), RosterShiftKind.DAY, start,
				start.plus(Duration.ofHours(8)), false);
		// the same person four hours into that shift: overlapping
		refused(() -> ShiftTestSupport.shift(rosters, t, t.agent(), RosterShiftKind.EVENING, start.plus(Duration.ofHours(4)),
				start.plus(Duration.ofHours(12)), false), "ROSTER_OVERLAP");
		// back to back is not an overlap
		ShiftTestSupport.shift(rosters, t, t.agent(), RosterShiftKind.EVENING, start.plus(Duration.ofHours(8)),
				start.plus(Duration.ofHours(16)), false);
		// someone of another team, a lead flag for an agent, office hours in the season, a day shift outside it
		ShiftTestSupport.Team other = ShiftTestSupport.team(staff, jdbc);
		refused(() -> ShiftTestSupport.shift(rosters, t, other.agent(), RosterShiftKind.DAY, start, start.plusSeconds(3600), false),
				"ROSTER_NOT_IN_TEAM");
		refused(() -> ShiftTestSupport.shift(rosters, t, t.agent2(), RosterShiftKind.DAY, start, start.plusSeconds(3600), true),
				"ROSTER_LEAD_NOT_LEAD");
		refused(() -> rosters.add(Actor.system("test"), t.team().id(), t.agent2().id(), LocalDate.of(2026, 12, 1),
				RosterShiftKind.OFFICE, false), "ROSTER_OFFICE_IN_SEASON");
		refused(() -> rosters.add(Actor.system("test"), t.team().id(), t.agent2().id(), LocalDate.of(2027, 6, 1),
				RosterShiftKind.DAY, false), "ROSTER_KIND_OUT_OF_SEASON");
		// a lead of another team may not roster this one
		refused(() -> rosters.add(other.actor(other.outLead()), t.team().id(), t.agent2().id(), LocalDate.of(2026, 12, 1),
				RosterShiftKind.DAY, false), "ROSTER_NOT_YOUR_TEAM");
		// by kind on a date: the settings' times (day shift 08:00–16:00 Shanghai)
		Rosters.RosterEntry byKind = rosters.add(t.actor(t.outLead()), t.team().id(), t.agent2().id(), LocalDate.of(2026, 12, 1),
				RosterShiftKind.NIGHT, false);
		assertThat(byKind.startsAt()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
		assertThat(byKind.endsAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));

		// a clock-in for someone else
		long rows = jdbc.sql("select count(*) from shift_attendance where staff_id = ?").param(t.agent2().id()).query(Long.class).single();
		refused(() -> attendance.clockIn(t.actor(t.agent()), t.agent2().id(), Instant.now()), "ATTENDANCE_NOT_YOURS");
		assertThat(jdbc.sql("select count(*) from shift_attendance where staff_id = ?").param(t.agent2().id())
			.query(Long.class).single()).isEqualTo(rows);
		attendance.clockIn(t.actor(t.agent2()), t.agent2().id(), Instant.now());
		refused(() -> attendance.clockIn(t.actor(t.agent2()), t.agent2().id(), Instant.now()), "ATTENDANCE_ALREADY_IN");
		attendance.clockOut(t.actor(t.agent2()), t.agent2().id(), Instant.now());
		refused(() -> attendance.clockOut(t.actor(t.agent2()), t.agent2().id(), Instant.now()), "ATTENDANCE_NOT_IN");

		// a swap: asked by the holder, refused for another's shift, approved by the lead; the shift moves
		refused(() -> rosters.requestSwap(t.actor(t.agent2()), e.id(), t.agent2().id(), "家里有事"), "ROSTER_SWAP_NOT_YOURS");
		Rosters.RosterSwap swap = rosters.requestSwap(t.actor(t.agent()), e.id(), t.agent2().id(), "家里有事");
		refused(() -> rosters.decideSwap(t.actor(t.agent()), swap.id(), true), "ROSTER_NOT_YOUR_TEAM");
		rosters.decideSwap(t.actor(t.inLead()), swap.id(), true);
		assertThat(rosters.entry(e.id()).orElseThrow().staffId()).isEqualTo(t.agent2().id());
		refused(() -> rosters.decideSwap(t.actor(t.inLead()), swap.id(), true), "ROSTER_SWAP_DECIDED");
		// swapping back onto someone who already has a shift then is refused as an overlap
		ShiftTestSupport.shift(rosters, t, t.outLead(), RosterShiftKind.DAY, start, start.plusSeconds(3600), false);
		Rosters.RosterSwap back = rosters.requestSwap(t.actor(t.agent2()), e.id(), t.outLead().id(), null);
		refused(() -> rosters.decideSwap(t.actor(t.inLead()), back.id(), true), "ROSTER_OVERLAP");
	}

	private void away(long staffId, String reason, Instant from, Instant to) {
		jdbc.sql("insert into contact_presence_log (staff_id, state, reason, started_at, ended_at, set_by) values (?, 'AWAY', ?, ?, ?, 'test')")
			.params(staffId, reason, Timestamp.from(from), Timestamp.from(to))
			.update();
	}

	private static void refused(Runnable r, String code) {
		assertThatThrownBy(r::run).isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
	}
}
