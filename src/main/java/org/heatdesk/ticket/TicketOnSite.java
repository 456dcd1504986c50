package org.heatdesk.ticket;

import java.time.Instant;

/** The technician arrived at the customer's (上门, the on-site mark of 10.2), at the time he recorded it. */
public record TicketOnSite(long ticketId, String ticketNo, Long customerId, Instant onSiteAt) {
}
