package org.heatdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketSupport.Acting;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.heatdesk.ticket.TicketSupport.join;
import static org.heatdesk.ticket.TicketSupport.mapOf;
import static org.heatdesk.ticket.TicketSupport.reason;

/**
 * Handing a ticket on: a transfer offered to a person or a team, an escalation to a team lead (ch.
 * 5.3), and the receiver's accepting or declining. The sender holds the ticket until the receiver
 * accepts; one offer at a time. Only people transfer (the system never holds a ticket).
 */
@Service
public class Transfers {

	private final TicketRepository repository;

	private final TicketSupport support;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Transfers(TicketRepository repository, TicketSupport support, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.support = support;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Offers the ticket to a person or a team with a reason. Only those who may work it
	 * ({@link TicketAccess}) may transfer it; one offer at a time.
	 * @return the transfer's id
	 */
	@Transactional
	public long transfer(Actor actor, String ticketNo, Integer version, Long toStaffId, Long toTeamId, String reason) {
		Acting by = new Acting(actor, support.person(actor));
		StaffView me = by.staff();
		TicketRow row = support.load(ticketNo, by);
		support.checkMay(row, by, Lifecycle.Action.TRANSFER);
		TicketSupport.checkVersion(row, version);
		String r = reason(reason);
		if ((toStaffId == null) == (toTeamId == null)) {
			throw HeatDeskException.badInput("TICKET_RECEIVER_REQUIRED", "toStaffId");
		}
		Ticket ticket = Ticket.of(row);
		ticket.offer();
		StaffView target = null;
		if (toStaffId != null) {
			target = support.receiver(row, toStaffId, "toStaffId", by);
			if (target.id() == me.id()) {
				throw HeatDeskException.badInput("TICKET_TRANSFER_TO_SELF", "toStaffId");
			}
		}
		else {
			support.checkTeam(toTeamId, "toTeamId");
		}
		if (repository.pendingTransfer(row.id()).isPresent()) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_PENDING");
		}
		Instant now = clock.instant();
		support.save(ticket, null);
		long id;
		try {
			id = repository.insertTransfer(row.id(), Transfer.TRANSFER, me.id(), me.username(), toStaffId, toTeamId, r, now);
		}
		catch (DuplicateKeyException e) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_PENDING");
		}
		String to = target != null ? target.displayName() : support.teamName(toTeamId);
		repository.addEvent(row.id(), now, me.username(), "TRANSFER_REQUESTED", join(to, r), null);
		if (target != null) {
			repository.notify(target.id(), row.id(), "TRANSFER_OFFERED", r, now);
		}
		audit.record(actor, "TICKET_TRANSFER_REQUESTED", "ticket", ticketNo, null,
				mapOf("transferId", id, "to", target == null ? null : target.username(), "teamId", toTeamId, "reason", r));
		return id;
	}

	/** The receiver (or a member of the receiving team) takes the ticket over. Publishes {@link TicketTransferred}. */
	@Transactional
	public TicketView acceptTransfer(Actor actor, String ticketNo, long transferId) {
		Acting by = new Acting(actor, support.person(actor));
		StaffView me = by.staff();
		TicketRow row = support.load(ticketNo, by);
		Transfer t = pendingFor(row, transferId);
		checkReceiver(t, me);
		Instant now = clock.instant();
		if (!repository.decide(transferId, "ACCEPTED", me.username(), null, now)) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_NOT_PENDING");
		}
		Ticket ticket = Ticket.of(row);
		TicketTransferred event = ticket.takeOver(t.fromStaffId(), me, now);
		support.save(ticket, null);
		repository.addEvent(row.id(), now, me.username(), "TRANSFER_ACCEPTED", t.fromStaff() + " → " + me.displayName(), null);
		support.notifyFirstResponder(row, by, "TRANSFER_ACCEPTED", me.displayName(), now);
		if (t.fromStaffId() != me.id() && t.fromStaffId() != row.firstResponderId()) {
			repository.notify(t.fromStaffId(), row.id(), "TRANSFER_ACCEPTED", me.displayName(), now);
		}
		audit.record(actor, "TICKET_TRANSFER_ACCEPTED", "ticket", ticketNo, mapOf("assignee", row.assignee()),
				Map.of("assignee", me.username(), "transferId", transferId));
		events.publishEvent(event);
		return support.reload(row.id(), by);
	}

	/** The receiver declines with a reason; the sender keeps the ticket. */
	@Transactional
	public void declineTransfer(Actor actor, String ticketNo, long transferId, String reason) {
		Acting by = new Acting(actor, support.person(actor));
		StaffView me = by.staff();
		TicketRow row = support.load(ticketNo, by);
		String r = reason(reason);
		Transfer t = pendingFor(row, transferId);
		checkReceiver(t, me);
		Instant now = clock.instant();
		if (!repository.decide(transferId, "DECLINED", me.username(), r, now)) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_NOT_PENDING");
		}
		repository.addEvent(row.id(), now, me.username(), "TRANSFER_DECLINED", r, null);
		repository.notify(t.fromStaffId(), row.id(), "TRANSFER_DECLINED", r, now);
		audit.record(actor, "TICKET_TRANSFER_DECLINED", "ticket", ticketNo, null, Map.of("transferId", transferId, "reason", r));
	}

	/**
	 * Escalates to the team lead of the acting person's team (ch. 5.3) with a reason: an offer the lead
	 * accepts like a transfer. Publishes {@link TicketEscalated}.
	 * @return the offer's id
	 */
	@Transactional
	public long escalate(Actor actor, String ticketNo, Integer version, String reason) {
		Acting by = new Acting(actor, support.person(actor));
		StaffView me = by.staff();
		TicketRow row = support.load(ticketNo, by);
		support.checkMay(row, by, Lifecycle.Action.ESCALATE);
		TicketSupport.checkVersion(row, version);
		String r = reason(reason);
		Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.ESCALATE);
		StaffView lead = support.leadFor(me.teamId(), row, me.id())
			.orElseThrow(() -> HeatDeskException.conflict("TICKET_NO_LEAD"));
		if (repository.pendingTransfer(row.id()).isPresent()) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_PENDING");
		}
		Instant now = clock.instant();
		Ticket ticket = Ticket.of(row);
		TicketEscalated event = ticket.escalate(me.id(), lead.id(), r, now);
		support.save(ticket, null);
		long id;
		try {
			id = repository.insertTransfer(row.id(), Transfer.ESCALATION, me.id(), me.username(), lead.id(), null, r, now);
		}
		catch (DuplicateKeyException e) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_PENDING");
		}
		repository.addEvent(row.id(), now, me.username(), "ESCALATED", join(lead.displayName(), r), null);
		repository.notify(lead.id(), row.id(), "ESCALATED", r, now);
		support.notifyFirstResponder(row, by, "ESCALATED", lead.displayName(), now);
		audit.record(actor, "TICKET_ESCALATED", "ticket", ticketNo, null, Map.of("to", lead.username(), "reason", r));
		events.publishEvent(event);
		return id;
	}

	private Transfer pendingFor(TicketRow row, long transferId) {
		Transfer t = repository.transfer(transferId).filter(x -> x.ticketId() == row.id())
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_TRANSFER_NOT_FOUND"));
		if (!t.pending()) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_NOT_PENDING");
		}
		return t;
	}

	private static void checkReceiver(Transfer t, StaffView me) {
		boolean receiver = t.toStaffId() != null ? t.toStaffId() == me.id()
				: t.toTeamId() != null && t.toTeamId().equals(me.teamId());
		if (!receiver) {
			throw HeatDeskException.forbidden("TICKET_NOT_RECEIVER");
		}
	}
}
