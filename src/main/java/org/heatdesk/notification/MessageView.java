package org.heatdesk.notification;

import java.time.Instant;

/**
 * A message as pages show it, the number masked.
 * @param status {@code QUEUED}, {@code SENDING}, {@code SENT}, {@code FAILED} (retries exhausted), {@code SKIPPED}
 * @param notBefore when it may be sent (the end of the quiet hours, the next retry)
 */
public record MessageView(long id, MessageKind kind, String ticketNo, String maskedPhone, String body, String status,
		String skipReason, int attempts, Instant queuedAt, Instant notBefore, Instant sentAt, String lastError) {
}
