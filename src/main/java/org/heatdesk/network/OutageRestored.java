package org.heatdesk.network;

import java.time.Instant;
import java.util.List;

/** Heat is back: the outage was closed. */
public record OutageRestored(long outageId, Instant restoredAt, List<Long> substationIds, List<Long> communityIds) {
}
