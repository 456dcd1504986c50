package org.heatdesk.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbox as the administrator sees it: messages newest first, the queue's state, a retry of a failed message. */
@Service
class Outbox {

	static final int PAGE = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	Outbox(JdbcClient jdbc, Clock clock, AuditTrail audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.events = events;
	}

	/** The filters; any may be {@code null}. {@code day} is a day in the company zone (queued that day). */
	record Filter(String status, MessageKind kind, String ticketNo, LocalDate day) {
	}

	/** A row of the page: the message as pages show it, with its reply. */
	record Row(MessageView message, String replyText, Instant repliedAt, String providerId) {
	}

	/** The top of the page. */
	record State(Map<String, Long> counts, long dueNow, long oldestDueSeconds, long failed) {
	}

	@Transactional(readOnly = true)
	List<Row> list(Filter filter, ZoneId zone) {
		StringBuilder sql = new StringBuilder("""
				select id, kind, ticket_no, phone, body, status, skip_reason, attempts, queued_at, not_before, sent_at,
				       last_error, reply_text, replied_at, provider_id
				  from notification_message where true""");
		List<Object> params = new ArrayList<>();
		if (filter.status() != null) {
			sql.append(" and status = ?");
			params.add(filter.status());
		}
		if (filter.kind() != null) {
			sql.append(" and kind = ?");
			params.add(filter.kind().name());
		}
		if (filter.ticketNo() != null) {
			sql.append(" and ticket_no = ?");
			params.add(filter.ticketNo());
		}
		if (filter.day() != null) {
			sql.append(" and queued_at >= ? and queued_at < ?");
			params.add(Timestamp.from(filter.day().atStartOfDay(zone).toInstant()));
			params.add(Timestamp.from(filter.day().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		sql.append(" order by queued_at desc, id desc limit ").append(PAGE + 1);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			Timestamp replied = rs.getTimestamp("replied_at");
			return new Row(CustomerMessages.view(rs, n), rs.getString("reply_text"),
					replied == null ? null : replied.toInstant(), rs.getString("provider_id"));
		}).list();
	}

	@Transactional(readOnly = true)
	State state() {
		Map<String, Long> counts = new LinkedHashMap<>();
		DeliveryMetrics.STATUSES.forEach(s -> counts.put(s, 0L));
		jdbc.sql("select status, count(*) from notification_message group by status")
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc.sql("""
				select count(*), coalesce(extract(epoch from (? - min(not_before))), 0)
				  from notification_message where status = 'QUEUED' and not_before <= ?""")
			.params(now, now)
			.query((rs, n) -> new State(counts, rs.getLong(1), Math.max(0, (long) rs.getDouble(2)),
					counts.getOrDefault("FAILED", 0L)))
			.single();
	}

	/**
	 * Puts a FAILED message back in the queue, due now, for one more attempt (its attempts are kept: if that
	 * attempt fails too it is FAILED again at once). Audited.
	 * @throws HeatDeskException 404 {@code NOTIFICATION_MESSAGE_NOT_FOUND}, 409 {@code NOTIFICATION_RETRY_NOT_FAILED}
	 */
	@Transactional
	void retry(Actor by, long id) {
		String status = jdbc.sql("select status from notification_message where id = ? for update")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> HeatDeskException.notFound("NOTIFICATION_MESSAGE_NOT_FOUND", id));
		if (!status.equals("FAILED")) {
			// the status as the page names it, not its code
			throw HeatDeskException.conflict("NOTIFICATION_RETRY_NOT_FAILED",
					new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { "outbox.status." + status },
							status));
		}
		Instant now = clock.instant();
		jdbc.sql("update notification_message set status = 'QUEUED', not_before = ? where id = ?")
			.params(Timestamp.from(now), id)
			.update();
		audit.record(by, "NOTIFICATION_RETRY", "notification_message", id, Map.of("status", "FAILED"),
				Map.of("status", "QUEUED", "notBefore", now));
		events.publishEvent(new MessagesQueued(1, now));
	}

	static String masked(String phone) {
		return phone == null ? null : Customers.maskPhone(phone);
	}
}
