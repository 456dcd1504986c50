package org.heatdesk.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.TicketProgress;
import org.heatdesk.ticket.TicketStatus;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.TicketQueries;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases the 12345 city hotline platform hands over through the API, and what it may learn of them.
 * A case is registered exactly as the front desk registers a 12345 transfer
 * ({@link Contacts#register}), in the name of the configured receiver, who becomes its first
 * responder; the platform's own act is audited under its key. One case number, one contact and one
 * ticket, however often it is posted.
 */
@Service
class HotlineCases {

	/** API field names for the fields the front desk's registration names otherwise. */
	private static final Map<String, String> API_FIELDS = Map.of("summary", "request", "description", "request",
			"callerPhone", "phone", "contactPhone", "phone", "hotlineCaseNo", "caseNo");

	private final Contacts contacts;

	private final TicketQueries tickets;

	private final Agents agents;

	private final HotlineSettings settings;

	private final CallSettings callSettings;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	HotlineCases(Contacts contacts, TicketQueries tickets, Agents agents, HotlineSettings settings, CallSettings callSettings,
			AuditTrail audit, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.contacts = contacts;
		this.tickets = tickets;
		this.agents = agents;
		this.settings = settings;
		this.callSettings = callSettings;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
	}

	/** A case as the platform posts it; {@code typeHint} may be {@code null} (an inquiry then, as on the page). */
	record HotlineCase(String caseNo, Instant handedOverAt, Instant replyDueAt, String name, String phone,
			String address, String request, TicketType typeHint) {
	}

	/**
	 * Where a case stands: its ticket's marks and, once resolved, the result (办结回复).
	 * @param replyDeadlineKept resolved by the reply deadline; {@code false} also when the deadline has
	 *     passed unresolved; {@code null} while it may still be kept
	 */
	record CaseState(String caseNo, String ticketNo, TicketStatus status, Instant handedOverAt, Instant replyDueAt,
			Instant recordedAt, Instant dispatchedAt, Instant respondedAt, Instant resolvedAt, Instant closedAt,
			String result, Boolean replyDeadlineKept) {
	}

	/** What a post did: {@code created} the first time, otherwise the case as registered before. */
	record Received(CaseState state, boolean created) {
	}

	/**
	 * Registers the case and records its ticket (channel 12345), or, for a case number already
	 * registered, returns that case and changes nothing.
	 * @throws HeatDeskException (400) for missing or malformed fields, named as in the API, with
	 *     nothing written; (503) when no receiver is configured
	 */
	Received receive(HotlineCase c) {
		String caseNo = c.caseNo() == null || c.caseNo().isBlank() ? null : c.caseNo().strip();
		if (caseNo == null) {
			throw HeatDeskException.badInput("CONTACT_HOTLINE_CASE_REQUIRED", "caseNo");
		}
		if (caseNo.length() > 60) {
			throw HeatDeskException.badInput("TOO_LONG", "caseNo", 60);
		}
		Optional<CaseState> before = state(caseNo);
		if (before.isPresent()) {
			return new Received(before.get(), false);
		}
		check(c);
		StaffView receiver = receiver();
		Contacts.Registration registration = new Contacts.Registration(Channel.HOTLINE_12345, c.name(), c.phone(), null,
				c.request(), c.typeHint(), null, caseNo, c.replyDueAt(), c.address(), c.handedOverAt());
		try {
			tx.executeWithoutResult(s -> {
				String ticketNo = contacts.register(registration, receiver.id(),
						Actor.person(receiver.username(), receiver.displayName())).ticketNo();
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("ticketNo", ticketNo);
				after.put("receiver", receiver.username());
				audit.record("HOTLINE_12345_CASE_RECEIVED", "hotline12345_case", caseNo, null, after);
			});
		}
		catch (DuplicateKeyException e) {
			// the same case posted twice at the same moment: the other post registered it
			return state(caseNo).map(s -> new Received(s, false)).orElseThrow(() -> e);
		}
		catch (HeatDeskException e) {
			if (e.code().equals("CONTACT_HOTLINE_CASE_TAKEN")) {
				return state(caseNo).map(s -> new Received(s, false)).orElseThrow(() -> e);
			}
			throw e.field() != null && API_FIELDS.containsKey(e.field())
					? new HeatDeskException(e.status(), e.code(), API_FIELDS.get(e.field()), e.args()) : e;
		}
		return new Received(state(caseNo).orElseThrow(), true);
	}

	/** The case with this 12345 case number, whether posted here or registered at the front desk. */
	Optional<CaseState> state(String caseNo) {
		Optional<Map<String, Object>> row = jdbc.sql("""
				select id, ticket_no, handed_over_at, reply_due_at from contact_contact where hotline_case_no = ?""")
			.param(caseNo == null ? "" : caseNo.strip())
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		String ticketNo = row.get().get("ticket_no") != null ? (String) row.get().get("ticket_no") : null;
		Instant handedOver = CallRecorder.instant(row.get().get("handed_over_at"));
		Instant due = CallRecorder.instant(row.get().get("reply_due_at"));
		// until ContactTicketLinks has written the link (just after the commit), the ticket is found
		// by the key the contact recorded it with: a read straight after the post sees its ticket
		TicketProgress p = ticketNo != null ? tickets.progress(ticketNo).orElse(null)
				: tickets.progressByKey(Contacts.ticketKey(((Number) row.get().get("id")).longValue())).orElse(null);
		if (p != null) {
			ticketNo = p.ticketNo();
		}
		if (p == null) {
			return Optional.of(new CaseState(caseNo.strip(), ticketNo, null, handedOver, due, null, null, null, null, null,
					null, kept(null, due)));
		}
		Instant resolved = p.status() == TicketStatus.RESOLVED || p.status() == TicketStatus.CLOSED ? p.resolvedAt() : null;
		return Optional.of(new CaseState(caseNo.strip(), ticketNo, p.status(), handedOver, due, p.recordedAt(),
				p.dispatchedAt(), p.respondedAt(), p.resolvedAt(), p.closedAt(), p.result(), kept(resolved, due)));
	}

	private Boolean kept(Instant resolvedAt, Instant due) {
		if (due == null) {
			return null;
		}
		if (resolvedAt != null) {
			return !resolvedAt.isAfter(due);
		}
		return clock.instant().isAfter(due) ? Boolean.FALSE : null;
	}

	private void check(HotlineCase c) {
		if (c.handedOverAt() == null) {
			throw HeatDeskException.badInput("HOTLINE_HANDED_OVER_REQUIRED", "handedOverAt");
		}
		if (c.handedOverAt().isAfter(clock.instant().plus(callSettings.futureTolerance()))) {
			throw HeatDeskException.badInput("HOTLINE_HANDED_OVER_IN_FUTURE", "handedOverAt");
		}
		if (c.replyDueAt() == null) {
			throw HeatDeskException.badInput("CONTACT_HOTLINE_CASE_REQUIRED", "replyDueAt");
		}
		if (!c.replyDueAt().isAfter(c.handedOverAt())) {
			throw HeatDeskException.badInput("HOTLINE_REPLY_DUE_BEFORE_HANDOVER", "replyDueAt");
		}
		if (c.phone() == null || c.phone().isBlank()) {
			throw HeatDeskException.badInput("CONTACT_PHONE_OR_CUSTOMER_REQUIRED", "phone");
		}
	}

	private StaffView receiver() {
		String username = settings.receiver() == null ? "" : settings.receiver().strip();
		return agents.byUsername(username)
			.filter(StaffView::active)
			.orElseThrow(() -> new HeatDeskException(HttpStatus.SERVICE_UNAVAILABLE, "HOTLINE_RECEIVER_UNAVAILABLE", null,
					username));
	}
}
