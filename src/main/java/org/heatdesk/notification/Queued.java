package org.heatdesk.notification;

/**
 * What became of a message queued: {@code QUEUED}, or {@code SKIPPED} with the reason
 * ({@code OPTED_OUT}, {@code NO_MOBILE}); with a key used before, the first message's.
 */
public record Queued(long id, String status, String skipReason) {
}
