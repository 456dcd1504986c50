package org.heatdesk.followup;

import org.heatdesk.platform.Actor;

/**
 * Starting the follow-up's call from the desk. Implemented over the contact module's outbound calls
 * when that module offers them; without an implementation the work page shows no call button and
 * the agent dials on the desk phone.
 */
interface FollowUpCalls {

	/** Starts the call from the staff member's extension; the reveal of the number is logged by the contact module. */
	StartedCall start(Actor by, long staffId, String ticketNo, Long customerId, String phone);

	/** The call as started: its contact (linked to the follow-up's outcome), the extension and the masked number. */
	record StartedCall(long contactId, String extension, String maskedPhone, String status) {
	}
}
