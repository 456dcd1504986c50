package org.heatdesk.ticket;

import java.time.Instant;

/** An in-app notice to a staff member about a ticket (a mark reached, a reminder, a transfer). */
record Notification(long id, long ticketId, String ticketNo, String kind, String detail, Instant createdAt) {
}
