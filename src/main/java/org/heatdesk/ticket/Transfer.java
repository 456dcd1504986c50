package org.heatdesk.ticket;

import java.time.Instant;

/** An explicit hand-over of a ticket (交接/转办) to a person or a team; an escalation is one to a team lead. */
record Transfer(long id, long ticketId, String kind, long fromStaffId, String fromStaff, Long toStaffId, Long toTeamId,
		String reason, String status, Instant requestedAt, Instant decidedAt, String decidedBy, String declineReason) {

	static final String TRANSFER = "TRANSFER";

	static final String ESCALATION = "ESCALATION";

	static final String PENDING = "PENDING";

	public boolean pending() {
		return PENDING.equals(status);
	}
}
