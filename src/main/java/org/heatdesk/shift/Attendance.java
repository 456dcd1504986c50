package org.heatdesk.shift;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clock-in and clock-out (each person for himself), and the attendance of rostered shifts computed
 * from them and from the desk's presence history ({@code contact_presence_log}) by
 * {@link AttendanceRules}.
 */
@Component
class Attendance {

	/** A clock-in may come this long before the shift it belongs to. */
	static final Duration EARLY_CLOCK_IN = Duration.ofHours(2);

	record Clocking(long id, long staffId, Long entryId, Instant clockIn, Instant clockOut) {
	}

	record ShiftLine(Rosters.RosterEntry entry, AttendanceRules.Result result) {
	}

	/** One person's month: shifts rostered so far, late arrivals, early leavings, absences, away time. */
	record MonthLine(long staffId, String name, int shifts, int late, long lateMinutes, int early, long earlyMinutes,
			int absent, long breakMinutes, long awayBeyondMinutes) {
	}

	private final JdbcClient jdbc;

	private final Rosters rosters;

	private final Staff staff;

	private final AuditTrail audit;

	Attendance(JdbcClient jdbc, Rosters rosters, Staff staff, AuditTrail audit) {
		this.jdbc = jdbc;
		this.rosters = rosters;
		this.staff = staff;
		this.audit = audit;
	}

	/** The person acting clocks in; refused for anyone else. */
	@Transactional
	Clocking clockIn(Actor by, long staffId, Instant at) {
		StaffView me = self(by, staffId);
		if (open(me.id()).isPresent()) {
			throw HeatDeskException.conflict("ATTENDANCE_ALREADY_IN");
		}
		Long entry = rosters.ofStaff(me.id(), at, at.plus(EARLY_CLOCK_IN)).stream()
			.filter(e -> e.endsAt().isAfter(at))
			.map(Rosters.RosterEntry::id)
			.findFirst()
			.orElse(null);
		long id = jdbc.sql("insert into shift_attendance (staff_id, entry_id, clock_in_at) values (?, ?, ?) returning id")
			.params(me.id(), entry, Timestamp.from(at))
			.query(Long.class)
			.single();
		audit.record(by, "ATTENDANCE_CLOCKED_IN", "shift_attendance", id, null,
				Map.of("staff", me.id(), "at", at.toString(), "entry", String.valueOf(entry)));
		return find(id).orElseThrow();
	}

	/** The person acting clocks out; refused for anyone else and when not clocked in. */
	@Transactional
	Clocking clockOut(Actor by, long staffId, Instant at) {
		StaffView me = self(by, staffId);
		Clocking c = open(me.id()).orElseThrow(() -> HeatDeskException.conflict("ATTENDANCE_NOT_IN"));
		if (at.isBefore(c.clockIn())) {
			throw HeatDeskException.conflict("ATTENDANCE_NOT_IN");
		}
		jdbc.sql("update shift_attendance set clock_out_at = ? where id = ?").params(Timestamp.from(at), c.id()).update();
		audit.record(by, "ATTENDANCE_CLOCKED_OUT", "shift_attendance", c.id(), Map.of("clockOut", ""),
				Map.of("staff", me.id(), "at", at.toString()));
		return find(c.id()).orElseThrow();
	}

	Optional<Clocking> open(long staffId) {
		return jdbc.sql("select id, staff_id, entry_id, clock_in_at, clock_out_at from shift_attendance where staff_id = ? and clock_out_at is null")
			.param(staffId)
			.query((rs, n) -> row(rs))
			.optional();
	}

