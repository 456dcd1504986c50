package org.heatdesk.followup;

import java.util.Map;
import java.util.Optional;

import org.heatdesk.notification.CustomerMessages;
import org.heatdesk.notification.CustomerReplied;
import org.heatdesk.notification.MessageKind;
import org.heatdesk.notification.MessageRequest;
import org.heatdesk.notification.Queued;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the follow-up tells the customer and hears back, through the notification module's outbox:
 * the FOLLOW_UP message asking for a rating when a follow-up is queued, the replies to complaints
 * and suggestions; and the customer's answer to the FOLLOW_UP message (a digit 1–4 rates, anything
 * else is kept for the agent). Each message is queued in the transaction of the change that causes
 * it, with a key that queues it once.
 */
@Component
class CustomerNotices {

	private final CustomerMessages messages;

	private final FollowUps followUps;

	private final JdbcClient jdbc;

	CustomerNotices(CustomerMessages messages, FollowUps followUps, JdbcClient jdbc) {
		this.messages = messages;
		this.followUps = followUps;
		this.jdbc = jdbc;
	}

	@EventListener
	void onQueued(FollowUpQueued event) {
		if (event.customerId() == null && event.phone() == null) {
			return;
		}
		Queued q = messages.queue(FollowUps.SYSTEM, new MessageRequest(MessageKind.FOLLOW_UP, event.customerId(),
				event.phone(), event.ticketNo(), Map.of("ticketNo", event.ticketNo()), "followup:" + event.followUpId(), false));
		jdbc.sql("update followup_follow_up set message_id = ? where id = ?").params(q.id(), event.followUpId()).update();
	}

	@EventListener
	void onReply(ReplyToSend reply) {
		if (reply.customerId() == null && reply.phone() == null) {
			return;
		}
		MessageKind kind = reply.kind() == ReplyToSend.Kind.COMPLAINT_REPLY ? MessageKind.COMPLAINT_REPLY
				: MessageKind.SUGGESTION_REPLY;
		Queued q = messages.queue(FollowUps.SYSTEM, new MessageRequest(kind, reply.customerId(), reply.phone(),
				reply.ticketNo(), Map.of("ticketNo", reply.ticketNo(), "reply", reply.reply()), reply.dedupKey(), false));
		String table = kind == MessageKind.COMPLAINT_REPLY ? "followup_complaint" : "followup_suggestion";
		String where = kind == MessageKind.COMPLAINT_REPLY ? "ticket_no = ?" : "id = ?";
		Object key = kind == MessageKind.COMPLAINT_REPLY ? reply.ticketNo()
				: Long.parseLong(reply.dedupKey().substring(reply.dedupKey().indexOf(':') + 1));
		jdbc.sql("update " + table + " set message_id = ? where " + where).params(q.id(), key).update();
	}

	/** The customer answered the FOLLOW_UP message: a digit rates, any other text is kept as a comment. */
	@EventListener
	void onCustomerReplied(CustomerReplied reply) {
		if (reply.kind() != MessageKind.FOLLOW_UP) {
			return;
		}
		Optional<Long> id = jdbc.sql("select id from followup_follow_up where message_id = ?").param(reply.messageId())
			.query(Long.class).optional()
			.or(() -> reply.ticketNo() == null ? Optional.empty()
					: jdbc.sql("select id from followup_follow_up where ticket_no = ? order by round desc limit 1")
						.param(reply.ticketNo()).query(Long.class).optional());
		if (id.isEmpty()) {
			return;
		}
		Optional<Satisfaction> rating = Satisfaction.ofDigit(reply.text());
		if (rating.isPresent()) {
			followUps.recordSmsRating(id.get(), rating.get(), reply.text());
		}
		else {
			followUps.keepSmsComment(id.get(), reply.text());
		}
	}
}
