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
}
