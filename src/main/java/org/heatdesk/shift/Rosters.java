package org.heatdesk.shift;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teams' monthly rosters: one entry per person and shift, no person in two shifts at once,
 * swaps requested by the person (or the lead) and approved by the lead.
 */
@Component
@EnableConfigurationProperties(RosterSettings.class)
class Rosters {

	record RosterEntry(long id, long teamId, long staffId, String staffName, LocalDate day, RosterShiftKind kind,
			Instant startsAt, Instant endsAt, boolean lead) {
	}

	record RosterSwap(long id, long entryId, long fromStaffId, String fromName, long toStaffId, String toName,
			String reason, String status, String requestedBy, Instant requestedAt, LocalDate day, RosterShiftKind kind) {
	}

	/** A team's shift: the entries that start and end together. */
	record TeamShift(long teamId, RosterShiftKind kind, LocalDate day, Instant startsAt, Instant endsAt,
			List<RosterEntry> entries) {

		Optional<RosterEntry> lead() {
			return entries.stream().filter(RosterEntry::lead).findFirst();
		}
	}

	private static final String ENTRY = """
			select e.id, e.team_id, e.staff_id, m.display_name, e.day, e.kind, e.starts_at, e.ends_at, e.lead
			from shift_roster_entry e left join staff_member m on m.id = e.staff_id""";

