package org.heatdesk.quality;

import org.heatdesk.staff.Commendations;
import org.heatdesk.ticket.FollowUpTicket;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketRecorded;
import org.heatdesk.ticket.TicketType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer's praise ticket (type PRAISE, about a staff member) proposes a commendation for that
 * person, for a manager to grant (11.1). Heard in the ticket's own transaction, so the proposal
 * exists exactly when the ticket does; a ticket proposes at most one.
 */
@Component
class PraiseCommendations {

	private final TicketQueries tickets;

	private final Commendations commendations;

	PraiseCommendations(TicketQueries tickets, Commendations commendations) {
		this.tickets = tickets;
		this.commendations = commendations;
	}

	@EventListener
	void onRecorded(TicketRecorded event) {
		if (event.type() != TicketType.PRAISE) {
			return;
		}
		tickets.forFollowUp(event.ticketNo())
			.filter(t -> t.aboutStaffId() != null)
			.ifPresent(t -> commendations.proposeFromPraise(t.aboutStaffId(), t.ticketNo(), reason(t)));
	}

	private static String reason(FollowUpTicket t) {
		return t.description() == null ? t.ticketNo() : t.description();
	}
}
