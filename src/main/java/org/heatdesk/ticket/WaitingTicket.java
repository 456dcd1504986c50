package org.heatdesk.ticket;

import java.time.Instant;

/**
 * A ticket as the dispatch board needs it while it waits for a technician: where it is, what kind of work it is, the
 * deadlines still owed and, for a parent incident, how many tickets hang under it.
 * @param categoryCode the category's stable code ({@code REPAIR_ROOM_TEMP} …), or {@code null}
 * @param dispatchDue the 有指令 deadline (passed or not; the board shows it only while owed)
 * @param onSiteDue the on-site deadline (上门), or {@code null} when the policy sets none
 * @param children open tickets hung under this one (an incident's)
 */
public record WaitingTicket(long id, String ticketNo, TicketType type, String categoryCode, String categoryName,
		Priority priority, TicketStatus status, Long substationId, Long communityId, String address, String description,
		Instant recordedAt, Instant dispatchDue, Instant onSiteDue, boolean incident, Long outageId, int children,
		int version) {

	/** Whether the ticket still waits for its 有指令 mark (recorded or reopened). */
	public boolean awaitingDispatch() {
		return status == TicketStatus.RECORDED || status == TicketStatus.REOPENED;
	}
}
