package org.heatdesk.followup;

/**
 * A reply to a customer to send by SMS (a complaint's or a suggestion's), published in the transaction
 * that recorded it; {@link CustomerNotices} queues it in the notification outbox in that transaction.
 */
record ReplyToSend(Kind kind, String ticketNo, Long customerId, String phone, String reply, String dedupKey) {

	enum Kind {
		COMPLAINT_REPLY, SUGGESTION_REPLY
	}
}
