package org.heatdesk.contact;

import java.time.Instant;

/**
 * Published (in the transaction that stored the switch's event, or the sweep's) when a call made
 * from the desk ends, answered or not; an unanswered one is the customer not reached, never an
 * abandoned call.
 * @param callId the call as HeatDesk keeps it
 * @param ticketNo the ticket the call was made for, if any
 * @param endedAt when it ended (for a call the sweep closed: the switch's last event)
 */
public record OutboundCallEnded(long contactId, Long callId, String ticketNo, boolean answered, Instant endedAt) {
}
