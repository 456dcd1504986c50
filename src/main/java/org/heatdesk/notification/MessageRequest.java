package org.heatdesk.notification;

import java.util.Map;

/**
 * One message to queue.
 * @param customerId the customer it goes to (their first mobile number), or {@code null}
 * @param phone the number when there is no customer (a caller HeatDesk does not know)
 * @param ticketNo the ticket it is about, or {@code null}
 * @param values the kind's placeholders' values ({@link MessageKind#placeholders()})
 * @param dedupKey the same key queues once (a retried request, an event heard twice)
 * @param urgent whether it may be sent in the quiet hours
 */
public record MessageRequest(MessageKind kind, Long customerId, String phone, String ticketNo, Map<String, String> values,
		String dedupKey, boolean urgent) {
}
