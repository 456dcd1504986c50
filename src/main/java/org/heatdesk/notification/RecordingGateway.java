package org.heatdesk.notification;

/**
 * The default gateway: nothing leaves the building. A message is "delivered" by being marked SENT with
 * the provider id {@code local-<id>}, so the outbox page of a demo shows exactly what the customer
 * would have received and when.
 */
final class RecordingGateway implements SmsGateway {

	@Override
	public String send(String phone, String body, long messageId) {
		return "local-" + messageId;
	}

	@Override
	public String name() {
		return "recording";
	}
}
