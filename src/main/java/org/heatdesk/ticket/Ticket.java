package org.heatdesk.ticket;

import org.heatdesk.ticket.sla.SlaCalendar;
import org.heatdesk.ticket.sla.Deadlines;
import java.time.Instant;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.StaffView;

/**
 * A ticket, the aggregate: each change checks its rule ({@link Lifecycle}), changes the state and
 * returns the event to publish; {@link TicketRepository#save} writes it with a fixed column set,
 * guarded by the version it was loaded at. Who may act ({@link TicketAccess}) is the caller's
 * question, asked before.
 */
final class Ticket {

	private final TicketRow loaded;

	private TicketStatus status;

	private TicketStatus statusBeforePause;

	private Long assigneeId;

	private String assignee;

	private Long assigneeTeamId;

	private Long parentId;

	private Instant dispatchedAt;

	private String dispatchedBy;

	private Instant respondedAt;

	private String respondedBy;

	private Instant resolvedAt;

	private String resolvedBy;

	private String result;

	private Instant closedAt;

	private Instant onSiteAt;

	private String onSiteBy;

	private Instant cancelledAt;

	private String cancelReason;

	private Deadlines due;

	private Instant pausedAt;

	private long pausedSeconds;

	private String remindedMark;

	private String overdueMark;

	private int escalationLevel;

	/**
	 * The deadline sweep writes the reminder and overdue marks and raises the escalation level without
	 * the version (no user edit races with it): a save therefore writes only what this ticket changed of
	 * them — the levels it added and whether a reopening cleared the marks — never a stale copy.
	 */
	private int escalationsAdded;

	private boolean marksCleared;

	/** The round a reopening ended, to be kept ({@code ticket_round}); {@code null} otherwise. */
	private Round ended;

	/** The marks of one round of a ticket, as they stood when it was reopened. */
	record Round(int round, Deadlines due, Instant dispatchedAt, String dispatchedBy, Instant respondedAt,
			String respondedBy, Instant resolvedAt, String resolvedBy, String result, Instant closedAt,
			Instant reopenedAt, String reopenedBy, String reopenReason, Instant onSiteAt) {
	}

	private Ticket(TicketRow r) {
		this.loaded = r;
		this.status = r.status();
		this.statusBeforePause = r.statusBeforePause();
		this.assigneeId = r.assigneeId();
		this.assignee = r.assignee();
		this.assigneeTeamId = r.assigneeTeamId();
		this.parentId = r.parentId();
		this.dispatchedAt = r.dispatchedAt();
		this.dispatchedBy = r.dispatchedBy();
		this.respondedAt = r.respondedAt();
		this.respondedBy = r.respondedBy();
		this.resolvedAt = r.resolvedAt();
		this.resolvedBy = r.resolvedBy();
		this.result = r.result();
		this.closedAt = r.closedAt();
		this.cancelledAt = r.cancelledAt();
		this.cancelReason = r.cancelReason();
		this.due = r.due();
		this.pausedAt = r.pausedAt();
		this.pausedSeconds = r.pausedSeconds();
		this.remindedMark = r.remindedMark();
		this.overdueMark = r.overdueMark();
		this.escalationLevel = r.escalationLevel();
		this.onSiteAt = r.onSiteAt();
		this.onSiteBy = r.onSiteBy();
	}

	static Ticket of(TicketRow row) {
		return new Ticket(row);
	}

	// ---- the changes

	/** 有指令: to a person (and their team) or to a team. */
	TicketDispatched dispatch(String by, StaffView to, Long team, Instant at) {
		status = Lifecycle.after(status, statusBeforePause, Lifecycle.Action.DISPATCH);
		dispatchedAt = at;
		dispatchedBy = by;
		assigneeId = to == null ? null : to.id();
		assignee = to == null ? null : to.username();
		assigneeTeamId = team;
		return new TicketDispatched(id(), ticketNo(), assigneeId, team, at);
	}

	/** 有回音. */
	TicketResponded respond(String by, Instant at) {
		status = Lifecycle.after(status, statusBeforePause, Lifecycle.Action.RESPOND);
		respondedAt = at;
		respondedBy = by;
		return new TicketResponded(id(), ticketNo(), loaded.customerId(), at);
	}