	static final RowMapper<RosterEntry> ENTRY_ROW = (rs, n) -> new RosterEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3),
			rs.getString(4), rs.getObject(5, LocalDate.class), RosterShiftKind.valueOf(rs.getString(6)),
			rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getBoolean(9));

	private final JdbcClient jdbc;

	private final Staff staff;

	private final AuditTrail audit;

	private final RosterSettings settings;

	private final Clock clock;

	private final ZoneId zone;

	Rosters(JdbcClient jdbc, Staff staff, AuditTrail audit, RosterSettings settings, Clock clock, Company company) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
		this.zone = company.zone();
	}

	RosterSettings settings() {
		return settings;
	}

	ZoneId zone() {
		return zone;
	}

	Clock clock() {
		return clock;
	}

	/** A shift of the roster, at the times the settings give for its kind on {@code day}. */
	@Transactional
	RosterEntry add(Actor by, long teamId, long staffId, LocalDate day, RosterShiftKind kind, boolean lead) {
		if (day == null || !InputChecks.sensibleYear(day.getYear())) {
			throw HeatDeskException.badInput("ROSTER_DAY_REQUIRED", "day");
		}
		if (kind == null) {
			throw HeatDeskException.badInput("ROSTER_KIND_REQUIRED", "kind");
		}
		if (kind.seasonal() != settings.inSeason(day)) {
			throw HeatDeskException.badInput(kind.seasonal() ? "ROSTER_KIND_OUT_OF_SEASON" : "ROSTER_OFFICE_IN_SEASON",
					"kind");
		}
		return addTimed(by, teamId, staffId, day, kind, settings.startOn(day, kind, zone).toInstant(),
				settings.endOn(day, kind, zone).toInstant(), lead);
	}

	/**
	 * A shift at times of its own (a shortened shift, or a test's roster around now). Refused for
	 * someone outside the team, or when the person already has a shift overlapping it.
	 */
	@Transactional
	RosterEntry addTimed(Actor by, long teamId, long staffId, LocalDate day, RosterShiftKind kind, Instant startsAt,
			Instant endsAt, boolean lead) {
		TeamView team = team(teamId);
		mayKeep(by, team.id());
		StaffView person = staff.find(staffId)
			.filter(StaffView::active)
			.orElseThrow(() -> HeatDeskException.badInput("ROSTER_STAFF_UNKNOWN", "staffId"));
		if (person.teamId() == null || person.teamId() != teamId) {
			throw HeatDeskException.badInput("ROSTER_NOT_IN_TEAM", "staffId", person.displayName(), team.name());
		}
		if (lead && !person.has(Role.TEAM_LEAD)) {
			throw HeatDeskException.badInput("ROSTER_LEAD_NOT_LEAD", "lead", person.displayName());
		}
		if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
			throw HeatDeskException.badInput("ROSTER_TIMES_INVALID", "startsAt");
		}
		lockPerson(staffId);
		overlap(staffId, startsAt, endsAt, null);
		long id = jdbc.sql("""
				insert into shift_roster_entry (team_id, staff_id, day, kind, starts_at, ends_at, lead, created_by, created_at)
				values (:team, :staff, :day, :kind, :starts, :ends, :lead, :by, :at) returning id""")
			.param("team", teamId)
			.param("staff", staffId)
			.param("day", day)
			.param("kind", kind.name())
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(endsAt))
			.param("lead", lead)
			.param("by", by.name())
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		RosterEntry e = entry(id).orElseThrow();
		audit.record(by, "ROSTER_ENTRY_ADDED", "shift_roster_entry", id, null, describe(e));
		return e;
	}

	/** Removes a shift that has not started yet. */
	@Transactional
	void remove(Actor by, long entryId) {
		RosterEntry e = entry(entryId).orElseThrow(() -> HeatDeskException.notFound("ROSTER_ENTRY_NOT_FOUND", entryId));
		mayKeep(by, e.teamId());
		if (!e.startsAt().isAfter(clock.instant())) {
			throw HeatDeskException.conflict("ROSTER_ENTRY_STARTED");
		}
		jdbc.sql("delete from shift_roster_swap where entry_id = ?").param(entryId).update();
		jdbc.sql("delete from shift_roster_entry where id = ?").param(entryId).update();
		audit.record(by, "ROSTER_ENTRY_REMOVED", "shift_roster_entry", entryId, describe(e), null);
	}

	/** A person (or the lead) asks to give a shift to a colleague of the team; the lead decides. */
	@Transactional
	RosterSwap requestSwap(Actor by, long entryId, long toStaffId, String reason) {
		RosterEntry e = entry(entryId).orElseThrow(() -> HeatDeskException.notFound("ROSTER_ENTRY_NOT_FOUND", entryId));
		StaffView me = staff.findByUsername(by.name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		if (me.id() != e.staffId() && !(me.has(Role.TEAM_LEAD) && Long.valueOf(e.teamId()).equals(me.teamId()))) {
			throw HeatDeskException.forbidden("ROSTER_SWAP_NOT_YOURS");
		}
		if (!e.startsAt().isAfter(clock.instant())) {
			throw HeatDeskException.conflict("ROSTER_ENTRY_STARTED");
		}
		StaffView to = staff.find(toStaffId).filter(StaffView::active)
			.orElseThrow(() -> HeatDeskException.badInput("ROSTER_STAFF_UNKNOWN", "toStaffId"));
		if (to.id() == e.staffId()) {
			throw HeatDeskException.badInput("ROSTER_SWAP_SAME_PERSON", "toStaffId");
		}
		if (to.teamId() == null || to.teamId() != e.teamId()) {
			throw HeatDeskException.badInput("ROSTER_NOT_IN_TEAM", "toStaffId", to.displayName(), team(e.teamId()).name());
		}
		String why = InputChecks.optional(reason, "reason", 300);
		long id = jdbc.sql("""
				insert into shift_roster_swap (entry_id, from_staff_id, to_staff_id, reason, status, requested_by, requested_at)
				values (?, ?, ?, ?, 'REQUESTED', ?, ?) returning id""")
			.params(entryId, e.staffId(), toStaffId, why, by.name(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(by, "ROSTER_SWAP_REQUESTED", "shift_roster_swap", id, null,
				Map.of("entry", entryId, "from", e.staffId(), "to", toStaffId));
		return swap(id).orElseThrow();
	}

	/** The lead of the team (or a manager) approves or refuses a swap; an approved swap moves the shift. */
	@Transactional
	RosterSwap decideSwap(Actor by, long swapId, boolean approve) {
		RosterSwap s = jdbc.sql("select id from shift_roster_swap where id = ? for update").param(swapId)
			.query(Long.class).optional().flatMap(this::swap)
			.orElseThrow(() -> HeatDeskException.notFound("ROSTER_SWAP_NOT_FOUND", swapId));
		RosterEntry e = entry(s.entryId()).orElseThrow();
		StaffView me = staff.findByUsername(by.name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		if (!me.has(Role.MANAGER) && !(me.has(Role.TEAM_LEAD) && Long.valueOf(e.teamId()).equals(me.teamId()))) {
			throw HeatDeskException.forbidden("ROSTER_NOT_YOUR_TEAM");
		}
		if (!"REQUESTED".equals(s.status())) {
			throw HeatDeskException.conflict("ROSTER_SWAP_DECIDED");
		}
		if (approve) {
			lockPerson(s.toStaffId());
			overlap(s.toStaffId(), e.startsAt(), e.endsAt(), e.id());
			jdbc.sql("update shift_roster_entry set staff_id = ?, lead = lead and ? where id = ?")
				.params(s.toStaffId(), staff.find(s.toStaffId()).map(v -> v.has(Role.TEAM_LEAD)).orElse(false), e.id())
				.update();
		}
		jdbc.sql("update shift_roster_swap set status = ?, decided_by = ?, decided_at = ? where id = ?")
			.params(approve ? "APPROVED" : "REFUSED", by.name(), Timestamp.from(clock.instant()), swapId)
			.update();
		audit.record(by, approve ? "ROSTER_SWAP_APPROVED" : "ROSTER_SWAP_REFUSED", "shift_roster_swap", swapId,
				Map.of("entry", e.id(), "staff", e.staffId()), Map.of("entry", e.id(), "staff", approve ? s.toStaffId() : e.staffId()));
		return swap(swapId).orElseThrow();
	}

	Optional<RosterEntry> entry(long id) {
		return jdbc.sql(ENTRY + " where e.id = ?").param(id).query(ENTRY_ROW).optional();
	}

	/** The team's entries of a month (by day of the month), in time order. */
	List<RosterEntry> month(long teamId, YearMonth month) {
		return jdbc.sql(ENTRY + " where e.team_id = ? and e.day between ? and ? order by e.starts_at, e.lead desc, m.display_name")
			.params(teamId, month.atDay(1), month.atEndOfMonth())
			.query(ENTRY_ROW)
			.list();
	}

	/** One person's entries that overlap {@code [from, to)}. */
	List<RosterEntry> ofStaff(long staffId, Instant from, Instant to) {
		return jdbc.sql(ENTRY + " where e.staff_id = ? and e.starts_at < ? and e.ends_at > ? order by e.starts_at")
			.params(staffId, Timestamp.from(to), Timestamp.from(from))
			.query(ENTRY_ROW)
			.list();
	}

	/** Entries of every team that overlap {@code [from, to)}. */
	List<RosterEntry> between(Instant from, Instant to) {
		return jdbc.sql(ENTRY + " where e.starts_at < ? and e.ends_at > ? order by e.team_id, e.starts_at")
			.params(Timestamp.from(to), Timestamp.from(from))
			.query(ENTRY_ROW)
			.list();
	}

	/** The team's shifts overlapping {@code [from, to)}, in time order. */
	List<TeamShift> shifts(long teamId, Instant from, Instant to) {
		List<RosterEntry> list = jdbc.sql(ENTRY + " where e.team_id = ? and e.starts_at < ? and e.ends_at > ? order by e.starts_at, e.lead desc, m.display_name")
			.params(teamId, Timestamp.from(to), Timestamp.from(from))
			.query(ENTRY_ROW)
			.list();
		return group(list);
	}

	static List<TeamShift> group(List<RosterEntry> list) {
		Map<String, List<RosterEntry>> byShift = new LinkedHashMap<>();
		for (RosterEntry e : list) {
			byShift.computeIfAbsent(e.teamId() + "/" + e.startsAt() + "/" + e.endsAt(), k -> new java.util.ArrayList<>()).add(e);
		}
		return byShift.values().stream().map(es -> {
			RosterEntry f = es.get(0);
			return new TeamShift(f.teamId(), f.kind(), f.day(), f.startsAt(), f.endsAt(), List.copyOf(es));
		}).toList();
	}

	/** The team's shift holding {@code at} (the one that started last), if any. */
	Optional<TeamShift> shiftAt(long teamId, Instant at) {
		List<TeamShift> s = shifts(teamId, at, at.plusMillis(1));
		return s.isEmpty() ? Optional.empty() : Optional.of(s.get(s.size() - 1));
	}

	/** The team's shift starting exactly at {@code start}. */
	Optional<TeamShift> shiftStartingAt(long teamId, Instant start) {
		return group(jdbc.sql(ENTRY + " where e.team_id = ? and e.starts_at = ? order by e.lead desc, m.display_name")
			.params(teamId, Timestamp.from(start))
			.query(ENTRY_ROW)
			.list()).stream().findFirst();
	}

	/** The team's shift that ends at {@code end} (the one handing over to a shift starting then). */
	Optional<TeamShift> shiftEndingAt(long teamId, Instant end) {
		return group(jdbc.sql(ENTRY + " where e.team_id = ? and e.ends_at = ? order by e.lead desc, m.display_name")
			.params(teamId, Timestamp.from(end))
			.query(ENTRY_ROW)
			.list()).stream().findFirst();
	}

	/** The team's next shift starting after {@code at} (within two days). */
	Optional<TeamShift> nextShift(long teamId, Instant at) {
		return jdbc.sql("select min(starts_at) from shift_roster_entry where team_id = ? and starts_at > ? and starts_at < ?")
			.params(teamId, Timestamp.from(at), Timestamp.from(at.plus(java.time.Duration.ofDays(2))))
			.query((rs, n) -> rs.getTimestamp(1))
			.optional()
			.filter(java.util.Objects::nonNull)
			.flatMap(t -> shiftStartingAt(teamId, t.toInstant()));
	}

	List<RosterSwap> swaps(long teamId, int limit) {
		return jdbc.sql(SWAP + " where e.team_id = ? order by s.id desc limit ?").params(teamId, limit).query(SWAP_ROW).list();
	}

	Optional<RosterSwap> swap(long id) {
		return jdbc.sql(SWAP + " where s.id = ?").param(id).query(SWAP_ROW).optional();
	}

	private static final String SWAP = """
			select s.id, s.entry_id, s.from_staff_id, f.display_name, s.to_staff_id, t.display_name, s.reason, s.status,
			       s.requested_by, s.requested_at, e.day, e.kind
			from shift_roster_swap s join shift_roster_entry e on e.id = s.entry_id
			left join staff_member f on f.id = s.from_staff_id left join staff_member t on t.id = s.to_staff_id""";

	private static final RowMapper<RosterSwap> SWAP_ROW = (rs, n) -> new RosterSwap(rs.getLong(1), rs.getLong(2),
			rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
			rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getObject(11, LocalDate.class),
			RosterShiftKind.valueOf(rs.getString(12)));

	TeamView team(long teamId) {
		return staff.teams().stream().filter(t -> t.id() == teamId).findFirst()
			.orElseThrow(() -> HeatDeskException.notFound("TEAM_NOT_FOUND", teamId));
	}

	/** A team lead keeps his own team's roster; a manager any team's; the system (demo data) too. */
	void mayKeep(Actor by, long teamId) {
		if (by.system()) {
			return;
		}
		StaffView me = staff.findByUsername(by.name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		if (me.has(Role.MANAGER) || me.has(Role.TEAM_LEAD) && Long.valueOf(teamId).equals(me.teamId())) {
			return;
		}
		throw HeatDeskException.forbidden("ROSTER_NOT_YOUR_TEAM");
	}

	private void lockPerson(long staffId) {
		// two leads adding shifts for one person at once: the second sees the first's entry
		jdbc.sql("select pg_advisory_xact_lock(1163, ?)").param((int) staffId).query((rs, n) -> 1).list();
	}

	private void overlap(long staffId, Instant startsAt, Instant endsAt, Long except) {
		jdbc.sql("""
				select e.day, e.kind from shift_roster_entry e
				where e.staff_id = ? and e.starts_at < ? and e.ends_at > ? and e.id <> ? limit 1""")
			.params(staffId, Timestamp.from(endsAt), Timestamp.from(startsAt), except == null ? -1L : except)
			.query((rs, n) -> rs.getObject(1, LocalDate.class) + " " + rs.getString(2))
			.optional()
			.ifPresent(other -> {
				throw HeatDeskException.badInput("ROSTER_OVERLAP", "staffId", other);
			});
	}

	private static Map<String, Object> describe(RosterEntry e) {
		return Map.of("team", e.teamId(), "staff", e.staffId(), "day", e.day().toString(), "kind", e.kind().name(),
				"startsAt", e.startsAt().toString(), "endsAt", e.endsAt().toString(), "lead", e.lead());
	}
}
