package org.heatdesk.network;

import java.time.Instant;

/** An outage's expected restore time was moved later. */
public record OutageExtended(long outageId, Instant previousExpectedRestoreAt, Instant expectedRestoreAt, String reason) {
}
