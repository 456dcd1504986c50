package org.heatdesk.ticket.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.heatdesk.staff.StaffView;

/**
 * What the {@link DeadlineSweep} reads and writes of the tickets. The ticket's rows and repository
 * stay private to {@code org.heatdesk.ticket}, which implements this; the sweep sees a due ticket
 * only as far as reminding and escalating need.
 */
public interface DueTickets {

	/**
	 * An open ticket whose next deadline is near or past.
	 * @param mark the mark it waits for next ({@code DISPATCHED} …), {@code null} when none
	 * @param deadline that mark's deadline, {@code null} when the policy sets none
	 * @param aboutStaffId the staff member a complaint is about, who must not be escalated to (6.7)
	 */
	record Due(long id, String ticketNo, String mark, Instant deadline, String remindedMark, String overdueMark,
			Long assigneeId, long firstResponderId, Long teamId, Long aboutStaffId) {
	}

	/** Open tickets whose next deadline is within their policy version's reminder lead of {@code now}, or past. */
	List<Due> dueBefore(Instant now, int limit);

	/**
	 * Notes that the reminder of {@code mark} went out. Leaves the ticket's version alone: no user's
	 * edit races with the sweep's columns.
	 */
	void reminded(long ticketId, String mark);

	/** Notes that {@code mark} is overdue (and so reminded) and raises the escalation level by one; the version stays. */
	void overdue(long ticketId, String mark);

	/** The team lead an overdue ticket goes to: its team's (any active lead's when the team has none), never the one a complaint is about. */
	Optional<StaffView> leadFor(Due ticket);

	/** A notification in the staff member's list ({@code REMINDER}, {@code OVERDUE}). */
	void notify(long staffId, long ticketId, String kind, String detail, Instant at);

	/** An entry in the ticket's timeline. */
	void addEvent(long ticketId, Instant at, String actor, String kind, String detail);
}
