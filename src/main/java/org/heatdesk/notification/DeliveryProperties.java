package org.heatdesk.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages leave: the gateway and the outbox's delivery (kept apart from
 * {@link NotificationProperties}, which is about what is queued).
 * @param gateway {@code recording} (the default: marked sent, shown in the outbox) or {@code http}
 * @param http the HTTP gateway, read only when {@code gateway=http}
 * @param delivery the worker that drains the outbox
 */
@ConfigurationProperties("heatdesk.notification")
record DeliveryProperties(@DefaultValue("recording") String gateway, @DefaultValue Http http,
		@DefaultValue Delivery delivery) {

	/**
	 * @param url where each message is POSTed
	 * @param username with {@code password}: HTTP Basic
	 * @param token instead: {@code Authorization: Bearer <token>}
	 * @param bodyTemplate the JSON body, with {@code {phone}}, {@code {text}} and {@code {id}} replaced by the
	 *        JSON-escaped values (inside the template's own quotes)
	 * @param idField the field of the provider's 2xx answer that holds its message id (dots for nesting: {@code data.msgid})
	 * @param connectTimeout to open the connection
	 * @param readTimeout for the whole answer
	 */
	record Http(URI url, String username, String password, String token,
			@DefaultValue("{\"to\":\"{phone}\",\"text\":\"{text}\",\"clientId\":\"{id}\"}") String bodyTemplate,
			@DefaultValue("id") String idField, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("10s") Duration readTimeout) {
	}

	/**
	 * @param enabled this node drains the outbox (off: messages wait for another node)
	 * @param nodeId names this node's leases; empty: host name and process id
	 * @param batchSize rows claimed at once
	 * @param pollInterval how often the outbox is looked at without a wake-up (another node's messages,
	 *        retries coming due, the end of the quiet hours)
	 * @param lease how long a claimed row is this node's; extended while the node works on its batch, taken by
	 *        another node when it runs out (the node died mid-send)
	 * @param maxAttempts attempts before a message is FAILED
	 * @param backoff the wait after the 1st, 2nd, … failed attempt; the last repeats
	 * @param ratePerSecond the most messages this node hands to the gateway per second (a token bucket per node:
	 *        two nodes send up to twice as many)
	 */
	record Delivery(@DefaultValue("true") boolean enabled, @DefaultValue("") String nodeId,
			@DefaultValue("50") int batchSize, @DefaultValue("5s") Duration pollInterval,
			@DefaultValue("60s") Duration lease, @DefaultValue("6") int maxAttempts,
			@DefaultValue({ "30s", "2m", "10m", "1h", "3h" }) List<Duration> backoff,
			@DefaultValue("20") double ratePerSecond) {

		Duration backoffAfter(int attempts) {
			if (backoff.isEmpty()) {
				return Duration.ofSeconds(30);
			}
			return backoff.get(Math.max(0, Math.min(attempts, backoff.size()) - 1));
		}
	}
}
