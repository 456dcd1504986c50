package org.heatdesk.contact;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.TicketView;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every interaction registered as a contact (7(一)): calls (created from the switch's events),
 * outbound call-backs, letters, walk-in visits, online requests and 12345 transfers; and what the
 * agent does with one: record a ticket from it, link it to an open ticket, or record an inquiry
 * answered in the call. Tickets are recorded through {@link Tickets}; the contact keeps the
 * ticket's number (the one link between them), written by {@link ContactTicketLinks} from the
 * ticket module's {@link org.heatdesk.ticket.TicketRecorded}, or here when a contact is linked to a
 * ticket that exists already.
 */
@Service
class Contacts {

	private final JdbcClient jdbc;

	private final Tickets tickets;

	private final TicketQueries ticketQueries;

	private final Customers customers;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final CallSettings settings;

	Contacts(JdbcClient jdbc, Tickets tickets, TicketQueries ticketQueries, Customers customers, AuditTrail audit, Clock clock,
			PlatformTransactionManager transactions, CallSettings settings) {
		this.tx = new TransactionTemplate(transactions);
		this.settings = settings;
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.customers = customers;
		this.audit = audit;
		this.clock = clock;
	}

	/** The channels other than the telephone that are registered at the front desk or by intake. */
	static final List<Channel> REGISTERED_CHANNELS = List.of(Channel.LETTER, Channel.VISIT, Channel.ONLINE,
			Channel.HOTLINE_12345);

	/** A contact as lists show it. */
	record ContactRow(long id, Channel channel, String direction, Long customerId, String phone, String name,
			String summary, String staffName, String ticketNo, String hotlineCaseNo, Instant replyDueAt,
			Instant occurredAt, Long callId) {
	}

	/** A call's contact, for the desk. */
	record CallContact(long callId, long contactId, String switchCallId, String caller, CallStatus status,
			Long customerId, String ticketNo, Instant firstRingAt) {
	}

	/**
	 * What the front desk fills in for a letter, visit, online request or 12345 transfer, or what the
	 * 12345 platform posts.
	 * @param address where the problem is, when the caller gave one ({@code null}: the customer's address)
	 * @param handedOverAt when the 12345 platform handed the case over, as it reports it, or {@code null}
	 */
	record Registration(Channel channel, String name, String phone, String accountNo, String summary, TicketType type,
			Priority priority, String hotlineCaseNo, Instant replyDueAt, String address, Instant handedOverAt) {

		Registration(Channel channel, String name, String phone, String accountNo, String summary, TicketType type,
				Priority priority, String hotlineCaseNo, Instant replyDueAt) {
			this(channel, name, phone, accountNo, summary, type, priority, hotlineCaseNo, replyDueAt, null, null);
		}
	}

	@Transactional(readOnly = true)
	Optional<CallContact> call(long callId) {
		return jdbc.sql("""
				select c.id, c.contact_id, c.switch_call_id, c.caller, c.status, k.customer_id, k.ticket_no, c.first_ring_at
				from contact_call c join contact_contact k on k.id = c.contact_id where c.id = ?""")
			.param(callId)
			.query((rs, n) -> new CallContact(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					CallStatus.valueOf(rs.getString(5)), (Long) rs.getObject(6), rs.getString(7),
					rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
			.optional();
	}

	/** The contacts of a customer (or, for an unknown caller, of a phone number), newest first. */
	@Transactional(readOnly = true)
	List<ContactRow> recent(Long customerId, String phone, long exceptContactId, int limit) {
		String where = customerId != null ? "k.customer_id = :key" : "k.phone = :key";
		return jdbc.sql("""
				select k.*, c.id as call_id from contact_contact k left join contact_call c on c.contact_id = k.id
				where %s and k.id <> :except order by k.occurred_at desc limit :limit""".formatted(where))
			.param("key", customerId != null ? customerId : phone)
			.param("except", exceptContactId)
			.param("limit", limit)
			.query(Contacts::row)
			.list();
	}

	@Transactional(readOnly = true)
	List<ContactRow> latest(Channel channel, int limit) {
		return jdbc.sql("""
				select k.*, null::bigint as call_id from contact_contact k
				where k.channel <> 'PHONE' and (cast(:channel as varchar) is null or k.channel = :channel)
				order by k.occurred_at desc limit :limit""")
			.param("channel", channel == null ? null : channel.name())
			.param("limit", limit)
			.query(Contacts::row)
			.list();
	}

	/** The agent says who the caller is, when the number matched several customers or none. */
	@Transactional
	void identify(long callId, long customerId) {
		CallContact call = call(callId).orElseThrow(() -> HeatDeskException.notFound("CALL_NOT_FOUND"));
		customers.find(customerId).orElseThrow(() -> HeatDeskException.notFound("CUSTOMER_NOT_FOUND"));
		jdbc.sql("update contact_contact set customer_id = ? where id = ?").params(customerId, call.contactId()).update();
		audit.record("CONTACT_IDENTIFIED", "contact", call.contactId(), Map.of("customerId", String.valueOf(call.customerId())),
				Map.of("customerId", customerId));
	}

	/**
	 * Records a ticket from a call, prefilled with the caller and the contact; one ticket per call
	 * and type however often the button is pressed. One transaction: the ticket, and the call's
	 * summary and agent when the contact has none yet. The contact's link to the ticket follows from
	 * {@link org.heatdesk.ticket.TicketRecorded} once this commits ({@link ContactTicketLinks}).
	 */
	@Transactional
	TicketView recordFromCall(long callId, TicketType type, Long categoryId, Priority priority, String description,
			String address, long staffId, Actor by) {
		CallContact call = call(callId).orElseThrow(() -> HeatDeskException.notFound("CALL_NOT_FOUND"));
		// the number the customer called from is kept on the ticket even when the customer is known
		TicketView ticket = tickets.record(by, new RecordTicket(type, categoryId, priority, null, Channel.PHONE,
				call.customerId(), call.caller(), address, description, call.caller(), call.contactId(),
				"contact-" + call.contactId() + "-" + type));
		noteOnContact(call.contactId(), description, staffId, by);
		return ticket;
	}

	/** Records an inquiry answered during the call (all four marks at once), in one transaction. */
	@Transactional
	TicketView answeredInCall(long callId, String question, String answer, long staffId, Actor by) {
		CallContact call = call(callId).orElseThrow(() -> HeatDeskException.notFound("CALL_NOT_FOUND"));
		TicketView ticket = tickets.answerInCall(by, new RecordTicket(TicketType.INQUIRY, null, Priority.NORMAL, null,
				Channel.PHONE, call.customerId(), call.caller(), null, question,
				call.caller(), call.contactId(), "contact-" + call.contactId() + "-answered"), answer);
		noteOnContact(call.contactId(), question, staffId, by);
		return ticket;
	}

	/**
	 * Links the call to an open ticket: it appears on the ticket's timeline. The ticket exists
	 * already, so the contact's own row takes its number here, replacing any other.
	 */
	@Transactional
	void linkCall(long callId, String ticketNo, String summary, long staffId, Actor by) {
		CallContact call = call(callId).orElseThrow(() -> HeatDeskException.notFound("CALL_NOT_FOUND"));
		tickets.noteContact(by, ticketNo, call.contactId(), summary);
		attachTicket(call.contactId(), ticketNo, summary, staffId, by);
	}

	/** Logs an outbound call-back made for a ticket, as a contact linked to it. */
	@Transactional
	long logCallback(String ticketNo, String phone, String summary, long staffId, Actor by) {
		TicketView ticket = ticketQueries.find(by, ticketNo).orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND"));
		String s = required(summary, "summary", 2000, "CONTACT_SUMMARY_REQUIRED");
		long contactId = insertContact(Channel.PHONE, "OUTBOUND", ticket.customerId(), phone, null, s, staffId, null, null,
				null, by);
		tickets.noteContact(by, ticketNo, contactId, s);
		attachTicket(contactId, ticketNo, s, staffId, by);
		return contactId;
	}

	/**
	 * Registers a letter, visit, online request or 12345 transfer and records its ticket with that
	 * channel, in one transaction: a refusal (here or by the ticket module) leaves nothing behind. The
	 * contact takes the ticket's number once this commits ({@link ContactTicketLinks}).
	 * @throws HeatDeskException for a missing channel, summary, caller, or (12345) case number and deadline
	 */
	@Transactional
	TicketView register(Registration r, long staffId, Actor by) {
		if (r.channel() == null || r.channel() == Channel.PHONE) {
			throw HeatDeskException.badInput("CONTACT_CHANNEL_REQUIRED", "channel");
		}
		String summary = required(r.summary(), "summary", 2000, "CONTACT_SUMMARY_REQUIRED");
		String phone = InputChecks.trim(r.phone());
		Long customerId = null;
		if (InputChecks.trim(r.accountNo()) != null) {
			customerId = customers.findByAccountNo(r.accountNo())
				.map(CustomerView::id)
				.orElseThrow(() -> HeatDeskException.badInput("CUSTOMER_NOT_FOUND", "accountNo"));
		}
		if (customerId == null && phone == null) {
			throw HeatDeskException.badInput("CONTACT_PHONE_OR_CUSTOMER_REQUIRED", "phone");
		}
		String caseNo = InputChecks.trim(r.hotlineCaseNo());
		if (r.channel() == Channel.HOTLINE_12345) {
			if (caseNo == null || r.replyDueAt() == null) {
				throw HeatDeskException.badInput("CONTACT_HOTLINE_CASE_REQUIRED", caseNo == null ? "hotlineCaseNo" : "replyDueAt");
			}
			if (caseNo.length() > 60) {
				throw HeatDeskException.badInput("TOO_LONG", "hotlineCaseNo", 60);
			}
			Long taken = jdbc.sql("select count(*) from contact_contact where hotline_case_no = ?").param(caseNo)
				.query(Long.class).single();
			if (taken > 0) {
				throw HeatDeskException.badInput("CONTACT_HOTLINE_CASE_TAKEN", "hotlineCaseNo", caseNo);
			}
		}
		else {
			caseNo = null;
		}
		String name = InputChecks.trim(r.name());
		if (name != null && name.length() > 60) {
			throw HeatDeskException.badInput("TOO_LONG", "name", 60);
		}
		if (phone != null && phone.length() > 30) {
			throw HeatDeskException.badInput("TOO_LONG", "phone", 30);
		}
		String address = InputChecks.trim(r.address());
		if (address != null && address.length() > 200) {
			throw HeatDeskException.badInput("TOO_LONG", "address", 200);
		}
		boolean hotline = r.channel() == Channel.HOTLINE_12345;
		if (hotline && r.handedOverAt() != null && r.handedOverAt().isAfter(clock.instant().plus(settings.futureTolerance()))) {
			throw HeatDeskException.badInput("CONTACT_HANDED_OVER_IN_FUTURE", "handedOverAt");
		}
		long contactId = insertContact(r.channel(), "INBOUND", customerId, phone, name, summary, staffId, caseNo,
				hotline ? r.replyDueAt() : null, hotline ? r.handedOverAt() : null, by);
		TicketView ticket = tickets.record(by, new RecordTicket(r.type() == null ? TicketType.INQUIRY : r.type(), null,
				r.priority(), null, r.channel(), customerId, customerId == null ? phone : null, address, summary, phone,
				contactId, ticketKey(contactId)));
		// the contact's link to the ticket follows from TicketRecorded (ContactTicketLinks)
		return ticket;
	}

	/** The idempotency key of the ticket registered for a contact (one per contact). */
	static String ticketKey(long contactId) {
		return "contact-" + contactId;
	}

	long insertContact(Channel channel, String direction, Long customerId, String phone, String name, String summary,
			long staffId, String caseNo, Instant replyDue, Instant handedOverAt, Actor by) {
		Instant now = clock.instant();
		return tx.execute(status -> {
		long id = jdbc.sql("""
				insert into contact_contact (channel, direction, customer_id, phone, name, summary, staff_id,
				                             hotline_case_no, reply_due_at, handed_over_at, occurred_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(channel.name(), direction, customerId, phone, name, summary, staffId, caseNo,
					replyDue == null ? null : Timestamp.from(replyDue),
					handedOverAt == null ? null : Timestamp.from(handedOverAt), Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("channel", channel.name());
		after.put("direction", direction);
		after.put("customerId", customerId);
		after.put("hotlineCaseNo", caseNo);
		if (handedOverAt != null) {
			after.put("handedOverAt", handedOverAt.toString());
		}
		audit.record(by, "CONTACT_REGISTERED", "contact", id, null, after);
		return id;
		});
	}

	/** The contact's own summary and agent, from the ticket recorded for it, where the contact has none yet. */
	private void noteOnContact(long contactId, String summary, long staffId, Actor by) {
		String s = clip(summary);
		Map<String, Object> before = jdbc.sql("select summary, staff_id from contact_contact where id = ? for update")
			.param(contactId).query().singleRow();
		if (before.get("summary") != null && before.get("staff_id") != null) {
			return;
		}
		jdbc.sql("update contact_contact set summary = coalesce(summary, ?), staff_id = coalesce(staff_id, ?) where id = ?")
			.params(s, staffId, contactId)
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("summary", before.get("summary") != null ? before.get("summary") : s);
		after.put("staffId", before.get("staff_id") != null ? before.get("staff_id") : staffId);
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("summary", before.get("summary"));
		was.put("staffId", before.get("staff_id"));
		audit.record(by, "CONTACT_NOTED", "contact", contactId, was, after);
	}

	/** Links the contact to an existing ticket (inside the caller's transaction). */
	private void attachTicket(long contactId, String ticketNo, String summary, Long staffId, Actor by) {
		jdbc.sql("""
				update contact_contact set ticket_no = ?, summary = coalesce(summary, ?),
				       staff_id = coalesce(staff_id, ?) where id = ?""")
			.params(ticketNo, clip(summary), staffId, contactId)
			.update();
		audit.record(by, "CONTACT_TICKET_LINKED", "contact", contactId, null, Map.of("ticketNo", ticketNo));
	}

	private static String clip(String summary) {
		return summary == null ? null : summary.length() > 2000 ? summary.substring(0, 2000) : summary;
	}

	private static ContactRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ContactRow(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("direction"),
				(Long) rs.getObject("customer_id"), rs.getString("phone"), rs.getString("name"), rs.getString("summary"),
				null, rs.getString("ticket_no"), rs.getString("hotline_case_no"),
				rs.getTimestamp("reply_due_at") == null ? null : rs.getTimestamp("reply_due_at").toInstant(),
				rs.getTimestamp("occurred_at").toInstant(), (Long) rs.getObject("call_id"));
	}

	/** A required text with the contact's own refusal code when it is missing. */
	private static String required(String value, String field, int max, String code) {
		if (InputChecks.blank(value)) {
			throw HeatDeskException.badInput(code, field);
		}
		return InputChecks.maxLength(value.strip(), field, max);
	}

}
