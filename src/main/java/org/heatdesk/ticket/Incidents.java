package org.heatdesk.ticket;

import org.heatdesk.platform.InputChecks;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.ticket.TicketSupport.Acting;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.heatdesk.ticket.TicketSupport.mapOf;

/**
 * Parent incidents (e.g. a substation fault) and the tickets hung under them; resolving the parent
 * resolves them with its result ({@link Tickets#resolve}). One incident per outage.
 */
@Service
public class Incidents {

	private final TicketRepository repository;

	private final TicketSupport support;

	private final Tickets tickets;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	Incidents(TicketRepository repository, TicketSupport support, Tickets tickets, AuditTrail audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.support = support;
		this.tickets = tickets;
		this.audit = audit;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * Hangs a ticket under a parent incident.
	 * @throws HeatDeskException {@code TICKET_PARENT_NOT_INCIDENT} when the parent is not an incident
	 */
	@Transactional
	public TicketView link(Actor actor, String ticketNo, String parentNo) {
		Acting by = new Acting(actor, support.person(actor));
		TicketRow row = support.load(ticketNo, by);
		support.checkMay(row, by, Lifecycle.Action.LINK);
		TicketRow parent = support.load(parentNo, by);
		return linkRows(row, parent, by);
	}

	private TicketView linkRows(TicketRow row, TicketRow parent, Acting by) {
		Ticket ticket = Ticket.of(row);
		ticket.linkTo(Ticket.of(parent));
		Instant now = clock.instant();
		support.save(ticket, null);
		repository.addEvent(row.id(), now, by.name(), "LINKED", parent.ticketNo(), null);
		repository.addEvent(parent.id(), now, by.name(), "CHILD_LINKED", row.ticketNo(), null);
		audit.record(by.actor(), "TICKET_LINKED", "ticket", row.ticketNo(), mapOf("parent", null),
				Map.of("parent", parent.ticketNo()));
		return support.reload(row.id(), by);
	}

	/** Records a parent incident that other tickets hang under; one per outage. */
	@Transactional
	public TicketView recordIncident(Actor actor, String description, Long outageId) {
		Acting by = new Acting(actor, support.person(actor));
		String d = InputChecks.required(description, "description", 2000);
		if (outageId != null && repository.incidentForOutage(outageId).isPresent()) {
			throw HeatDeskException.conflict("TICKET_INCIDENT_EXISTS");
		}
		return support.view(insertIncident(d, outageId, by), by.id());
	}

	private TicketRow insertIncident(String description, Long outageId, Acting by) {
		return tickets.insert(new RecordTicket(TicketType.REPAIR, null, Priority.URGENT, TicketScope.SUBSTATION,
				Channel.PHONE, null, null, null, description, null, null, null), CustomerLookup.Snapshot.NONE, null, null,
				true, outageId, by, null).orElseThrow();
	}

	/**
	 * One click on the intake page: links the ticket to the incident of an outage, recording that
	 * incident first when nobody has yet.
	 */
	public TicketView linkToOutage(Actor actor, String ticketNo, long outageId, String incidentDescription) {
		Acting by = new Acting(actor, support.person(actor));
		for (int attempt = 0;; attempt++) {
			try {
				return tx.execute(s -> {
					TicketRow row = support.load(ticketNo, by);
					support.checkMay(row, by, Lifecycle.Action.LINK);
					TicketRow parent = repository.incidentForOutage(outageId)
						.orElseGet(() -> insertIncident(incidentDescription, outageId, by));
					return linkRows(row, parent, by);
				});
			}
			catch (DuplicateKeyException e) {
				if (attempt > 0) {
					throw e;
				}
				// another agent recorded the incident at the same moment: link to theirs
			}
		}
	}
}
