package org.heatdesk.dispatch;

import java.time.Instant;

/**
 * A field job as the board, the phone and the ticket's pages see it (the signature's image and the
 * photos come separately: {@link Jobs#signature}, {@link Jobs#photos}).
 * @param crewId the technician's crew (staff team) at dispatch, or {@code null}
 * @param onSiteDue the ticket's on-site deadline (10.2), or {@code null} when the policy sets none
 * @param reason why it was declined, not done or withdrawn
 * @param signed whether the customer signed for the work done
 * @param photos how many photos were taken on site
 */
public record JobView(long id, String ticketNo, JobKind kind, long technicianId, Long crewId, JobStatus status,
		Long substationId, Long communityId, String address, Instant onSiteDue, Instant dispatchedAt, String dispatchedBy,
		String note, Instant acceptedAt, Instant onTheWayAt, Instant arrivedAt, Instant finishedAt, String reason,
		Instant nextVisitAt, String cause, String workDone, String partsUsed, boolean signed, String signedBy, int photos,
		int version) {

	/** Whether the job is still in progress. */
	public boolean active() {
		return status.active();
	}

	/** Whether the technician arrived by the on-site deadline; {@code null} before he arrives or without a deadline. */
	public Boolean onSiteInTime() {
		return arrivedAt == null || onSiteDue == null ? null : !arrivedAt.isAfter(onSiteDue);
	}

	/** Whether the on-site deadline has passed at {@code now} without the technician on site. */
	public boolean overdueAt(Instant now) {
		return active() && arrivedAt == null && onSiteDue != null && onSiteDue.isBefore(now);
	}
}
