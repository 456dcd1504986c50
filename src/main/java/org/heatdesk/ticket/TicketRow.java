package org.heatdesk.ticket;

import org.heatdesk.ticket.sla.Deadlines;
import java.time.Instant;

/** A ticket as stored; the aggregate's state. Package-private: other modules see {@link TicketView}. */
record TicketRow(long id, String ticketNo, TicketType type, Long categoryId, Priority priority, TicketScope scope,
		Channel channel, TicketStatus status, TicketStatus statusBeforePause, Long customerId, String callerPhone,
		String address, String description, String contactPhone, Long substationId, Long communityId,
		Long aboutStaffId, long firstResponderId, String firstResponder, Long assigneeId, String assignee,
		Long assigneeTeamId, Long parentId, boolean incident, Long outageId, long policyId, Instant recordedAt,
		Instant dispatchedAt, String dispatchedBy, Instant respondedAt, String respondedBy, Instant resolvedAt,
		String resolvedBy, String result, Instant closedAt, Instant cancelledAt, String cancelReason, Deadlines due,
		Instant pausedAt, long pausedSeconds, String remindedMark, String overdueMark, int escalationLevel, int version, Instant onSiteAt, String onSiteBy) {

	public Mark nextMark() {
		return Lifecycle.nextMark(status, statusBeforePause);
	}

	public Instant nextDeadline() {
		Mark mark = nextMark();
		if (mark == null) {
			return null;
		}
		return switch (mark) {
			case DISPATCHED -> due.dispatch();
			case RESPONDED -> due.respond();
			case ON_SITE -> due.onSite();
			case RESOLVED -> due.resolve();
		};
	}

	/** Whether the next mark's deadline has passed at {@code now} (a paused ticket is never overdue). */
	public boolean overdueAt(Instant now) {
		Instant d = nextDeadline();
		return status != TicketStatus.PENDING_CUSTOMER && d != null && d.isBefore(now);
	}

	/**
	 * Whether the on-site mark (10.2) was reached by its deadline: {@code null} while it is not reached
	 * or when the ticket has no on-site deadline.
	 */
	public Boolean onSiteInTime() {
		return onSiteAt == null || due.onSite() == null ? null : !onSiteAt.isAfter(due.onSite());
	}

	/** Whether {@code staffId} is the staff member this complaint is about (6.7). */
	public boolean about(long staffId) {
		return aboutStaffId != null && aboutStaffId == staffId;
	}
}
