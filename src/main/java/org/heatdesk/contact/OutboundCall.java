package org.heatdesk.contact;

import java.time.Instant;

/**
 * A call made from the desk to a customer, as the follow-up page shows it.
 * @param contactId the call's contact (the one {@link OutboundCalls#start} recorded)
 * @param extension the staff member's extension it was made from
 * @param maskedPhone the number called, masked (138****5678)
 * @param status {@code DIALLING} (asked, or ringing at the customer), {@code TALKING}, {@code ENDED}
 *        (answered and over), {@code NO_ANSWER} (over without an answer, or the switch never reported the
 *        call within 15 minutes of the request)
 * @param startedAt when the desk asked for the call
 * @param talkSeconds talk time of an ended call (answer to end, less hold)
 * @param hasRecording the switch reported the call's recording
 * @param callId the switch's call as HeatDesk keeps it ({@code /calls/{id}}), once reported
 */
public record OutboundCall(long contactId, String ticketNo, String extension, String maskedPhone, String status,
		Instant startedAt, Instant answeredAt, Instant endedAt, Long talkSeconds, boolean hasRecording, Long callId) {
}
