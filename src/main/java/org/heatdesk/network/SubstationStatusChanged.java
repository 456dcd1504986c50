package org.heatdesk.network;

import java.time.Instant;

/**
 * A substation's operating status changed, by telemetry or by hand.
 * @param from the previous status
 * @param to the new status
 * @param at the time of the reading (or of the manual change) that caused it
 */
public record SubstationStatusChanged(long substationId, String code, OperatingStatus from, OperatingStatus to,
		Instant at) {
}
