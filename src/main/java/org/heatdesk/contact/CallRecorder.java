package org.heatdesk.contact;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.contact.cti.CtiEvent;
import org.heatdesk.platform.SqlValues;
import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher events;

	CallRecorder(JdbcClient jdbc, Presences presences, AnswerProperties answer, Agents agents,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.presences = presences;
		this.answer = answer;
		this.agents = agents;
		this.events = events;
	}

	/** How long after a dial request the switch's outbound call is still taken as its call. */
	static final Duration DIAL_WINDOW = Duration.ofMinutes(15);

	/** How far a dial request may seem to come after its call's first event (the switch's clock against ours). */
	static final Duration DIAL_CLOCK_SKEW = Duration.ofSeconds(60);

	/** An agent known by extension. */
	record Agent(long staffId, String username) {
	}

	/**
	 * What storing an event did; {@code pop} is set when the call now rings at an agent;
	 * {@code outboundContactId} is the contact of a call the agent makes ({@code null} for the others).
	 */
	record Outcome(long callId, boolean duplicate, CallTimeline.Facts facts, boolean pop, boolean created,
			Long outboundContactId) {
	}

	/**
	 * @param event a validated event
	 * @param agents the staff at the event's extension and target extension (null when none)
	 */
	@Transactional
	Outcome record(CtiEvent event, CtiEventType type, Agent agent, Agent target, Instant now) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))").param(event.callId()).query().singleRow();
		Map<String, Object> existing = jdbc.sql("""
				select id, swept_at, direction, status, contact_id from contact_call where switch_call_id = ?""")
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
		boolean outbound = "OUTBOUND".equals(existing.get("direction"));
		CallStatus before = CallStatus.valueOf((String) existing.get("status"));
		long contactId = ((Number) existing.get("contact_id")).longValue();
		int inserted = jdbc.sql("""
				insert into contact_call_event (call_id, event_type, occurred_at, extension, queue, caller, dialled,
				                                target_ext, recording_url, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(callId, type.name(), Timestamp.from(event.time()), event.extension() == null ? "" : event.extension(),
					event.queue(), event.caller(), event.dialled(), event.targetExtension(), event.recordingUrl(),
					Timestamp.from(now))
			.update();
		if (inserted == 0) {
			return new Outcome(callId, true, null, false, false, null);
		}
		CallTimeline.Facts facts = CallTimeline.derive(steps(callId), answer.limit(), sweptAt, outbound);
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
		// an outbound call's customer is the number dialled
		String customerNumber = outbound ? event.dialled() : event.caller();
		if (customerNumber != null && lateFirstRing) {
			// the call's contact shows the caller and the first ring, also when RINGING came late
			jdbc.sql("""
					update contact_contact set phone = coalesce(phone, ?), occurred_at = least(occurred_at, ?)
					where id = (select contact_id from contact_call where id = ?)""")
				.params(outbound ? facts.dialled() : facts.caller(), SqlValues.ts(facts.firstRingAt()), callId)
				.update();
		}
		followPresence(type, event, agent, target, facts);
		if (outbound && (before == CallStatus.RINGING || before == CallStatus.TALKING) && closed(facts.status())) {
			outboundEnded(contactId, callId, facts.answeredAt() != null, facts.endedAt());
		}
		return new Outcome(callId, false, facts, !outbound && pops(type, event, agent, facts), false,
				outbound ? contactId : null);
	}

	private static boolean closed(CallStatus status) {
		return status == CallStatus.ENDED || status == CallStatus.ABANDONED;
	}

	/** Tells the follow-up (inside this transaction, so a module listener hears it after the commit). */
	private void outboundEnded(long contactId, long callId, boolean answered, Instant endedAt) {
		String ticketNo = jdbc.sql("select ticket_no from contact_contact where id = ?").param(contactId)
			.query(String.class).optional().orElse(null);
		events.publishEvent(new OutboundCallEnded(contactId, callId, ticketNo, answered, endedAt));
	}

	/** A dial request the switch's outbound call answers: the latest open one of the extension and number. */
	private record Dial(long id, long contactId) {
	}

	/**
	 * The open dial request this outbound call's first event stands for: the same extension, the same
	 * number (digits only; an outside-line or country prefix before it is allowed), made within
	 * {@link #DIAL_WINDOW} before the event; locked, so that two calls never take the same request.
	 */
	private Optional<Dial> openDial(CtiEvent event) {
		String dialled = digits(event.dialled());
		if (event.extension() == null || dialled.length() < 5) {
			return Optional.empty();
		}
		List<Map<String, Object>> candidates = jdbc.sql("""
				select id, contact_id, number_digits from contact_dial
				where extension = ? and call_id is null and created_at >= ? and created_at <= ?
				order by created_at desc, id desc for update""")
			.params(event.extension(), Timestamp.from(event.time().minus(DIAL_WINDOW)),
					Timestamp.from(event.time().plus(DIAL_CLOCK_SKEW)))
			.query()
			.listOfRows();
		for (Map<String, Object> c : candidates) {
			if (sameNumber((String) c.get("number_digits"), dialled)) {
				return Optional.of(new Dial(((Number) c.get("id")).longValue(), ((Number) c.get("contact_id")).longValue()));
			}
		}
		return Optional.empty();
	}

	/** Digits only: {@code +86 138-0531-1234} → {@code 8613805311234}. */
	static String digits(String number) {
		return number == null ? "" : number.replaceAll("[^0-9]", "");
	}

	/**
	 * The same number, digits only; the switch may put an outside-line prefix (0, 9) or the country
	 * code before it, so one may end with the other when the shorter has at least 7 digits.
	 */
	static boolean sameNumber(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		String shorter = a.length() < b.length() ? a : b;
		String longer = a.length() < b.length() ? b : a;
		return shorter.length() >= 7 && longer.endsWith(shorter) && longer.length() - shorter.length() <= 3;
	}

	/**
	 * The first event of a call (usually its first ring, so this is the screen pop's path): the
	 * call's timeline is this one event, so its facts are derived here and contact, call and event
	 * are written in one statement.
	 */
	private Outcome first(CtiEvent event, CtiEventType type, Agent agent, Agent target, Instant now) {
		boolean outbound = event.outbound();
		CallTimeline.Facts facts = CallTimeline.derive(List.of(new CallTimeline.Step(type, event.time(), event.extension(),
				event.targetExtension(), event.caller(), event.dialled(), event.queue(), event.recordingUrl())),
				answer.limit(), null, outbound);
		Optional<Dial> dial = outbound ? openDial(event) : Optional.empty();
		Long answeredStaff = facts.answeredExtension() == null ? null
				: facts.answeredExtension().equals(event.extension()) && agent != null ? Long.valueOf(agent.staffId())
						: agents.byExtension(facts.answeredExtension()).map(Agent::staffId).orElse(null);
		List<Object> params = new java.util.ArrayList<>();
		String contact;
		if (dial.isPresent()) {
			// the desk recorded this call's contact when it asked to dial: the call is that contact's
			contact = "select ?::bigint as id";
			params.add(dial.get().contactId());
		}
		else {
			contact = """
					insert into contact_contact (channel, direction, phone, staff_id, occurred_at, created_at)
					values ('PHONE', ?, ?, ?, ?, ?) returning id""";
			params.addAll(java.util.Arrays.asList(outbound ? "OUTBOUND" : "INBOUND", outbound ? event.dialled() : event.caller(),
					outbound && agent != null ? agent.staffId() : null, Timestamp.from(event.time()), Timestamp.from(now)));
		}
		params.addAll(java.util.Arrays.asList(outbound ? "OUTBOUND" : "INBOUND",
					event.callId(), facts.caller(), facts.dialled(), facts.queue(), facts.status().name(),
					facts.ringingExtension(), SqlValues.ts(facts.firstRingAt()), SqlValues.ts(facts.answeredAt()),
					SqlValues.ts(facts.endedAt()),
					facts.ringMillis(), facts.talkMillis(), facts.holdMillis(), facts.answeredExtension(), answeredStaff,
					facts.currentExtension(), facts.transfers(), facts.abandoned(), facts.withinLimit(),
					facts.recordingUrl(), SqlValues.ts(facts.lastEventAt()), Timestamp.from(now),
					type.name(), Timestamp.from(event.time()), event.extension() == null ? "" : event.extension(),
					event.queue(), event.caller(), event.dialled(), event.targetExtension(), event.recordingUrl(),
					Timestamp.from(now)));
		Map<String, Object> created = jdbc.sql("""
				with c as (
				  %s
				), k as (
				  insert into contact_call (direction, switch_call_id, contact_id, caller, dialled, queue, status, ringing_ext,
				    first_ring_at, answered_at, ended_at, ring_ms, talk_ms, hold_ms, answered_ext, answered_staff_id,
				    current_ext, transfers, abandoned, within_limit, recording_url, last_event_at, updated_at)
				  select ?::text, ?::text, c.id, ?::text, ?::text, ?::text, ?::text, ?::text, ?::timestamptz, ?::timestamptz,
				    ?::timestamptz, ?::bigint, ?::bigint, ?::bigint, ?::text, ?::bigint, ?::text, ?::int, ?::boolean,
				    ?::boolean, ?::text, ?::timestamptz, ?::timestamptz
				  from c returning id, contact_id
				), e as (
				  insert into contact_call_event (call_id, event_type, occurred_at, extension, queue, caller, dialled,
				    target_ext, recording_url, received_at)
				  select k.id, ?::text, ?::timestamptz, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::timestamptz
				  from k
				)
				select id, contact_id from k""".formatted(contact))
			.params(params)
			.query()
			.singleRow();
		long callId = ((Number) created.get("id")).longValue();
		long contactId = ((Number) created.get("contact_id")).longValue();
		dial.ifPresent(d -> jdbc.sql("update contact_dial set call_id = ?, status = 'MATCHED' where id = ?")
			.params(callId, d.id())
			.update());
		followPresence(type, event, agent, target, facts);
		if (outbound && closed(facts.status())) {
			outboundEnded(contactId, callId, facts.answeredAt() != null, facts.endedAt());
		}
		return new Outcome(callId, false, facts, !outbound && pops(type, event, agent, facts), true,
				outbound ? contactId : null);
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

	/** What the sweep did to a call: closed it or not (another node did); the contact of an outbound one. */
	record Swept(boolean closed, Long outboundContactId) {
	}

	/** Closes a call whose end never came; marked as swept. */
	@Transactional
	Swept sweep(long callId, Instant now) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended((select switch_call_id from contact_call where id = ?), 7))")
			.param(callId).query().singleRow();
		Map<String, Object> call = jdbc.sql("select status, direction, contact_id from contact_call where id = ?")
			.param(callId).query().singleRow();
		String status = (String) call.get("status");
		if (!status.equals("RINGING") && !status.equals("TALKING")) {
			return new Swept(false, null);
		}
		boolean outbound = "OUTBOUND".equals(call.get("direction"));
		CallTimeline.Facts facts = CallTimeline.derive(steps(callId), answer.limit(), now, outbound);
		jdbc.sql("""
				update contact_call set status = ?, swept_at = ?, talk_ms = ?, updated_at = ? where id = ?""")
			.params(facts.status().name(), Timestamp.from(now), facts.talkMillis(), Timestamp.from(now), callId)
			.update();
		long contactId = ((Number) call.get("contact_id")).longValue();
		if (outbound) {
			// its end never came: the last thing the switch said of it is the best time we have
			outboundEnded(contactId, callId, facts.answeredAt() != null, facts.lastEventAt());
		}
		return new Swept(true, outbound ? contactId : null);
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