	Optional<Clocking> find(long id) {
		return jdbc.sql("select id, staff_id, entry_id, clock_in_at, clock_out_at from shift_attendance where id = ?")
			.param(id)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** The attendance of each of the team's shifts of a month that has started by {@code now}. */
	List<ShiftLine> shifts(long teamId, YearMonth month, Instant now) {
		List<Rosters.RosterEntry> entries = rosters.month(teamId, month).stream()
			.filter(e -> !e.startsAt().isAfter(now))
			.toList();
		return lines(entries, now);
	}

	/** One person's shifts overlapping {@code [from, to)}. */
	List<ShiftLine> ofStaff(long staffId, Instant from, Instant to, Instant now) {
		return lines(rosters.ofStaff(staffId, from, to).stream().filter(e -> !e.startsAt().isAfter(now)).toList(), now);
	}

	/** The team's month per person, by name. */
	List<MonthLine> month(long teamId, YearMonth month, Instant now) {
		Map<Long, List<ShiftLine>> byStaff = new LinkedHashMap<>();
		for (ShiftLine l : shifts(teamId, month, now)) {
			byStaff.computeIfAbsent(l.entry().staffId(), k -> new ArrayList<>()).add(l);
		}
		List<MonthLine> out = new ArrayList<>();
		byStaff.forEach((id, ls) -> out.add(sum(id, ls.get(0).entry().staffName(), ls)));
		out.sort(java.util.Comparator.comparing(MonthLine::name, java.util.Comparator.nullsLast(String::compareTo)));
		return out;
	}

	static MonthLine sum(long staffId, String name, List<ShiftLine> ls) {
		int late = 0, early = 0, absent = 0;
		long lateM = 0, earlyM = 0, breakM = 0, beyond = 0;
		for (ShiftLine l : ls) {
			AttendanceRules.Result r = l.result();
			late += r.late() ? 1 : 0;
			lateM += r.lateMinutes();
			early += r.early() ? 1 : 0;
			earlyM += r.earlyMinutes();
			absent += r.absent() ? 1 : 0;
			breakM += r.breakMinutes();
			beyond += r.awayBeyondMinutes();
		}
		return new MonthLine(staffId, name, ls.size(), late, lateM, early, earlyM, absent, breakM, beyond);
	}

	/** Computes the entries' attendance with two reads: the clockings and the away periods. */
	List<ShiftLine> lines(List<Rosters.RosterEntry> entries, Instant now) {
		if (entries.isEmpty()) {
			return List.of();
		}
		Long[] ids = entries.stream().map(Rosters.RosterEntry::id).toArray(Long[]::new);
		Map<Long, List<Clocking>> clockings = new HashMap<>();
		jdbc.sql("select id, staff_id, entry_id, clock_in_at, clock_out_at from shift_attendance where entry_id = any(?) order by clock_in_at")
			.param(ids)
			.query((rs, n) -> row(rs))
			.list()
			.forEach(c -> clockings.computeIfAbsent(c.entryId(), k -> new ArrayList<>()).add(c));
		Instant from = entries.stream().map(Rosters.RosterEntry::startsAt).min(Instant::compareTo).orElseThrow();
		Instant to = entries.stream().map(Rosters.RosterEntry::endsAt).max(Instant::compareTo).orElseThrow();
		Map<Long, List<AttendanceRules.Away>> away = away(entries.stream().map(Rosters.RosterEntry::staffId).distinct().toList(),
				from, to);
		RosterSettings s = rosters.settings();
		List<ShiftLine> out = new ArrayList<>();
		for (Rosters.RosterEntry e : entries) {
			List<Clocking> cs = clockings.getOrDefault(e.id(), List.of());
			Instant in = cs.isEmpty() ? null : cs.get(0).clockIn();
			Instant out2 = cs.isEmpty() || cs.get(cs.size() - 1).clockOut() == null ? null : cs.get(cs.size() - 1).clockOut();
			List<AttendanceRules.Away> mine = away.getOrDefault(e.staffId(), List.of());
			out.add(new ShiftLine(e, AttendanceRules.compute(e.startsAt(), e.endsAt(), in, out2, mine, s.allowedBreak(),
					s.lateGrace(), now)));
		}
		return out;
	}

	private Map<Long, List<AttendanceRules.Away>> away(Collection<Long> staffIds, Instant from, Instant to) {
		Map<Long, List<AttendanceRules.Away>> out = new HashMap<>();
		// the desk's presence history: the contact module keeps it, the attendance reads it
		jdbc.sql("""
				select staff_id, reason, started_at, ended_at from contact_presence_log
				where staff_id = any(?) and state = 'AWAY' and started_at < ? and (ended_at is null or ended_at > ?)
				order by started_at""")
			.params(staffIds.toArray(Long[]::new), Timestamp.from(to), Timestamp.from(from))
			.query((rs, n) -> {
				out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new AttendanceRules.Away(rs.getString(2), rs.getTimestamp(3).toInstant(),
							rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()));
				return 1;
			})
			.list();
		return out;
	}

	private StaffView self(Actor by, long staffId) {
		StaffView me = staff.findByUsername(by.name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		if (me.id() != staffId) {
			throw HeatDeskException.forbidden("ATTENDANCE_NOT_YOURS");
		}
		return me;
	}

	private static Clocking row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Clocking(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class), rs.getTimestamp(4).toInstant(),
				rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant());
	}
}
