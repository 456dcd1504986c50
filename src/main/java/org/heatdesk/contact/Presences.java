package org.heatdesk.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agent presence with its history. Set by the agent and by call events; an event older than the
 * agent's current state (it arrived late) does not override it.
 */
@Component
class Presences {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final DeskPush push;

	Presences(JdbcClient jdbc, AuditTrail audit, DeskPush push) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.push = push;
	}

	record Current(long staffId, PresenceState state, String reason, Instant since) {
	}

	record Period(long staffId, PresenceState state, String reason, Instant startedAt, Instant endedAt, String setBy) {
	}

	Optional<Current> current(long staffId) {
		return jdbc.sql("select staff_id, state, reason, since from contact_presence where staff_id = ?")
			.param(staffId)
			.query((rs, n) -> new Current(rs.getLong(1), PresenceState.valueOf(rs.getString(2)), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	List<Current> all() {
		return jdbc.sql("select staff_id, state, reason, since from contact_presence")
			.query((rs, n) -> new Current(rs.getLong(1), PresenceState.valueOf(rs.getString(2)), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	List<Period> history(long staffId, Instant from, Instant to) {
		return jdbc.sql("""
				select staff_id, state, reason, started_at, ended_at, set_by from contact_presence_log
				where staff_id = ? and started_at < ? and (ended_at is null or ended_at > ?)
				order by started_at""")
			.params(staffId, Timestamp.from(to), Timestamp.from(from))
			.query((rs, n) -> new Period(rs.getLong(1), PresenceState.valueOf(rs.getString(2)), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
					rs.getString(6)))
			.list();
	}

	/** Why an agent stepped away, the reasons a person may give. */
	static final List<String> AWAY_REASONS = List.of("BREAK", "MEAL", "TRAINING", "MEETING", "OTHER");

	/**
	 * The reason to keep with a presence set by a person: one of {@link #AWAY_REASONS} when away,
	 * none otherwise.
	 * @throws HeatDeskException {@code PRESENCE_REASON_REQUIRED} when away without a known reason
	 */
	static String reasonFor(PresenceState state, String reason) {
		if (state != PresenceState.AWAY) {
			return null;
		}
		if (reason == null || !AWAY_REASONS.contains(reason)) {
			throw HeatDeskException.badInput("PRESENCE_REASON_REQUIRED", "reason");
		}
		return reason;
	}

	/**
	 * Moves an agent to {@code state} as of {@code at}. A change set by a person is audited; one from
	 * a call event is not older than the current state or it is ignored. A change is pushed to the
	 * agent's desk after the commit.
	 * @return whether anything changed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean set(long staffId, PresenceState state, String reason, Instant at, String setBy, boolean byPerson) {
		jdbc.sql("""
				insert into contact_presence (staff_id, state, reason, since) values (?, 'OFFLINE', null, ?)
				on conflict (staff_id) do nothing""")
			.params(staffId, Timestamp.from(Instant.EPOCH))
			.update();
		Current before = jdbc.sql("select staff_id, state, reason, since from contact_presence where staff_id = ? for update")
			.param(staffId)
			.query((rs, n) -> new Current(rs.getLong(1), PresenceState.valueOf(rs.getString(2)), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.single();
		if (before.state() == state && java.util.Objects.equals(before.reason(), reason)) {
			return false;
		}
		if (!byPerson && at.isBefore(before.since())) {
			return false;
		}
		Instant since = at.isBefore(before.since()) ? before.since() : at;
		jdbc.sql("update contact_presence set state = ?, reason = ?, since = ? where staff_id = ?")
			.params(state.name(), reason, Timestamp.from(since), staffId)
			.update();
		jdbc.sql("update contact_presence_log set ended_at = ? where staff_id = ? and ended_at is null")
			.params(Timestamp.from(since), staffId)
			.update();
		jdbc.sql("""
				insert into contact_presence_log (staff_id, state, reason, started_at, set_by) values (?, ?, ?, ?, ?)""")
			.params(staffId, state.name(), reason, Timestamp.from(since), setBy)
			.update();
		if (byPerson) {
			audit.record("PRESENCE_CHANGED", "staff", staffId,
					Map.of("state", before.state().name(), "reason", String.valueOf(before.reason())),
					Map.of("state", state.name(), "reason", String.valueOf(reason)));
		}
		push.presence(staffId, state, reason, since);
		return true;
	}

	/** Agents in wrap-up since before {@code before}: the sweep makes them ready again. */
	List<Long> wrapUpSince(Instant before) {
		return jdbc.sql("select staff_id from contact_presence where state = 'WRAP_UP' and since < ?")
			.param(Timestamp.from(before))
			.query(Long.class)
			.list();
	}
}
