package org.heatdesk.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The call list, a call's page and the per-agent and per-hour figures. */
@Component
class CallQueries {

	private final JdbcClient jdbc;

	CallQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record CallRow(long id, String switchCallId, String direction, String caller, CallStatus status, Instant firstRingAt,
			Instant answeredAt, Instant endedAt, Long ringMs, Long talkMs, long holdMs, String answeredExt,
			Long answeredStaffId, String currentExt, int transfers, boolean abandoned, Boolean withinLimit,
			String recordingUrl, Instant sweptAt, Long customerId, String ticketNo, long contactId, String dialled) {

		/** The customer's number as screens show it (138****5678): who called, or whom the agent called. */
		public String callerShown() {
			return Phone.masked(outbound() ? dialled : caller);
		}

		/** A call the agent made (follow-up, call-back): not offered to the center, not in its figures. */
		public boolean outbound() {
			return "OUTBOUND".equals(direction);
		}
	}

	record EventRow(CtiEventType type, Instant at, String extension, String targetExtension, String queue,
			Instant receivedAt) {
	}

	record Filter(Instant from, Instant to, Long staffId, CallStatus status, Boolean withinLimit, String caller) {
	}

	private static final String SELECT = """
			select c.*, k.customer_id, k.ticket_no from contact_call c join contact_contact k on k.id = c.contact_id
			""";

	@Transactional(readOnly = true)
	List<CallRow> list(Filter f, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" where c.first_ring_at >= :from and c.first_ring_at < :to");
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("from", Timestamp.from(f.from()));
		p.put("to", Timestamp.from(f.to()));
		if (f.staffId() != null) {
			sql.append(" and c.answered_staff_id = :staff");
			p.put("staff", f.staffId());
		}
		if (f.status() != null) {
			sql.append(" and c.status = :status");
			p.put("status", f.status().name());
		}
		if (f.withinLimit() != null) {
			sql.append(" and c.within_limit = :within");
			p.put("within", f.withinLimit());
		}
		if (f.caller() != null && !f.caller().isBlank()) {
			// the customer's number: who called, or whom the agent called
			sql.append(" and (c.caller like :caller or (c.direction = 'OUTBOUND' and c.dialled like :caller))");
			p.put("caller", "%" + f.caller().strip().replace("%", "").replace("_", "") + "%");
		}
		sql.append(" order by c.first_ring_at desc limit :limit");
		p.put("limit", limit);
		return jdbc.sql(sql.toString()).params(p).query(CallQueries::row).list();
	}

	@Transactional(readOnly = true)
	Optional<CallRow> find(long id) {
		return jdbc.sql(SELECT + " where c.id = ?").param(id).query(CallQueries::row).optional();
	}

	@Transactional(readOnly = true)
	List<EventRow> events(long callId) {
		return jdbc.sql("""
				select event_type, occurred_at, extension, target_ext, queue, received_at from contact_call_event
				where call_id = ? order by occurred_at, id""")
			.param(callId)
			.query((rs, n) -> new EventRow(CtiEventType.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
					rs.getString(3).isEmpty() ? null : rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** Answered calls of one agent in a period: count, ring times in bands, talk time. */
	record AgentFigures(Long staffId, long answered, long withinLimit, Double averageRingSeconds, long ring0to5,
			long ring5to10, long ring10to15, long ring15to30, long ringOver30, Double averageTalkSeconds) {
	}

	/** One hour of the day: calls offered, answered, abandoned, within limit, average ring. */
	record HourFigures(int hour, long offered, long answered, long abandoned, long withinLimit,
			Double averageRingSeconds) {
	}

	@Transactional(readOnly = true)
	List<AgentFigures> byAgent(Instant from, Instant to) {
		return jdbc.sql("""
				select answered_staff_id, count(*), count(*) filter (where within_limit), avg(ring_ms) / 1000.0,
				       count(*) filter (where ring_ms < 5000), count(*) filter (where ring_ms >= 5000 and ring_ms < 10000),
				       count(*) filter (where ring_ms >= 10000 and ring_ms < 15000),
				       count(*) filter (where ring_ms >= 15000 and ring_ms < 30000), count(*) filter (where ring_ms >= 30000),
				       avg(talk_ms) / 1000.0
				from contact_call where answered_at is not null and first_ring_at >= ? and first_ring_at < ?
				  and direction = 'INBOUND'
				group by answered_staff_id order by count(*) desc""")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new AgentFigures((Long) rs.getObject(1), rs.getLong(2), rs.getLong(3), dbl(rs.getObject(4)),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), dbl(rs.getObject(10))))
			.list();
	}

	@Transactional(readOnly = true)
	List<HourFigures> byHour(Instant from, Instant to, String zone) {
		return jdbc.sql("""
				select extract(hour from first_ring_at at time zone ?)::int as h,
				       count(*) filter (where answered_at is not null or abandoned), count(*) filter (where answered_at is not null),
				       count(*) filter (where abandoned), count(*) filter (where within_limit and answered_at is not null),
				       avg(ring_ms) filter (where answered_at is not null) / 1000.0
				from contact_call where first_ring_at >= ? and first_ring_at < ? and direction = 'INBOUND'
				group by h order by h""")
			.params(zone, Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new HourFigures(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					dbl(rs.getObject(6))))
			.list();
	}

	private static Double dbl(Object o) {
		return o == null ? null : Math.round(((Number) o).doubleValue() * 10.0) / 10.0;
	}

	private static CallRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new CallRow(rs.getLong("id"), rs.getString("switch_call_id"), rs.getString("direction"),
				rs.getString("caller"), CallStatus.valueOf(rs.getString("status")), SqlValues.instant(rs, "first_ring_at"),
				SqlValues.instant(rs, "answered_at"), SqlValues.instant(rs, "ended_at"), (Long) rs.getObject("ring_ms"),
				(Long) rs.getObject("talk_ms"),
				rs.getLong("hold_ms"), rs.getString("answered_ext"), (Long) rs.getObject("answered_staff_id"),
				rs.getString("current_ext"), rs.getInt("transfers"), rs.getBoolean("abandoned"),
				(Boolean) rs.getObject("within_limit"), rs.getString("recording_url"), SqlValues.instant(rs, "swept_at"),
				(Long) rs.getObject("customer_id"), rs.getString("ticket_no"), rs.getLong("contact_id"),
				rs.getString("dialled"));
	}
}
