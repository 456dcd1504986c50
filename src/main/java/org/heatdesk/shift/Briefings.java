package org.heatdesk.shift;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.PastDaysChanged;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.staff.StaffView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily briefing (班前会, 4.1): before a shift the lead records who of the team attended, the
 * topics and the day's notices; one per team and shift. The weekly summary adds them up per team.
 */
@Service
class Briefings {

	/** The shifts a briefing can precede (the roster's; office hours outside the heating season). */
	static final List<String> SHIFTS = List.of("DAY", "EVENING", "NIGHT", "OFFICE");

	record Briefing(long id, long teamId, LocalDate heldOn, String shiftCode, Instant heldAt, long ledBy, String topics,
			String notices, int present, int absent) {
	}

	record Attendee(long staffId, String name, boolean present, String note) {
	}

	/** A team's week: briefings held, attendance, topics. */
	record WeekSummary(long teamId, String teamName, LocalDate monday, int briefings, int present, int expected,
			List<String> topics) {

		public int attendancePercent() {
			return expected == 0 ? 0 : Math.round(present * 100f / expected);
		}
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final TeamLogPeople people;

	private final Clock clock;

	private final ZoneId zone;

	private final ApplicationEventPublisher events;

	Briefings(JdbcClient jdbc, AuditTrail audit, TeamLogPeople people, Clock clock, Company company,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.people = people;
		this.clock = clock;
		this.zone = company.zone();
		this.events = events;
	}

	ZoneId zone() {
		return zone;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/**
	 * Records a briefing of the team: each member present or not.
	 * @throws HeatDeskException 400 {@code REQUIRED}, {@code SHIFT_BRIEFING_SHIFT_UNKNOWN},
	 *         {@code SHIFT_BRIEFING_FUTURE}; 409 {@code SHIFT_BRIEFING_EXISTS}
	 */
	@Transactional
	Briefing hold(Actor by, Long teamId, LocalDate day, String shiftCode, String topics, String dayNotices,
			Set<Long> present, Map<Long, String> notes) {
		StaffView me = people.me(by);
		long team = people.team(me, teamId);
		LocalDate on = day == null ? today() : day;
		if (on.isAfter(today())) {
			throw HeatDeskException.badInput("SHIFT_BRIEFING_FUTURE", "heldOn");
		}
		String shift = InputChecks.required(shiftCode, "shiftCode", 20);
		if (!SHIFTS.contains(shift)) {
			throw HeatDeskException.badInput("SHIFT_BRIEFING_SHIFT_UNKNOWN", "shiftCode");
		}
		String t = InputChecks.required(topics, "topics", 4000);
		String n = InputChecks.optional(dayNotices, "notices", 4000);
		boolean exists = jdbc.sql("select count(*) from shift_briefing where team_id = ? and held_on = ? and shift_code = ?")
			.params(team, on, shift).query(Long.class).single() > 0;
		if (exists) {
			throw HeatDeskException.conflict("SHIFT_BRIEFING_EXISTS");
		}
		Instant now = clock.instant();
		Instant heldAt = on.equals(today()) ? now : on.atTime(LocalTime.of(8, 0)).atZone(zone).toInstant();
		long id = jdbc.sql("""
				insert into shift_briefing (team_id, held_on, shift_code, held_at, led_by, topics, notices, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(team, on, shift, SqlValues.ts(heldAt), me.id(), t, n, SqlValues.ts(now))
			.query(Long.class)
			.single();
		List<String> attended = new ArrayList<>();
		for (StaffView m : people.members(team)) {
			boolean here = present.contains(m.id());
			String note = InputChecks.optional(notes.get(m.id()), "note-" + m.id(), 200);
			jdbc.sql("insert into shift_briefing_attendee (briefing_id, staff_id, present, note) values (?, ?, ?, ?)")
				.params(id, m.id(), here, note)
				.update();
			if (here) {
				attended.add(m.username());
			}
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("teamId", team);
		after.put("heldOn", on.toString());
		after.put("shift", shift);
		after.put("topics", t);
		after.put("present", attended);
		audit.record(by, "SHIFT_BRIEFING_HELD", "shift_briefing", id, null, after);
		if (on.isBefore(today())) {
			// recorded after the day: the day's count of briefings held changes
			events.publishEvent(new PastDaysChanged(on, on, "shift."));
		}
		return find(id);
	}

	Briefing find(long id) {
		return jdbc.sql(SELECT + " where b.id = ? group by b.id").param(id).query(Briefings::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("SHIFT_BRIEFING_NOT_FOUND", id));
	}

	List<Attendee> attendees(long briefingId) {
		return attendees(List.of(briefingId)).getOrDefault(briefingId, List.of());
	}

	/** The attendees of several briefings in one read, by briefing (a page's rows). */
	Map<Long, List<Attendee>> attendees(Collection<Long> briefingIds) {
		Map<Long, List<Attendee>> out = new HashMap<>();
		if (briefingIds.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				select briefing_id, staff_id, present, note from shift_briefing_attendee where briefing_id = any(?)
				order by briefing_id, staff_id""")
			.param(briefingIds.toArray(Long[]::new))
			.query(rs -> {
				out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Attendee(rs.getLong(2), people.name(rs.getLong(2)), rs.getBoolean(3), rs.getString(4)));
			});
		return out;
	}

	/** Briefings of a team (or all) in [from, to], newest first. */
	@Transactional(readOnly = true)
	List<Briefing> list(Long teamId, LocalDate from, LocalDate to) {
		return jdbc.sql(SELECT + """
				 where (cast(? as bigint) is null or b.team_id = ?) and b.held_on between ? and ?
				group by b.id order by b.held_on desc, b.held_at desc limit 300""")
			.params(teamId, teamId, from, to)
			.query(Briefings::row)
			.list();
	}

	/** The week (Monday to Sunday) around {@code day}, per team that held a briefing or has members. */
	@Transactional(readOnly = true)
	List<WeekSummary> week(LocalDate day, Long teamId) {
		LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<Briefing> held = list(teamId, monday, monday.plusDays(6));
		List<WeekSummary> out = new ArrayList<>();
		for (var t : people.teams()) {
			if (teamId != null && t.id() != teamId) {
				continue;
			}
			List<Briefing> mine = held.stream().filter(b -> b.teamId() == t.id()).toList();
			if (mine.isEmpty() && teamId == null) {
				continue;
			}
			int present = mine.stream().mapToInt(Briefing::present).sum();
			int expected = mine.stream().mapToInt(b -> b.present() + b.absent()).sum();
			List<String> topics = new ArrayList<>(mine.stream().map(b -> b.heldOn() + " " + b.topics()).toList());
			java.util.Collections.reverse(topics);
			out.add(new WeekSummary(t.id(), t.name(), monday, mine.size(), present, expected, topics));
		}
		return out;
	}

	private static final String SELECT = """
			select b.*, count(a.staff_id) filter (where a.present) as present_count,
			  count(a.staff_id) filter (where not a.present) as absent_count
			from shift_briefing b left join shift_briefing_attendee a on a.briefing_id = b.id""";

	static Briefing row(ResultSet rs, int n) throws SQLException {
		return new Briefing(rs.getLong("id"), rs.getLong("team_id"), rs.getObject("held_on", LocalDate.class),
				rs.getString("shift_code"), SqlValues.instant(rs, "held_at"), rs.getLong("led_by"), rs.getString("topics"),
				rs.getString("notices"), rs.getInt("present_count"), rs.getInt("absent_count"));
	}
}
