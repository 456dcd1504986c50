package org.heatdesk.shift;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shift hand-over (交接班, ch. 6, 7(七)): prepared by the outgoing shift from the records (every
 * {@link HandoverSource}), opened by the incoming lead (at least 15 minutes before the start, the
 * time is kept), the three clears confirmed and signed by one person of each side — the second
 * signature closes it and the incoming shift answers for the team from then on. A hand-over not
 * signed by the start of its shift is escalated to the managers.
 */
@Component
class Handovers {

	enum Side {
		OUTGOING, INCOMING
	}

	record Handover(long id, long teamId, String teamName, Instant shiftStartsAt, String status, Long preparedById,
			String preparedBy, Instant preparedAt, Long openedById, String openedBy, Instant openedAt, boolean clearHandover,
			boolean clearSituation, boolean clearProblem, Long outgoingSignedById, String outgoingSignedBy,
			Instant outgoingSignedAt, Long incomingSignedById, String incomingSignedBy, Instant incomingSignedAt,
			Instant signedAt, Instant escalatedAt) {

		public boolean signed() {
			return signedAt != null;
		}

		/** Opened at least {@code lead} before the start and closed by the start (7(七)). */
		public boolean onTime(Duration lead) {
			return openedAt != null && !openedAt.isAfter(shiftStartsAt.minus(lead)) && signedAt != null
					&& !signedAt.isAfter(shiftStartsAt);
		}

		public boolean anySigned() {
			return outgoingSignedAt != null || incomingSignedAt != null;
		}
	}

	private static final String SELECT = """
			select h.id, h.team_id, t.name, h.shift_starts_at, h.status, h.prepared_by_id, p.display_name, h.prepared_at,
			       h.opened_by_id, o.display_name, h.opened_at, h.clear_handover, h.clear_situation, h.clear_problem,
			       h.outgoing_signed_by_id, os.display_name, h.outgoing_signed_at, h.incoming_signed_by_id, ins.display_name,
			       h.incoming_signed_at, h.signed_at, h.escalated_at
			from shift_handover h left join staff_team t on t.id = h.team_id
			left join staff_member p on p.id = h.prepared_by_id left join staff_member o on o.id = h.opened_by_id
			left join staff_member os on os.id = h.outgoing_signed_by_id left join staff_member ins on ins.id = h.incoming_signed_by_id""";

	private static final RowMapper<Handover> ROW = (rs, n) -> new Handover(rs.getLong(1), rs.getLong(2), rs.getString(3),
			ts(rs, 4), rs.getString(5), (Long) rs.getObject(6, Long.class), rs.getString(7), ts(rs, 8),
			(Long) rs.getObject(9, Long.class), rs.getString(10), ts(rs, 11), rs.getBoolean(12), rs.getBoolean(13),
			rs.getBoolean(14), (Long) rs.getObject(15, Long.class), rs.getString(16), ts(rs, 17),
			(Long) rs.getObject(18, Long.class), rs.getString(19), ts(rs, 20), ts(rs, 21), ts(rs, 22));

	private final JdbcClient jdbc;

	private final Rosters rosters;

	private final Staff staff;

	private final AuditTrail audit;

	private final List<HandoverSource> sources;

	private final ShiftNotices notices;

	private final TransactionTemplate tx;

	Handovers(JdbcClient jdbc, Rosters rosters, Staff staff, AuditTrail audit, List<HandoverSource> sources,
			ShiftNotices notices, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.rosters = rosters;
		this.staff = staff;
		this.audit = audit;
		this.sources = sources;
		this.notices = notices;
		this.tx = tx;
	}

