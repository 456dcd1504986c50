package org.heatdesk.contact;

/** What the telephone switch reports about a call. */
enum CtiEventType {

	RINGING, ANSWERED, HELD, RESUMED, TRANSFERRED, ENDED, ABANDONED, RECORDING_READY;

	/** Position among events at the same instant, so that a tie sorts in the order a call lives. */
	int rank() {
		return ordinal();
	}
}
