package org.heatdesk.ticket;

/**
 * Where a ticket stands. The four marks of article 7(五) are {@code RECORDED}, {@code DISPATCHED},
 * {@code RESPONDED} and {@code RESOLVED}; {@code PENDING_CUSTOMER} stops the deadline clock;
 * {@code CANCELLED} keeps the ticket (nothing is ever deleted).
 */
public enum TicketStatus {
	RECORDED, DISPATCHED, RESPONDED, RESOLVED, CLOSED, REOPENED, PENDING_CUSTOMER, CANCELLED;

	/** Whether work on the ticket is still owed (not resolved, closed or cancelled). */
	public boolean open() {
		return this != RESOLVED && this != CLOSED && this != CANCELLED;
	}
}
