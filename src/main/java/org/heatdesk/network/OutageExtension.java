package org.heatdesk.network;

import java.time.Instant;

/** One extension of an outage's expected restore time, with the reason given and who gave it. */
public record OutageExtension(Instant previousRestoreAt, Instant expectedRestoreAt, String reason, String extendedBy,
		Instant extendedAt) {
}
