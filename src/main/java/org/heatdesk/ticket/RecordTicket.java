package org.heatdesk.ticket;

/**
 * What intake knows about a new request. Either {@code customerId} or {@code callerPhone} is
 * required (an unidentified caller is recorded with their phone).
 * @param categoryId a category of {@code type}, or {@code null}
 * @param contactId the call or visit it came from, or {@code null}
 * @param idempotencyKey a client's key: a repeat with the same key returns the first ticket, or {@code null}
 */
public record RecordTicket(TicketType type, Long categoryId, Priority priority, TicketScope scope, Channel channel,
		Long customerId, String callerPhone, String address, String description, String contactPhone, Long contactId,
		String idempotencyKey) {
}
