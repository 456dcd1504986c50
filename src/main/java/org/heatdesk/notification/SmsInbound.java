package org.heatdesk.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's text to the gateway's number: stored once per provider id, and put on the message it
 * answers — the latest SENT to that number within 7 days, a follow-up before any other kind, since a
 * digit answers the follow-up's question. A reply that answers nothing is kept as well.
 */
@Service
class SmsInbound {

	static final Duration WINDOW = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	SmsInbound(JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** A reply as the gateway posts it, checked. */
	record Reply(String phone, String text, Instant receivedAt, String providerId) {
	}

	/** What became of it. {@code first}: false when the provider had posted it before. */
	record Stored(long inboundId, Long messageId, boolean first) {

		boolean matched() {
			return messageId != null;
		}
	}

	private record Target(long id, MessageKind kind, Long customerId, String ticketNo) {
	}

	@Transactional
	Stored receive(Reply reply) {
		Instant now = clock.instant();
		Long id = jdbc.sql("""
				insert into notification_inbound (provider_id, phone, text, received_at, stored_at)
				values (?, ?, ?, ?, ?) on conflict (provider_id) do nothing returning id""")
			.params(reply.providerId(), reply.phone(), reply.text(), Timestamp.from(reply.receivedAt()), Timestamp.from(now))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return jdbc.sql("select id, message_id from notification_inbound where provider_id = ?")
				.param(reply.providerId())
				.query((rs, n) -> new Stored(rs.getLong(1), (Long) rs.getObject(2), false))
				.single();
		}
		Target target = jdbc.sql("""
				select id, kind, customer_id, ticket_no from notification_message
				 where phone = ? and status = 'SENT' and sent_at >= ? and sent_at <= ?
				 order by (kind = 'FOLLOW_UP') desc, sent_at desc, id desc limit 1 for update""")
			.params(reply.phone(), Timestamp.from(reply.receivedAt().minus(WINDOW)),
					// a reply can be stamped by the provider a moment before our own clock marked the message sent
					Timestamp.from(reply.receivedAt().plusSeconds(60)))
			.query((rs, n) -> new Target(rs.getLong(1), MessageKind.valueOf(rs.getString(2)), (Long) rs.getObject(3),
					rs.getString(4)))
			.optional()
			.orElse(null);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("providerId", reply.providerId());
		after.put("text", reply.text());
		after.put("receivedAt", reply.receivedAt());
		if (target == null) {
			audit.record(Actor.system("sms"), "SMS_REPLY_UNMATCHED", "notification_inbound", id, null, after);
			return new Stored(id, null, true);
		}
		jdbc.sql("update notification_inbound set message_id = ? where id = ?").params(target.id(), id).update();
		jdbc.sql("update notification_message set reply_text = ?, replied_at = ? where id = ?")
			.params(reply.text(), Timestamp.from(reply.receivedAt()), target.id())
			.update();
		after.put("messageId", target.id());
		audit.record(Actor.system("sms"), "SMS_REPLY_RECEIVED", "notification_message", target.id(), null, after);
		events.publishEvent(new CustomerReplied(target.id(), target.kind(), target.customerId(), target.ticketNo(),
				reply.phone(), reply.text(), reply.receivedAt()));
		return new Stored(id, target.id(), true);
	}
}
