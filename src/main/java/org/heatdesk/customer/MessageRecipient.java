package org.heatdesk.customer;

/**
 * Where a message to a customer can go, for the notification module only: the full mobile number
 * (the gateway needs it; pages never show it) or {@code null} when the customer gave none, and
 * whether the customer asked for no messages.
 */
public record MessageRecipient(long customerId, String mobile, boolean optedOut) {
}