	/**
	 * 上门: the technician arrived (10.2). Once per round: the first arrival is what the on-site
	 * deadline measures, so a second visit leaves it as it is.
	 */
	TicketOnSite arrive(String by, Instant at) {
		status = Lifecycle.after(status, statusBeforePause, Lifecycle.Action.ARRIVE);
		if (onSiteAt != null) {
			throw HeatDeskException.conflict("TICKET_ON_SITE_ALREADY");
		}
		onSiteAt = at;
		onSiteBy = by;
		return new TicketOnSite(id(), ticketNo(), loaded.customerId(), at);
	}

	/**
	 * Handed to another person without a transfer (the dispatch desk sending a field job to someone
	 * else); the marks stay as they are.
	 */
	TicketTransferred reassign(StaffView to, Instant at) {
		Lifecycle.after(status, statusBeforePause, Lifecycle.Action.REASSIGN);
		long from = assigneeId == null ? 0 : assigneeId;
		assigneeId = to.id();
		assignee = to.username();
		assigneeTeamId = to.teamId();
		return new TicketTransferred(id(), ticketNo(), from, to.id(), to.teamId(), at);
	}

	/** 有结果, with the result (required). */
	TicketResolved resolve(String by, String result, Instant at) {
		if (result == null || result.isBlank()) {
			throw HeatDeskException.badInput("TICKET_RESULT_REQUIRED", "result");
		}
		status = Lifecycle.after(status, statusBeforePause, Lifecycle.Action.RESOLVE);
		resolvedAt = at;
		resolvedBy = by;
		this.result = result;
		return new TicketResolved(id(), ticketNo(), loaded.type(), loaded.customerId(), loaded.parentId(), at);
	}

	/**
	 * Resolved with its parent incident, from whatever open status: the marks it had not reached are
	 * reached now, and a pause ends.
	 */
	TicketResolved resolveWithParent(String by, Ticket parent, String result, Instant at) {
		if (!status.open()) {
			throw Lifecycle.notAllowed(Lifecycle.Action.RESOLVE.name(), status);
		}
		status = TicketStatus.RESOLVED;
		if (dispatchedAt == null) {
			dispatchedAt = at;
		}
		if (dispatchedBy == null) {
			dispatchedBy = by;
		}
		if (respondedAt == null) {
			respondedAt = at;
		}
		if (respondedBy == null) {
			respondedBy = by;
		}
		resolvedAt = at;
		resolvedBy = by;
		this.result = result;
		statusBeforePause = null;
		pausedAt = null;
		return new TicketResolved(id(), ticketNo(), loaded.type(), loaded.customerId(), parent.id(), at);
	}

	/** An inquiry answered during the call: all marks at once. */
	void answerInCall(String by, String answer, Instant at) {
		if (status != TicketStatus.RECORDED) {
			throw Lifecycle.notAllowed(Lifecycle.Action.RESOLVE.name(), status);
		}
		status = TicketStatus.RESOLVED;
		dispatchedAt = respondedAt = resolvedAt = at;
		dispatchedBy = respondedBy = resolvedBy = by;
		result = answer;
	}

	/** Closed after its follow-up; publishes nothing. */
	void close(Instant at) {
		status = Lifecycle.after(status, statusBeforePause, Lifecycle.Action.CLOSE);
		closedAt = at;
	}

	/**
	 * Reopened: the marks after intake are owed again under {@code newDue}; the round that ends is kept
	 * ({@link #endedRound()}) with its times.
	 * @param round the number of the round that ends (1 for the first reopening)
	 */
	TicketReopened reopen(String by, String reason, Deadlines newDue, int round, Instant at) {
		status = Lifecycle.after(status, statusBeforePause, Lifecycle.Action.REOPEN);
		ended = new Round(round, due, dispatchedAt, dispatchedBy, respondedAt, respondedBy, resolvedAt, resolvedBy, result,
				closedAt, at, by, reason, onSiteAt);
		dispatchedAt = respondedAt = resolvedAt = closedAt = onSiteAt = null;
		dispatchedBy = respondedBy = resolvedBy = result = onSiteBy = null;
		due = newDue;
		remindedMark = overdueMark = null;
		marksCleared = true;
		return new TicketReopened(id(), ticketNo(), loaded.customerId(), reason, at);
	}

	/** Handed back, after a reopening, to whoever resolved the round that ended (a follow-up found it did not hold). */
	void returnTo(StaffView to) {
		assigneeId = to.id();
		assignee = to.username();
		assigneeTeamId = to.teamId();
	}

