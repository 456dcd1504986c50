package org.heatdesk.followup;

/** Where a follow-up stands. */
enum FollowUpStatus {
	/** Waiting for the call (or the customer's SMS). */
	QUEUED,
	/** The customer answered; the outcome is recorded. */
	DONE,
	/** Three calls on different days were not answered. */
	UNREACHABLE,
	/** The ticket was reopened by someone else before the follow-up was made. */
	CANCELLED
}
