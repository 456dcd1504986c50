package org.heatdesk.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.heatdesk.contact.cti.CtiEvent;
import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores one switch event and recomputes its call from all of the call's events, in one
 * transaction. Events of one call are serialised by a transaction-scoped advisory lock on the
 * switch's call id, so two nodes receiving the same call's events at once still agree.
 */
@Component
class CallRecorder {

	private final JdbcClient jdbc;

	private final Presences presences;

	private final AnswerProperties answer;

	private final Agents agents;

	CallRecorder(JdbcClient jdbc, Presences presences, AnswerProperties answer, Agents agents) {
		this.jdbc = jdbc;
		this.presences = presences;
		this.answer = answer;
		this.agents = agents;
	}

	/** An agent known by extension. */
	record Agent(long staffId, String username) {
	}

	/** What storing an event did; {@code pop} is set when the call now rings at an agent. */
	record Outcome(long callId, boolean duplicate, CallTimeline.Facts facts, boolean pop, boolean created) {
	}

	/**
	 * @param event a validated event
	 * @param agents the staff at the event's extension and target extension (null when none)
	 */
	@Transactional
	Outcome record(CtiEvent event, CtiEventType type, Agent agent, Agent target, Instant now) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))").param(event.callId()).query().singleRow();
		Map<String, Object> existing = jdbc.sql("select id, swept_at from contact_call where switch_call_id = ?")
			.param(event.callId())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		Long callId = existing == null ? null : ((Number) existing.get("id")).longValue();
		Instant sweptAt = existing == null ? null : instant(existing.get("swept_at"));
		if (callId == null) {
			return first(event, type, agent, target, now);
		}
		int inserted = jdbc.sql("""
				insert into contact_call_event (call_id, event_type, occurred_at, extension, queue, caller, dialled,
				                                target_ext, recording_url, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(callId, type.name(), Timestamp.from(event.time()), event.extension() == null ? "" : event.extension(),
					event.queue(), event.caller(), event.dialled(), event.targetExtension(), event.recordingUrl(),
					Timestamp.from(now))
			.update();
		if (inserted == 0) {
			return new Outcome(callId, true, null, false, false);
		}
		CallTimeline.Facts facts = CallTimeline.derive(steps(callId), answer.limit(), sweptAt);
		Long answeredStaff = facts.answeredExtension() == null ? null
				: facts.answeredExtension().equals(event.extension()) && agent != null ? Long.valueOf(agent.staffId())
						: agents.byExtension(facts.answeredExtension()).map(Agent::staffId).orElse(null);
		jdbc.sql("""
				update contact_call set caller = ?, dialled = ?, queue = ?, status = ?, ringing_ext = ?, first_ring_at = ?,
				       answered_at = ?, ended_at = ?, ring_ms = ?, talk_ms = ?, hold_ms = ?, answered_ext = ?,
				       answered_staff_id = ?, current_ext = ?, transfers = ?, abandoned = ?, within_limit = ?,
				       recording_url = ?, last_event_at = ?, updated_at = ?
				where id = ?""")
			.params(facts.caller(), facts.dialled(), facts.queue(), facts.status().name(), facts.ringingExtension(),
					SqlValues.ts(facts.firstRingAt()), SqlValues.ts(facts.answeredAt()), SqlValues.ts(facts.endedAt()), facts.ringMillis(),
					facts.talkMillis(), facts.holdMillis(), facts.answeredExtension(), answeredStaff,
					facts.currentExtension(), facts.transfers(), facts.abandoned(), facts.withinLimit(),
					facts.recordingUrl(), SqlValues.ts(facts.lastEventAt()), Timestamp.from(now), callId)
			.update();
		boolean lateFirstRing = type == CtiEventType.RINGING && event.time().equals(facts.firstRingAt());
		if (event.caller() != null && lateFirstRing) {
			// the call's contact shows the caller and the first ring, also when RINGING came late
			jdbc.sql("""
					update contact_contact set phone = coalesce(phone, ?), occurred_at = least(occurred_at, ?)
					where id = (select contact_id from contact_call where id = ?)""")
				.params(facts.caller(), SqlValues.ts(facts.firstRingAt()), callId)
				.update();
		}
		followPresence(type, event, agent, target, facts);
		return new Outcome(callId, false, facts, pops(type, event, agent, facts), false);
	}

	/**
	 * The first event of a call (usually its first ring, so this is the screen pop's path): the
	 * call's timeline is this one event, so its facts are derived here and contact, call and event
	 * are written in one statement.
	 */
	private Outcome first(CtiEvent event, CtiEventType type, Agent agent, Agent target, Instant now) {
		CallTimeline.Facts facts = CallTimeline.derive(List.of(new CallTimeline.Step(type, event.time(), event.extension(),
				event.targetExtension(), event.caller(), event.dialled(), event.queue(), event.recordingUrl())),
				answer.limit(), null);
		Long answeredStaff = facts.answeredExtension() == null ? null
				: facts.answeredExtension().equals(event.extension()) && agent != null ? Long.valueOf(agent.staffId())
						: agents.byExtension(facts.answeredExtension()).map(Agent::staffId).orElse(null);
		long callId = jdbc.sql("""
				with c as (
				  insert into contact_contact (channel, direction, phone, occurred_at, created_at)
				  values ('PHONE', 'INBOUND', ?, ?, ?) returning id
				), k as (
				  insert into contact_call (switch_call_id, contact_id, caller, dialled, queue, status, ringing_ext,
				    first_ring_at, answered_at, ended_at, ring_ms, talk_ms, hold_ms, answered_ext, answered_staff_id,
				    current_ext, transfers, abandoned, within_limit, recording_url, last_event_at, updated_at)
				  select ?::text, c.id, ?::text, ?::text, ?::text, ?::text, ?::text, ?::timestamptz, ?::timestamptz,
				    ?::timestamptz, ?::bigint, ?::bigint, ?::bigint, ?::text, ?::bigint, ?::text, ?::int, ?::boolean,
				    ?::boolean, ?::text, ?::timestamptz, ?::timestamptz
				  from c returning id
				), e as (
				  insert into contact_call_event (call_id, event_type, occurred_at, extension, queue, caller, dialled,
				    target_ext, recording_url, received_at)
				  select k.id, ?::text, ?::timestamptz, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::timestamptz
				  from k
				)
				select id from k""")
			.params(event.caller(), Timestamp.from(event.time()), Timestamp.from(now),
					event.callId(), facts.caller(), facts.dialled(), facts.queue(), facts.status().name(),
					facts.ringingExtension(), SqlValues.ts(facts.firstRingAt()), SqlValues.ts(facts.answeredAt()),
					SqlValues.ts(facts.endedAt()),
					facts.ringMillis(), facts.talkMillis(), facts.holdMillis(), facts.answeredExtension(), answeredStaff,
					facts.currentExtension(), facts.transfers(), facts.abandoned(), facts.withinLimit(),
					facts.recordingUrl(), SqlValues.ts(facts.lastEventAt()), Timestamp.from(now),
					type.name(), Timestamp.from(event.time()), event.extension() == null ? "" : event.extension(),
					event.queue(), event.caller(), event.dialled(), event.targetExtension(), event.recordingUrl(),
					Timestamp.from(now))
			.query(Long.class)
			.single();
		followPresence(type, event, agent, target, facts);
		return new Outcome(callId, false, facts, pops(type, event, agent, facts), true);
	}

	private static boolean pops(CtiEventType type, CtiEvent event, Agent agent, CallTimeline.Facts facts) {
		return type == CtiEventType.RINGING && agent != null && facts.status() == CallStatus.RINGING
				&& event.extension().equals(facts.ringingExtension());
	}

	/** Call events move agents: answering puts them on the call, the end into wrap-up. */
	private void followPresence(CtiEventType type, CtiEvent event, Agent agent, Agent target, CallTimeline.Facts facts) {
		String by = "cti";
		switch (type) {
			case ANSWERED -> {
				if (agent != null && facts.endedAt() == null) {
					presences.set(agent.staffId(), PresenceState.ON_CALL, null, event.time(), by, false);
				}
			}
			case TRANSFERRED -> {
				if (agent != null) {
					presences.set(agent.staffId(), PresenceState.WRAP_UP, null, event.time(), by, false);
				}
				if (target != null && facts.endedAt() == null) {
					presences.set(target.staffId(), PresenceState.ON_CALL, null, event.time(), by, false);
				}
			}
			case ENDED -> {
				String ext = facts.currentExtension() != null ? facts.currentExtension() : event.extension();
				if (facts.answeredAt() != null && ext != null) {
					Long staffId = ext.equals(event.extension()) && agent != null ? Long.valueOf(agent.staffId())
							: agents.byExtension(ext).map(Agent::staffId).orElse(null);
					if (staffId != null) {
						presences.set(staffId, PresenceState.WRAP_UP, null, event.time(), by, false);
					}
				}
			}
			default -> {
			}
		}
	}

	List<CallTimeline.Step> steps(long callId) {
		return jdbc.sql("""
				select event_type, occurred_at, extension, target_ext, caller, dialled, queue, recording_url
				from contact_call_event where call_id = ?""")
			.param(callId)
			.query((rs, n) -> new CallTimeline.Step(CtiEventType.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
					emptyToNull(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8)))
			.list();
	}

	/** Closes a call whose end never came; marked as swept. */
	@Transactional
	boolean sweep(long callId, Instant now) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended((select switch_call_id from contact_call where id = ?), 7))")
			.param(callId).query().singleRow();
		String status = jdbc.sql("select status from contact_call where id = ?").param(callId).query(String.class).single();
		if (!status.equals("RINGING") && !status.equals("TALKING")) {
			return false;
		}
		CallTimeline.Facts facts = CallTimeline.derive(steps(callId), answer.limit(), now);
		jdbc.sql("""
				update contact_call set status = ?, swept_at = ?, talk_ms = ?, updated_at = ? where id = ?""")
			.params(facts.status().name(), Timestamp.from(now), facts.talkMillis(), Timestamp.from(now), callId)
			.update();
		return true;
	}

	/** A timestamp column as JDBC gives it, as an instant. */
	static Instant instant(Object value) {
		if (value instanceof Timestamp t) {
			return t.toInstant();
		}
		return value instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
	}

	private static String emptyToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}
}
