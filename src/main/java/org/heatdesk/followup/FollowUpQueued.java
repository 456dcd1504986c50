package org.heatdesk.followup;

/** A follow-up was queued (in the transaction that resolved its ticket): the customer may be asked by SMS. */
record FollowUpQueued(long followUpId, String ticketNo, Long customerId, String phone) {
}