	/** Waits on the customer: the deadline clock stops. */
	TicketPaused pause(String reason, Instant at) {
		TicketStatus was = status;
		status = Lifecycle.after(status, statusBeforePause, Lifecycle.Action.PAUSE);
		statusBeforePause = was;
		pausedAt = at;
		return new TicketPaused(id(), ticketNo(), reason, at);
	}

	/** The customer is back: the counting time left at the pause runs again from {@code at}. */
	TicketResumed resume(SlaCalendar calendar, Instant at) {
		status = Lifecycle.after(status, statusBeforePause, Lifecycle.Action.RESUME);
		due = due.resumed(pausedAt, at, calendar);
		long paused = calendar.between(pausedAt, at).toSeconds();
		pausedSeconds += paused;
		statusBeforePause = null;
		pausedAt = null;
		return new TicketResumed(id(), ticketNo(), paused, at);
	}

	/** Cancelled with a reason; the ticket is kept. */
	TicketCancelled cancel(String reason, Instant at) {
		status = Lifecycle.after(status, statusBeforePause, Lifecycle.Action.CANCEL);
		cancelledAt = at;
		cancelReason = reason;
		return new TicketCancelled(id(), ticketNo(), loaded.customerId(), reason, at);
	}

	/** Offered to someone else: nothing changes but the version, so that a second offer on the old one is refused. */
	void offer() {
		Lifecycle.after(status, statusBeforePause, Lifecycle.Action.TRANSFER);
	}

	/** Escalated to a team lead (an offer they accept like a transfer). */
	TicketEscalated escalate(Long fromStaffId, long leadId, String reason, Instant at) {
		Lifecycle.after(status, statusBeforePause, Lifecycle.Action.ESCALATE);
		escalationLevel++;
		escalationsAdded++;
		return new TicketEscalated(id(), ticketNo(), fromStaffId, leadId, reason, at);
	}

	/** Taken over by the receiver of a transfer. */
	TicketTransferred takeOver(long fromStaffId, StaffView to, Instant at) {
		assigneeId = to.id();
		assignee = to.username();
		assigneeTeamId = to.teamId();
		return new TicketTransferred(id(), ticketNo(), fromStaffId, to.id(), to.teamId(), at);
	}

	/** Hung under a parent incident. */
	void linkTo(Ticket parent) {
		if (!parent.loaded.incident() || loaded.incident() || id() == parent.id()) {
			throw HeatDeskException.conflict("TICKET_PARENT_NOT_INCIDENT");
		}
		if (!status.open() || !parent.status.open()) {
			throw Lifecycle.notAllowed("LINK", status);
		}
		parentId = parent.id();
	}

	// ---- state, for the repository and the service

	long id() {
		return loaded.id();
	}

	String ticketNo() {
		return loaded.ticketNo();
	}

	int version() {
		return loaded.version();
	}

	TicketRow row() {
		return loaded;
	}

	TicketStatus status() {
		return status;
	}

	TicketStatus statusBeforePause() {
		return statusBeforePause;
	}

	Long assigneeId() {
		return assigneeId;
	}

	String assignee() {
		return assignee;
	}

	Long assigneeTeamId() {
		return assigneeTeamId;
	}

	Long parentId() {
		return parentId;
	}

	Instant dispatchedAt() {
		return dispatchedAt;
	}

	String dispatchedBy() {
		return dispatchedBy;
	}

	Instant respondedAt() {
		return respondedAt;
	}

	String respondedBy() {
		return respondedBy;
	}

	Instant resolvedAt() {
		return resolvedAt;
	}

	String resolvedBy() {
		return resolvedBy;
	}

	String result() {
		return result;
	}

	Instant closedAt() {
		return closedAt;
	}

	Instant onSiteAt() {
		return onSiteAt;
	}

	String onSiteBy() {
		return onSiteBy;
	}

	Instant cancelledAt() {
		return cancelledAt;
	}

	String cancelReason() {
		return cancelReason;
	}

	Deadlines due() {
		return due;
	}

	Instant pausedAt() {
		return pausedAt;
	}

	long pausedSeconds() {
		return pausedSeconds;
	}

	String remindedMark() {
		return remindedMark;
	}

	String overdueMark() {
		return overdueMark;
	}

	int escalationLevel() {
		return escalationLevel;
	}

	int escalationsAdded() {
		return escalationsAdded;
	}

	boolean marksCleared() {
		return marksCleared;
	}

	Round endedRound() {
		return ended;
	}
}
