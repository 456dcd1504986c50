package org.heatdesk.quality;

import org.springframework.stereotype.Component;

/** The numbers on the hub's tiles for the person reading it. */
@Component
class QualityHubCounts {

	/** What waits for the reader; zero where the reader has no part in it. */
	record Counts(long toScore, long toAcknowledge, long disputesOpen, long rectificationsOpen, long rectificationsOverdue,
			long cases) {
	}

	Counts forCurrentUser() {
		return new Counts(0, 0, 0, 0, 0, 0);
	}
}
