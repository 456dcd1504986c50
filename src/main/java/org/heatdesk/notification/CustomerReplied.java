package org.heatdesk.notification;

import java.time.Instant;

/**
 * A customer answered a message through the gateway's inbound hook (e.g. a digit rating the
 * service); published after the reply is stored on the message it answers.
 */
public record CustomerReplied(long messageId, MessageKind kind, Long customerId, String ticketNo, String phone, String text,
		Instant receivedAt) {
}
