package org.heatdesk.ticket;

import java.util.EnumSet;
import java.util.Set;

import org.heatdesk.platform.HeatDeskException;

/**
 * The rules of a ticket's life, pure: which action is allowed in which status and where it leads.
 * The four marks are reached in order (recorded → dispatched → responded → resolved); a pause keeps
 * the status it interrupted; resolved and closed tickets can only be reopened (closed also from
 * resolved); cancelled is final; nothing is ever deleted.
 */
final class Lifecycle {

	enum Action {
		DISPATCH, RESPOND, RESOLVE, CLOSE, REOPEN, PAUSE, RESUME, CANCEL, TRANSFER, ESCALATE, NOTE, LINK,
		/** 上门: the technician arrived; only after the customer heard back. */
		ARRIVE,
		/** The holder changes without a transfer: the dispatch desk sends a field job to someone else. */
		REASSIGN
	}

	private static final Set<TicketStatus> WORKING = EnumSet.of(TicketStatus.RECORDED, TicketStatus.DISPATCHED,
			TicketStatus.RESPONDED, TicketStatus.REOPENED);

	private Lifecycle() {
	}

	/** Whether {@code action} is allowed in {@code status}. */
	static boolean allowed(TicketStatus status, Action action) {
		return switch (action) {
			case DISPATCH -> status == TicketStatus.RECORDED || status == TicketStatus.REOPENED;
			case RESPOND -> status == TicketStatus.DISPATCHED;
			case RESOLVE -> status == TicketStatus.RESPONDED;
			case CLOSE -> status == TicketStatus.RESOLVED;
			case REOPEN -> status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
			case PAUSE -> WORKING.contains(status);
			case RESUME -> status == TicketStatus.PENDING_CUSTOMER;
			case CANCEL, TRANSFER, ESCALATE, LINK -> status.open();
			case NOTE -> true;
			case ARRIVE -> status == TicketStatus.RESPONDED;
			case REASSIGN -> status.open() && status != TicketStatus.PENDING_CUSTOMER;
		};
	}

	/**
	 * The status after {@code action}.
	 * @param beforePause the status a pause interrupted (used by {@code RESUME})
	 * @throws HeatDeskException {@code TICKET_ACTION_NOT_ALLOWED} (409) when the action does not fit
	 */
	static TicketStatus after(TicketStatus status, TicketStatus beforePause, Action action) {
		if (!allowed(status, action)) {
			throw notAllowed(action.name(), status);
		}
		return switch (action) {
			case DISPATCH -> TicketStatus.DISPATCHED;
			case RESPOND -> TicketStatus.RESPONDED;
			case RESOLVE -> TicketStatus.RESOLVED;
			case CLOSE -> TicketStatus.CLOSED;
			case REOPEN -> TicketStatus.REOPENED;
			case PAUSE -> TicketStatus.PENDING_CUSTOMER;
			case RESUME -> beforePause == null ? TicketStatus.RECORDED : beforePause;
			case CANCEL -> TicketStatus.CANCELLED;
			case TRANSFER, ESCALATE, NOTE, LINK, ARRIVE, REASSIGN -> status;
		};
	}

	/** The next mark a ticket in {@code status} owes, or {@code null} when none. */
	static Mark nextMark(TicketStatus status, TicketStatus beforePause) {
		TicketStatus s = status == TicketStatus.PENDING_CUSTOMER ? beforePause : status;
		if (s == null) {
			return null;
		}
		return switch (s) {
			case RECORDED, REOPENED -> Mark.DISPATCHED;
			case DISPATCHED -> Mark.RESPONDED;
			case RESPONDED -> Mark.RESOLVED;
			default -> null;
		};
	}

	/** The refusal, with the action and the status named in the user's language (falling back to their codes). */
	static HeatDeskException notAllowed(String action, TicketStatus status) {
		var actionName = new org.springframework.context.support.DefaultMessageSourceResolvable(
				new String[] { "ticket.action." + action.toLowerCase(java.util.Locale.ROOT) }, action);
		var statusName = new org.springframework.context.support.DefaultMessageSourceResolvable(
				new String[] { "ticket.status." + status.name() }, status.name());
		return HeatDeskException.conflict("TICKET_ACTION_NOT_ALLOWED", actionName, statusName);
	}
}
