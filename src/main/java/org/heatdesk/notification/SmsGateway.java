package org.heatdesk.notification;

/**
 * Where a text message leaves HeatDesk: the recording gateway of a demo, an SMS provider over HTTP.
 * One call is one attempt; the outbox decides whether and when to try again from the failure's kind.
 */
public interface SmsGateway {

	/**
	 * Hands one message over.
	 * @param phone the 11-digit mobile number
	 * @param body the whole text, signature included
	 * @param messageId the outbox row's id: the idempotency key, the same on every attempt of one message,
	 *        so that a provider that got an attempt whose answer was lost can recognise the next
	 * @return the provider's id of the message
	 * @throws GatewayFailure when the provider did not take it (or its answer could not be read)
	 */
	String send(String phone, String body, long messageId) throws GatewayFailure;

	/** A short name for logs and the outbox page ({@code recording}, {@code http}). */
	String name();

	/**
	 * An attempt that did not deliver. {@code retryable}: the provider may take it later (5xx, 429, a
	 * timeout, an answer that is not what was agreed); otherwise the provider refused this message for
	 * good (4xx: a bad number, a blocked text) and trying again changes nothing.
	 */
	final class GatewayFailure extends Exception {

		private final boolean retryable;

		public GatewayFailure(boolean retryable, String reason) {
			super(reason);
			this.retryable = retryable;
		}

		public static GatewayFailure retryable(String reason) {
			return new GatewayFailure(true, reason);
		}

		public static GatewayFailure permanent(String reason) {
			return new GatewayFailure(false, reason);
		}

		public boolean retryable() {
			return retryable;
		}

		public String reason() {
			return getMessage();
		}
	}
}
