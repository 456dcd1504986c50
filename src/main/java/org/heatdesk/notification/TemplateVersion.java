package org.heatdesk.notification;

import java.time.Instant;

/**
 * One version of a message template, as the maintenance page and API show it.
 * @param status {@code DRAFT}, {@code APPROVED} (the one in use), {@code RETIRED} (used before), {@code REJECTED}
 * @param decidedBy who approved or rejected it
 * @param note why it was rejected
 */
public record TemplateVersion(long id, MessageKind kind, String channel, int version, String body, String status,
		String writtenBy, Instant writtenAt, String decidedBy, Instant decidedAt, String note) {
}
