package org.heatdesk.network;

import java.time.Instant;

/**
 * A substation and its live operating state (the latest reading). Reading values are {@code null}
 * until the first reading arrives.
 * @param statusSince when the current status began ({@code null} when never known)
 */
public record SubstationView(long id, String code, String name, long heatSourceId, String heatSourceName,
		OperatingStatus status, Instant lastReadingAt, Double primarySupplyTemp, Double primaryReturnTemp,
		Double secondarySupplyTemp, Double secondaryReturnTemp, Double pressure, Double flow, Instant statusSince,
		boolean statusManual, Double capacityMw, String location) {

	/** Readings older than this no longer tell the state of the substation for sure. */
	public static final java.time.Duration STALE_AFTER = java.time.Duration.ofHours(2);

	/** Whether the latest reading is missing or older than {@link #STALE_AFTER} at {@code now}. */
	public boolean staleAt(Instant now) {
		return lastReadingAt == null || lastReadingAt.plus(STALE_AFTER).isBefore(now);
	}
}
