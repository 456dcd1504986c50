package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.reporting.ComplianceFigure;
import org.heatdesk.reporting.DayCount;
import org.heatdesk.reporting.FigureRecord;
import org.heatdesk.reporting.Scope;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shift figures of one day (2026-11-10 in Shanghai) for a team built in the test, worked out by
 * hand: two hand-overs (one on time, one opened only 10 minutes before), four shifts (one late, one
 * never clocked in), away time beyond the breaks.
 */
@HeatDeskTest
class ShiftFiguresIntegrationTests {

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rosters rosters;

	@Autowired
	Handovers handovers;

	@Autowired
	Attendance attendance;

	@Autowired
	List<ComplianceFigure> figures;

	/** 2026-11-10 00:00 in Shanghai. */
	static final Instant DAY = Instant.parse("2026-11-09T16:00:00Z");

	@Test
	void handoversOnTimeLateArrivalsAndAwayMinutesOfADay() {
		ShiftTestSupport.Team t = ShiftTestSupport.team(staff, jdbc);
		Instant night = DAY; // 00:00–08:00
		Instant day = DAY.plus(Duration.ofHours(8)); // 08:00–16:00
		Instant evening = DAY.plus(Duration.ofHours(16)); // 16:00–24:00
		Duration eight = Duration.ofHours(8);
		ShiftTestSupport.shift(rosters, t, t.agent2(), RosterShiftKind.NIGHT, night, night.plus(eight), false);
		ShiftTestSupport.shift(rosters, t, t.outLead(), RosterShiftKind.DAY, day, day.plus(eight), true);
		ShiftTestSupport.shift(rosters, t, t.agent(), RosterShiftKind.DAY, day, day.plus(eight), false);
		ShiftTestSupport.shift(rosters, t, t.inLead(), RosterShiftKind.EVENING, evening, evening.plus(eight), true);

		// night → day: opened 20 minutes before, signed 5 minutes before: on time
		Handovers.Handover h1 = handovers.prepare(t.actor(t.agent2()), t.team().id(), day, day.minus(Duration.ofMinutes(40)), Locale.CHINA);
		handovers.open(t.actor(t.outLead()), h1.id(), day.minus(Duration.ofMinutes(20)));
		handovers.sign(t.actor(t.agent2()), h1.id(), Handovers.Side.OUTGOING, true, true, true, day.minus(Duration.ofMinutes(10)));
		handovers.sign(t.actor(t.outLead()), h1.id(), Handovers.Side.INCOMING, true, true, true, day.minus(Duration.ofMinutes(5)));
		// day → evening: opened only 10 minutes before, signed 2 minutes before: not on time
		Handovers.Handover h2 = handovers.prepare(t.actor(t.outLead()), t.team().id(), evening, evening.minus(Duration.ofMinutes(30)), Locale.CHINA);
		handovers.open(t.actor(t.inLead()), h2.id(), evening.minus(Duration.ofMinutes(10)));
		handovers.sign(t.actor(t.outLead()), h2.id(), Handovers.Side.OUTGOING, true, true, true, evening.minus(Duration.ofMinutes(5)));
		handovers.sign(t.actor(t.inLead()), h2.id(), Handovers.Side.INCOMING, true, true, true, evening.minus(Duration.ofMinutes(2)));

		// clock-ins: agent2 on time, the day lead 5 minutes late, the day agent never, the evening lead on time
		clock(t, t.agent2(), night.minus(Duration.ofMinutes(3)), night.plus(eight));
		clock(t, t.outLead(), day.plus(Duration.ofMinutes(5)), day.plus(eight));
		clock(t, t.inLead(), evening.minus(Duration.ofMinutes(1)), evening.plus(eight));
		// away: the day lead 20 minutes for OTHER (20 beyond), the evening lead 70 minutes of breaks (10 beyond)
		away(t.outLead().id(), "OTHER", day.plus(Duration.ofHours(2)), day.plus(Duration.ofMinutes(140)));
		away(t.inLead().id(), "BREAK", evening.plus(Duration.ofHours(1)), evening.plus(Duration.ofMinutes(130)));

		Instant to = DAY.plus(Duration.ofDays(1));
		// hand-overs: 1 of 2 on time for the team
		assertThat(team(figure("shift.handovers-on-time").count(DAY, to), t)).containsExactly(1L, 2L);
		// late arrivals: the late lead and the absent agent, of 4 shifts
		List<DayCount> late = figure("shift.late-arrivals").count(DAY, to);
		assertThat(team(late, t)).containsExactly(2L, 4L);
		assertThat(scope(late, Scope.agent(t.agent().id()))).containsExactly(1L, 1L);
		assertThat(scope(late, Scope.agent(t.inLead().id()))).containsExactly(0L, 1L);
		// away beyond the breaks: 20 + 10 = 30 minutes
		List<DayCount> away = figure("shift.away-minutes").count(DAY, to);
		assertThat(team(away, t)).containsExactly(30L, 4L);
		assertThat(scope(away, Scope.agent(t.outLead().id()))).containsExactly(20L, 1L);
		// the drill-down: the late hand-over first, linked to its page
		List<FigureRecord> records = figure("shift.handovers-on-time").records(DAY, to, Scope.team(t.team().id()), 10, Locale.CHINA);
		assertThat(records).hasSize(2);
		assertThat(records.get(0).link()).isEqualTo("/shift/handovers/" + h2.id());
		assertThat(records.get(0).detail()).contains("未按时");
		// the day before has none of the team's cases
		assertThat(scope(figure("shift.late-arrivals").count(DAY.minus(Duration.ofDays(1)), DAY), Scope.team(t.team().id()))).isEmpty();
	}

	private void clock(ShiftTestSupport.Team t, org.heatdesk.staff.StaffView who, Instant in, Instant out) {
		attendance.clockIn(t.actor(who), who.id(), in);
		attendance.clockOut(t.actor(who), who.id(), out);
	}

	private void away(long staffId, String reason, Instant from, Instant to) {
		jdbc.sql("insert into contact_presence_log (staff_id, state, reason, started_at, ended_at, set_by) values (?, 'AWAY', ?, ?, ?, 'test')")
			.params(staffId, reason, Timestamp.from(from), Timestamp.from(to))
			.update();
	}

	private ComplianceFigure figure(String code) {
		return figures.stream().filter(f -> f.definition().code().equals(code)).findFirst().orElseThrow();
	}

	private static List<Long> team(List<DayCount> counts, ShiftTestSupport.Team t) {
		return scope(counts, Scope.team(t.team().id()));
	}

	private static List<Long> scope(List<DayCount> counts, Scope scope) {
		return counts.stream().filter(c -> c.scopeKind() == scope.kind() && c.scopeId() == scope.id())
			.flatMap(c -> java.util.stream.Stream.of(c.numerator(), c.denominator()))
			.toList();
	}
}
