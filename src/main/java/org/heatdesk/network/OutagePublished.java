package org.heatdesk.network;

import java.time.Instant;
import java.util.List;

/** An outage was published (planned in advance or a fault now). */
public record OutagePublished(long outageId, OutageKind kind, String title, Instant startsAt, Instant expectedRestoreAt,
		List<Long> substationIds, List<Long> communityIds) {
}
