package org.heatdesk.contact;

import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.TicketRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The one link between a contact and its ticket: {@code contact_contact.ticket_no}, filled here
 * from {@link TicketRecorded} for every ticket recorded for a contact, whichever way it was
 * recorded (the desk, the front desk, the intake page with {@code ?contactId=}, the API). The
 * ticket module knows nothing of contacts beyond the id it passes on.
 * <p>
 * It runs after the ticket's transaction commits, in its own, and through the event publication
 * registry: an event whose link was not written (a crash, a failure) is delivered again on the next
 * start. A delivery that finds the link already there changes nothing, and a contact already linked
 * to another ticket (a second ticket from the same call, a link the agent made) keeps it.
 */
@Component
class ContactTicketLinks {

	private static final Logger log = LoggerFactory.getLogger(ContactTicketLinks.class);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Staff staff;

	ContactTicketLinks(JdbcClient jdbc, AuditTrail audit, Staff staff) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.staff = staff;
	}

	// the condition keeps tickets without a contact (the API, incidents, the intake page without
	// ?contactId=) out of the event publication registry: no row written and completed for them
	@ApplicationModuleListener(condition = "#event.contactId() != null")
	void on(TicketRecorded event) {
		link(event);
	}

	/**
	 * Links the event's contact to its ticket, inside the caller's transaction.
	 * @return whether the link was written now (false: no contact, already linked, or linked to another ticket)
	 */
	boolean link(TicketRecorded event) {
		if (event.contactId() == null) {
			return false;
		}
		int linked = jdbc.sql("update contact_contact set ticket_no = ? where id = ? and ticket_no is null")
			.params(event.ticketNo(), event.contactId())
			.update();
		if (linked == 0) {
			String current = jdbc.sql("select ticket_no from contact_contact where id = ?").param(event.contactId())
				.query(String.class).optional().orElse(null);
			if (current != null && !current.equals(event.ticketNo())) {
				log.info("contact {} keeps ticket {}; ticket {} was recorded for it as well", event.contactId(), current,
						event.ticketNo());
			}
			return false;
		}
		// the person who recorded the ticket made the link, as when it was written with the ticket
		Actor by = staff.find(event.firstResponderId()).map(s -> Actor.person(s.username(), s.displayName()))
			.orElse(Actor.system("contact"));
		audit.record(by, "CONTACT_TICKET_LINKED", "contact", event.contactId(), null, Map.of("ticketNo", event.ticketNo()));
		return true;
	}
}
