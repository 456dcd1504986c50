package org.heatdesk.quality;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.customer.Customers;
import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the checker's page shows of a call: its facts, its timeline from the switch's events and the
 * ticket recorded from it. Read from the contact tables directly (read only), as the figures read
 * them; the recording itself is streamed by the contact module's {@code /calls/{id}/recording}.
 */
@Component
class SpotCheckCalls {

	private final JdbcClient jdbc;

	SpotCheckCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record CallFacts(long id, Instant firstRingAt, Instant answeredAt, Instant endedAt, Long ringMs, Long talkMs,
			Boolean withinLimit, boolean recorded, String callerMasked, String ticketNo, Long agentId) {

		public String talk() {
			if (talkMs == null) {
				return null;
			}
			long s = talkMs / 1000;
			return String.format("%d:%02d", s / 60, s % 60);
		}
	}

	record Event(String type, Instant at, String extension, String target) {
	}

	@Transactional(readOnly = true)
	Optional<CallFacts> find(long callId) {
		return jdbc.sql("""
				select c.id, c.first_ring_at, c.answered_at, c.ended_at, c.ring_ms, c.talk_ms, c.within_limit,
				       c.recording_url is not null as recorded, c.caller, k.ticket_no, c.answered_staff_id
				from contact_call c join contact_contact k on k.id = c.contact_id where c.id = ?""")
			.param(callId)
			.query((rs, n) -> new CallFacts(rs.getLong("id"), SqlValues.instant(rs, "first_ring_at"),
					SqlValues.instant(rs, "answered_at"), SqlValues.instant(rs, "ended_at"),
					(Long) rs.getObject("ring_ms", Long.class), (Long) rs.getObject("talk_ms", Long.class),
					(Boolean) rs.getObject("within_limit", Boolean.class), rs.getBoolean("recorded"),
					rs.getString("caller") == null ? null : Customers.maskPhone(rs.getString("caller")),
					rs.getString("ticket_no"), (Long) rs.getObject("answered_staff_id", Long.class)))
			.optional();
	}

	@Transactional(readOnly = true)
	Map<Long, CallFacts> findAll(Collection<Long> callIds) {
		Map<Long, CallFacts> m = new HashMap<>();
		for (Long id : callIds) {
			find(id).ifPresent(c -> m.put(id, c));
		}
		return m;
	}

	@Transactional(readOnly = true)
	List<Event> timeline(long callId) {
		return jdbc.sql("""
				select event_type, occurred_at, extension, target_ext from contact_call_event
				where call_id = ? order by occurred_at, id""")
			.param(callId)
			.query((rs, n) -> new Event(rs.getString(1), SqlValues.instant(rs, "occurred_at"), rs.getString(3),
					rs.getString(4)))
			.list();
	}
}