	/**
	 * The outgoing shift prepares (or prepares again, until someone signs) the hand-over into the
	 * team's shift starting at {@code shiftStart}: every source's items, overdue first.
	 */
	@Transactional
	Handover prepare(Actor by, long teamId, Instant shiftStart, Instant at, Locale locale) {
		StaffView me = member(by, teamId);
		if (shiftStart == null || !InputChecks.sensible(shiftStart)) {
			throw HeatDeskException.badInput("HANDOVER_SHIFT_REQUIRED", "shiftStart");
		}
		rosters.team(teamId);
		rosters.shiftStartingAt(teamId, shiftStart)
			.orElseThrow(() -> HeatDeskException.badInput("HANDOVER_NO_SHIFT", "shiftStart"));
		jdbc.sql("""
				insert into shift_handover (team_id, shift_starts_at, status) values (?, ?, 'PREPARED')
				on conflict (team_id, shift_starts_at) do nothing""")
			.params(teamId, Timestamp.from(shiftStart))
			.update();
		long id = jdbc.sql("select id from shift_handover where team_id = ? and shift_starts_at = ? for update")
			.params(teamId, Timestamp.from(shiftStart))
			.query(Long.class)
			.single();
		Handover before = find(id).orElseThrow();
		if (before.anySigned()) {
			throw HeatDeskException.conflict("HANDOVER_ALREADY_SIGNED");
		}
		List<HandoverItem> items = new ArrayList<>();
		for (HandoverSource s : sources) {
			items.addAll(s.items(teamId, shiftStart, locale));
		}
		items.sort(Comparator.comparing((HandoverItem i) -> !i.overdue())
			.thenComparing(HandoverItem::due, Comparator.nullsLast(Comparator.naturalOrder())));
		jdbc.sql("delete from shift_handover_item where handover_id = ?").param(id).update();
		int position = 0;
		for (HandoverItem i : items) {
			jdbc.sql("""
					insert into shift_handover_item (handover_id, position, source, clear, reference, text, due_at, overdue, link)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, position++, i.source(), i.clear(), trim(i.reference(), 100), trim(i.text(), 1000),
						i.due() == null ? null : Timestamp.from(i.due()), i.overdue(), trim(i.link(), 300))
				.update();
		}
		jdbc.sql("""
				update shift_handover set prepared_by_id = ?, prepared_at = ?,
				       status = case when opened_at is null then 'PREPARED' else 'OPENED' end, version = version + 1 where id = ?""")
			.params(me.id(), Timestamp.from(at), id)
			.update();
		audit.record(by, "HANDOVER_PREPARED", "shift_handover", id, null,
				Map.of("team", teamId, "shiftStartsAt", shiftStart.toString(), "items", items.size()));
		return find(id).orElseThrow();
	}

	/** The incoming lead opens the hand-over to check it with the outgoing one; the first opening is kept. */
	@Transactional
	Handover open(Actor by, long id, Instant at) {
		Handover h = locked(id);
		member(by, h.teamId());
		if (h.preparedAt() == null) {
			throw HeatDeskException.conflict("HANDOVER_NOT_PREPARED");
		}
		if (h.signed()) {
			throw HeatDeskException.conflict("HANDOVER_CLOSED");
		}
		if (h.openedAt() != null) {
			return h;
		}
		StaffView me = staff.findByUsername(by.name()).orElseThrow();
		jdbc.sql("update shift_handover set opened_by_id = ?, opened_at = ?, status = 'OPENED', version = version + 1 where id = ?")
			.params(me.id(), Timestamp.from(at), id)
			.update();
		audit.record(by, "HANDOVER_OPENED", "shift_handover", id, null,
				Map.of("openedAt", at.toString(), "minutesBeforeStart", Duration.between(at, h.shiftStartsAt()).toMinutes()));
		return find(id).orElseThrow();
	}

	/**
	 * One side signs, having confirmed the three clears; the same person may not sign both sides,
	 * the incoming side only once the hand-over is opened. The second signature closes it.
	 */
	@Transactional
	Handover sign(Actor by, long id, Side side, boolean clearHandover, boolean clearSituation, boolean clearProblem,
			Instant at) {
		if (side == null) {
			throw HeatDeskException.badInput("HANDOVER_SIDE_REQUIRED", "side");
		}
		Handover h = locked(id);
		StaffView me = member(by, h.teamId());
		if (h.signed()) {
			throw HeatDeskException.conflict("HANDOVER_CLOSED");
		}
		if (h.preparedAt() == null) {
			throw HeatDeskException.conflict("HANDOVER_NOT_PREPARED");
		}
		Long mine = side == Side.OUTGOING ? h.outgoingSignedById() : h.incomingSignedById();
		Long other = side == Side.OUTGOING ? h.incomingSignedById() : h.outgoingSignedById();
		if (mine != null) {
			throw HeatDeskException.conflict("HANDOVER_SIDE_SIGNED");
		}
		if (other != null && other == me.id()) {
			throw HeatDeskException.conflict("HANDOVER_SAME_SIGNER");
		}
		if (side == Side.INCOMING && h.openedAt() == null) {
			throw HeatDeskException.conflict("HANDOVER_NOT_OPENED");
		}
		if (!clearHandover || !clearSituation || !clearProblem) {
			throw HeatDeskException.badInput("HANDOVER_CLEARS_REQUIRED", "clears");
		}
		boolean closes = other != null;
		String column = side == Side.OUTGOING ? "outgoing" : "incoming";
		jdbc.sql("update shift_handover set " + column + "_signed_by_id = ?, " + column + "_signed_at = ?, "
				+ "clear_handover = true, clear_situation = true, clear_problem = true, "
				+ "signed_at = ?, status = ?, version = version + 1 where id = ?")
			.params(me.id(), Timestamp.from(at), closes ? Timestamp.from(at) : null, closes ? "SIGNED" : h.status(), id)
			.update();
		audit.record(by, "HANDOVER_SIGNED", "shift_handover", id, null, Map.of("side", side.name(), "at", at.toString()));
		if (closes) {
			// the notes it listed are handed over with it; notes written later wait for the next one
			jdbc.sql("""
					update shift_handover_note set handover_id = ? where handover_id is null and team_id = ?
					and id in (select cast(substring(reference from 6) as bigint) from shift_handover_item
					           where handover_id = ? and source = 'NOTES' and reference like 'note:%')""")
				.params(id, h.teamId(), id)
				.update();
			audit.record(by, "HANDOVER_CLOSED", "shift_handover", id, Map.of("status", h.status()),
					Map.of("status", "SIGNED", "team", h.teamId(), "shiftStartsAt", h.shiftStartsAt().toString()));
		}
		return find(id).orElseThrow();
	}

	/** A note for the next shift, listed by the next hand-over the team prepares. */
	@Transactional
	long note(Actor by, long teamId, String text, Instant at) {
		StaffView me = member(by, teamId);
		String t = InputChecks.required(text, "text", 1000);
		long id = jdbc.sql("insert into shift_handover_note (team_id, text, author_id, created_at) values (?, ?, ?, ?) returning id")
			.params(teamId, t, me.id(), Timestamp.from(at))
			.query(Long.class)
			.single();
		audit.record(by, "HANDOVER_NOTE_ADDED", "shift_handover_note", id, null, Map.of("team", teamId, "text", t));
		return id;
	}

	@Scheduled(fixedDelayString = "${heatdesk.shift.escalation-interval:60s}", initialDelayString = "${heatdesk.shift.escalation-delay:30s}")
	void sweep() {
		tx.executeWithoutResult(s -> escalateDue(rosters.clock().instant()));
	}

	/**
	 * Escalates the hand-overs whose shift has started unsigned (those prepared, and those nobody
	 * prepared for a shift that started in the last two hours after another of the team): marked
	 * escalated, a notice to the managers. Returns the ids escalated.
	 */
	@Transactional
	List<Long> escalateDue(Instant now) {
		// shifts that started without any hand-over row: one is made, so that it is escalated with the rest
		jdbc.sql("""
				insert into shift_handover (team_id, shift_starts_at, status)
				select distinct e.team_id, e.starts_at, 'MISSING' from shift_roster_entry e
				where e.starts_at <= :now and e.starts_at > :since
				  and exists (select 1 from shift_roster_entry p where p.team_id = e.team_id and p.ends_at = e.starts_at)
				on conflict (team_id, shift_starts_at) do nothing""")
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(Duration.ofHours(2))))
			.update();
		List<Handover> due = jdbc.sql(SELECT + " where h.id in (select id from shift_handover where signed_at is null"
				+ " and escalated_at is null and shift_starts_at <= ? order by id for update skip locked)")
			.param(Timestamp.from(now))
			.query(ROW)
			.list();
		List<Long> done = new ArrayList<>();
		DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(rosters.zone());
		for (Handover h : due) {
			jdbc.sql("update shift_handover set escalated_at = ?, version = version + 1 where id = ?")
				.params(Timestamp.from(now), h.id())
				.update();
			notices.toRole(Role.MANAGER, "HANDOVER_ESCALATED", "shift.notice.handoverEscalated", "/shift/handovers/" + h.id(),
					h.teamName() == null ? String.valueOf(h.teamId()) : h.teamName(), f.format(h.shiftStartsAt()));
			audit.record(Actor.system("shift"), "HANDOVER_ESCALATED", "shift_handover", h.id(), Map.of("status", h.status()),
					Map.of("escalatedAt", now.toString(), "shiftStartsAt", h.shiftStartsAt().toString()));
			done.add(h.id());
		}
		return done;
	}

	Optional<Handover> find(long id) {
		return jdbc.sql(SELECT + " where h.id = ?").param(id).query(ROW).optional();
	}

	Optional<Handover> into(long teamId, Instant shiftStart) {
		return jdbc.sql(SELECT + " where h.team_id = ? and h.shift_starts_at = ?")
			.params(teamId, Timestamp.from(shiftStart))
			.query(ROW)
			.optional();
	}

	/** The team's hand-overs, the latest first; all teams' with {@code teamId} null. */
	List<Handover> recent(Long teamId, int limit) {
		return jdbc.sql(SELECT + " where (cast(? as bigint) is null or h.team_id = ?) order by h.shift_starts_at desc, h.id desc limit ?")
			.params(teamId, teamId, limit)
			.query(ROW)
			.list();
	}

	record Item(long id, String source, String clear, String reference, String text, Instant due, boolean overdue,
			String link) {
	}

	List<Item> items(long handoverId) {
		return jdbc.sql("select id, source, clear, reference, text, due_at, overdue, link from shift_handover_item where handover_id = ? order by position")
			.param(handoverId)
			.query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					ts(rs, 6), rs.getBoolean(7), rs.getString(8)))
			.list();
	}

	Rosters rosters() {
		return rosters;
	}

	private Handover locked(long id) {
		return jdbc.sql("select id from shift_handover where id = ? for update")
			.param(id)
			.query(Long.class)
			.optional()
			.flatMap(this::find)
			.orElseThrow(() -> HeatDeskException.notFound("HANDOVER_NOT_FOUND", id));
	}

	/** Someone of the team (either shift), or a manager. */
	private StaffView member(Actor by, long teamId) {
		StaffView me = staff.findByUsername(by.name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		if (me.has(Role.MANAGER) || Long.valueOf(teamId).equals(me.teamId())) {
			return me;
		}
		throw HeatDeskException.forbidden("HANDOVER_NOT_YOUR_TEAM");
	}

	private static String trim(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	private static Instant ts(ResultSet rs, int i) throws SQLException {
		Timestamp t = rs.getTimestamp(i);
		return t == null ? null : t.toInstant();
	}
}
