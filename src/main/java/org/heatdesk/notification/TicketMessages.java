package org.heatdesk.notification;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.ticket.TicketDispatched;
import org.heatdesk.ticket.TicketNotice;
import org.heatdesk.ticket.TicketOnSite;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketRecorded;
import org.heatdesk.ticket.TicketResolved;
import org.heatdesk.ticket.TicketType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tells a ticket's customer how the request goes (9.3): the number when it is recorded, the
 * technician and his window when it goes to the field, his arrival, the result. Heard synchronously
 * in the publishing transaction, so the message exists exactly when the change was committed. Which
 * ticket tells whom: docs/notification.md ("Templates and events").
 * <p>
 * The dedup key is the kind, the ticket and the event's time: the same event heard twice queues
 * once, and a reopened ticket's next round (a later time) is told again.
 */
@Component
class TicketMessages {

	private static final Logger log = LoggerFactory.getLogger(TicketMessages.class);

	static final Actor SYSTEM = Actor.system("notification");

	/** The types whose customer waits for work and wants its number: an inquiry is answered, a suggestion or praise gets its own reply. */
	static final Set<TicketType> TOLD_WHEN_RECORDED = Set.of(TicketType.REPAIR, TicketType.COMPLAINT);

	/** A complaint's result is its reply (COMPLAINT_REPLY, 10.5), sent by the follow-up; only a repair's result is told here. */
	static final Set<TicketType> TOLD_WHEN_RESOLVED = Set.of(TicketType.REPAIR);

	private final CustomerMessages messages;

	private final TicketQueries tickets;

	private final TicketValues values;

	TicketMessages(CustomerMessages messages, TicketQueries tickets, TicketValues values) {
		this.messages = messages;
		this.tickets = tickets;
		this.values = values;
	}

	@EventListener
	void on(TicketRecorded e) {
		if (!TOLD_WHEN_RECORDED.contains(e.type())) {
			return;
		}
		tickets.notice(e.ticketNo()).filter(t -> !t.incident()).ifPresent(t -> tell(MessageKind.TICKET_RECORDED, t,
				Map.of("ticketNo", t.ticketNo()), e.recordedAt()));
	}

	/** Only a dispatch to a technician is a visit the customer waits for; a ticket sent to a desk or a team is not. */
	@EventListener
	void on(TicketDispatched e) {
		tickets.notice(e.ticketNo()).filter(t -> !t.incident()).ifPresent(t -> {
			Map<String, String> v = values.of(t, e.dispatchedAt());
			if (!v.containsKey("technician")) {
				return;
			}
			tell(MessageKind.TICKET_DISPATCHED, t, v, e.dispatchedAt());
		});
	}

	@EventListener
	void on(TicketOnSite e) {
		tickets.notice(e.ticketNo()).filter(t -> !t.incident()).ifPresent(t -> {
			Map<String, String> v = values.of(t, e.onSiteAt());
			if (!v.containsKey("technician")) {
				return;
			}
			tell(MessageKind.TECHNICIAN_ARRIVED, t, v, e.onSiteAt());
		});
	}

	/**
	 * Not for a ticket answered in the call (resolved the moment it was recorded: the caller heard the
	 * answer). Heard before the other modules' listeners, so that the result is queued (and sent) before
	 * the follow-up's request to rate it.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(TicketResolved e) {
		if (!TOLD_WHEN_RESOLVED.contains(e.type())) {
			return;
		}
		tickets.notice(e.ticketNo())
			.filter(t -> !t.incident() && !e.resolvedAt().equals(t.recordedAt()))
			.ifPresent(t -> tell(MessageKind.TICKET_RESOLVED, t, values.of(t, e.resolvedAt()), e.resolvedAt()));
	}

	/**
	 * What the listeners would have queued for a ticket written without its events (the demo's
	 * tickets): its number, the technician's visit and its result, with the same keys, so that
	 * hearing the events later adds nothing.
	 */
	void replay(TicketNotice t) {
		if (t.incident()) {
			return;
		}
		if (TOLD_WHEN_RECORDED.contains(t.type())) {
			tell(MessageKind.TICKET_RECORDED, t, Map.of("ticketNo", t.ticketNo()), t.recordedAt());
		}
		if (t.dispatchedAt() != null) {
			Map<String, String> v = values.of(t, t.dispatchedAt());
			if (v.containsKey("technician")) {
				tell(MessageKind.TICKET_DISPATCHED, t, v, t.dispatchedAt());
			}
		}
		if (t.resolvedAt() != null && t.result() != null && TOLD_WHEN_RESOLVED.contains(t.type())
				&& !t.resolvedAt().equals(t.recordedAt())) {
			tell(MessageKind.TICKET_RESOLVED, t, values.of(t, t.resolvedAt()), t.resolvedAt());
		}
	}

	private void tell(MessageKind kind, TicketNotice t, Map<String, String> v, Instant at) {
		if (t.customerId() == null && (t.phone() == null || t.phone().isBlank())) {
			return;
		}
		try {
			messages.queue(SYSTEM, new MessageRequest(kind, t.customerId(), t.customerId() == null ? t.phone() : null,
					t.ticketNo(), v, key(kind, t.ticketNo(), at), false));
		}
		catch (HeatDeskException e) {
			// a value the approved template needs and the ticket lacks (no on-site deadline, no
			// employee number): the change must not fail for a message; nothing was written
			log.warn("{} for {} not queued: {} ({})", kind, t.ticketNo(), e.code(), e.field());
		}
	}

	static String key(MessageKind kind, String ticketNo, Instant at) {
		return kind.name() + ":" + ticketNo + ":" + at.toEpochMilli();
	}
}
