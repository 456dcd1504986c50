package org.heatdesk.portal;

import java.time.Instant;
import java.util.List;

import org.heatdesk.ticket.TicketStatus;
import org.heatdesk.ticket.TicketType;

/**
 * A ticket as the public portal shows it to who gave its number with its phone: the four marks with
 * their times, the technician's arrival window, the result; the address and phone masked, no name.
 * @param technician the technician's surname with 师傅 (王师傅), or {@code null} while none holds it
 * @param arriveBy the end of the technician's arrival window while he is on the way, else {@code null}
 * @param rating the satisfaction recorded for this round, or {@code null}
 * @param canRate whether the customer may rate now (resolved, not rated)
 * @param canAdd whether the customer may add information or a photo (neither cancelled nor closed)
 */
record PortalProgressView(String ticketNo, TicketType type, String categoryName, TicketStatus status, int round,
		String maskedAddress, String maskedPhone, List<PortalProgressMark> marks, Instant onSiteAt, String technician,
		Instant arriveBy, String result, String rating, boolean canRate, boolean canAdd) {

	/** One of the four marks (有记录、有指令、有回音、有结果): its name and when it was reached ({@code null}: not yet). */
	record PortalProgressMark(String mark, Instant at) {

		public boolean reached() {
			return at != null;
		}
	}
}
