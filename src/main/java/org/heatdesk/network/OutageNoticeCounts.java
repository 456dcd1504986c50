package org.heatdesk.network;

import java.util.Optional;

/**
 * How many customers were told of an outage, for the one who published it (the outage's page),
 * without the network module knowing who tells them: the notification module implements it.
 */
public interface OutageNoticeCounts {

	/** The messages about this outage by state, or empty when none was written. */
	Optional<Counts> counts(long outageId);

	/**
	 * @param waiting queued or being sent
	 * @param sent delivered to the gateway
	 * @param skipped not sent: opted out or no mobile number
	 * @param failed given up after the last retry
	 */
	record Counts(long waiting, long sent, long skipped, long failed) {

		public long total() {
			return waiting + sent + skipped + failed;
		}
	}
}
