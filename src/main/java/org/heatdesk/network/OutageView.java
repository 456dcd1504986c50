package org.heatdesk.network;

import java.time.Instant;
import java.util.List;

/**
 * An outage: heat interrupted for some substations and/or communities.
 * @param restoredAt when heat came back, {@code null} while the outage lasts
 * @param substationCodes the codes of {@code substationIds}, in the same order
 * @param communityNames the names of {@code communityIds}, in the same order
 */
public record OutageView(long id, OutageKind kind, String title, String noticeText, Instant startsAt,
		Instant expectedRestoreAt, Instant restoredAt, List<Long> substationIds, List<Long> communityIds,
		List<String> substationCodes, List<String> communityNames, String createdBy, Instant createdAt) {

	/** Started at or before {@code now} and not restored. */
	public boolean activeAt(Instant now) {
		return restoredAt == null && !startsAt.isAfter(now);
	}

	/** Not yet started and not cancelled. */
	public boolean upcomingAt(Instant now) {
		return restoredAt == null && startsAt.isAfter(now);
	}

	/** Past its expected restore time and still not restored. */
	public boolean overdueAt(Instant now) {
		return restoredAt == null && expectedRestoreAt.isBefore(now);
	}
}
