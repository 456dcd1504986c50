package org.heatdesk.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.notification.CustomerMessages;
import org.heatdesk.notification.MessageKind;
import org.heatdesk.notification.MessageRequest;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.ticket.Attachments;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.TicketView;
import org.heatdesk.ticket.Tickets;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request made online (repair, complaint, inquiry, suggestion) becomes a ticket of channel
 * {@code ONLINE} through the ticket module's front door, with the same marks and deadlines as any
 * other: recorded in the name of the configured receiver ({@link PortalRequestSettings#receiver()}),
 * who is its first responder, once the phone is confirmed by a one-time code. The customer sees the
 * number at once and is sent it. Everything is checked before anything is written, and the ticket,
 * its photos, the request's row and the message are one transaction: a refusal writes nothing but the
 * code's counted try.
 */
@Service
class PortalRequests {

	/** The types a customer may choose (a praise goes through the hotline). */
	static final List<TicketType> TYPES = List.of(TicketType.REPAIR, TicketType.COMPLAINT, TicketType.INQUIRY,
			TicketType.SUGGESTION);

	private final Tickets tickets;

	private final Attachments attachments;

	private final Customers customers;

	private final CustomerMessages messages;

	private final OneTimeCodes codes;

	private final PortalRateLimits limits;

	private final PortalRequestSettings settings;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MessageSource text;

	private final TransactionTemplate tx;

	PortalRequests(Tickets tickets, Attachments attachments, Customers customers, CustomerMessages messages,
			OneTimeCodes codes, PortalRateLimits limits, PortalRequestSettings settings, AuditTrail audit, JdbcClient jdbc,
			Clock clock, MessageSource text, PlatformTransactionManager transactions) {
		this.tickets = tickets;
		this.attachments = attachments;
		this.customers = customers;
		this.messages = messages;
		this.codes = codes;
		this.limits = limits;
		this.settings = settings;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.text = text;
		this.tx = new TransactionTemplate(transactions);
	}

	/** What the customer filled in. {@code idempotencyKey}: the form's own, so that a double submit records one ticket. */
	record PortalRequestForm(String type, String accountNo, String address, String phone, String code,
			String description, String idempotencyKey) {
	}

	/** The request's ticket number, the phone it was confirmed with (masked), and whether it was a repeat. */
	record PortalRequestReceipt(String ticketNo, String maskedPhone, TicketType type, boolean repeated) {
	}

	/**
	 * Records the request.
	 * @param client the client's address (rate limits per address)
	 * @throws HeatDeskException 400 for a missing or malformed field (named) or a wrong code; 429
	 *     {@code PORTAL_RATE_LIMITED}; 503 {@code PORTAL_RECEIVER_UNAVAILABLE} when nobody may receive it
	 */
	PortalRequestReceipt submit(PortalRequestForm form, List<PortalRequestPhoto> given, String client) {
		if (form == null) {
			throw HeatDeskException.badInput("REQUIRED", "type");
		}
		TicketType type = type(form.type());
		String accountNo = InputChecks.optional(PortalMasks.text(form.accountNo(), "accountNo"), "accountNo", 40);
		String address = InputChecks.optional(PortalMasks.text(form.address(), "address"), "address", 200);
		if (accountNo == null && address == null) {
			throw HeatDeskException.badInput("PORTAL_PLACE_REQUIRED", "address");
		}
		String phone = OneTimeCodes.mobile(form.phone());
		String description = InputChecks.required(PortalMasks.text(form.description(), "description"), "description", 2000);
		String key = InputChecks.optional(PortalMasks.text(form.idempotencyKey(), "idempotencyKey"), "idempotencyKey", 60);
		List<PortalRequestPhoto> photos = PortalRequestPhoto.check(given, settings.photosPerRequest(),
				settings.photoMaxBytes());
		String storedKey = key == null ? null : phone + ":" + key;
		if (storedKey != null) {
			Optional<PortalRequestReceipt> before = byKey(storedKey);
			if (before.isPresent()) {
				return before.get();
			}
		}
		// a look at the limits before the code's try is counted; counted for good with the request below
		limits.check(PortalRateLimits.Kind.REQUEST, PortalRateLimits.phone(phone), settings.requestsPerPhone(), "phone");
		limits.check(PortalRateLimits.Kind.REQUEST, PortalRateLimits.address(client), settings.requestsPerAddress(), null);
		long codeId = codes.check(phone, form.code());
		try {
			return tx.execute(s -> record(type, accountNo, address, phone, description, storedKey, photos, codeId, client));
		}
		catch (HeatDeskException e) {
			if ("FORBIDDEN".equals(e.code())) {
				// the ticket module refuses an unknown or inactive receiver as it would any stranger
				throw new HeatDeskException(HttpStatus.SERVICE_UNAVAILABLE, "PORTAL_RECEIVER_UNAVAILABLE", null);
			}
			throw e;
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			// the same form submitted twice at the same instant: the other submission recorded it
			return byKey(storedKey).orElseThrow(() -> e);
		}
	}

	/** A request of the demo data, recorded as a customer's would be (in the caller's transaction). */
	PortalRequestReceipt demo(TicketType type, String accountNo, String address, String phone, String description) {
		long codeId = codes.issueUnsent(phone);
		return record(type, accountNo, address, OneTimeCodes.mobile(phone), description, null, List.of(), codeId, "demo");
	}

	private PortalRequestReceipt record(TicketType type, String accountNo, String address, String phone,
			String description, String storedKey, List<PortalRequestPhoto> photos, long codeId, String client) {
		limits.check(PortalRateLimits.Kind.REQUEST, PortalRateLimits.phone(phone), settings.requestsPerPhone(), "phone");
		limits.check(PortalRateLimits.Kind.REQUEST, PortalRateLimits.address(client), settings.requestsPerAddress(), null);
		codes.use(codeId);
		Instant now = clock.instant();
		// an account number nobody has is not refused (that would tell who is a customer): the ticket
		// keeps what was typed and the agent finds the customer
		Optional<CustomerView> customer = accountNo == null ? Optional.empty() : customers.findByAccountNo(accountNo);
		String place = address;
		if (customer.isEmpty() && accountNo != null) {
			String typed = text.getMessage("portal.request.accountTyped", new Object[] { accountNo }, Locale.SIMPLIFIED_CHINESE);
			place = address == null ? typed : limit(address + " " + typed, 200);
		}
		Long customerId = customer.map(CustomerView::id).orElse(null);
		RecordTicket command = new RecordTicket(type, null, null, null, Channel.ONLINE, customerId, phone, place,
				description, phone, null, storedKey == null ? null : "portal:" + storedKey);
		TicketView ticket = tickets.record(Actor.person(settings.receiver(), null), command);
		for (PortalRequestPhoto p : photos) {
			attachments.attachFromCustomer(OneTimeCodes.SYSTEM, ticket.ticketNo(), p.fileName(), p.bytes());
		}
		jdbc.sql("""
				insert into portal_request (ticket_no, ticket_type, phone, account_no, address, customer_id, photos,
				  submitted_at, client, code_id, idempotency_key)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ticket.ticketNo(), type.name(), phone, accountNo, address, customerId, photos.size(), SqlValues.ts(now),
					client == null || client.length() <= 64 ? client : client.substring(0, 64), codeId, storedKey)
			.update();
		limits.record(PortalRateLimits.Kind.REQUEST, PortalRateLimits.phone(phone), PortalRateLimits.address(client));
		tellNumber(ticket.ticketNo(), phone);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("ticketNo", ticket.ticketNo());
		after.put("type", type.name());
		after.put("phone", Customers.maskPhone(phone));
		after.put("customerFound", customerId != null);
		after.put("photos", photos.size());
		after.put("receiver", settings.receiver());
		audit.record(OneTimeCodes.SYSTEM, "PORTAL_REQUEST_SUBMITTED", "ticket", ticket.ticketNo(), null, after);
		return new PortalRequestReceipt(ticket.ticketNo(), Customers.maskPhone(phone), type, false);
	}

	/**
	 * Sends the number to the confirmed phone, unless the ticket module's own message already took
	 * it there (a repair or complaint of a caller without a customer, or a customer whose mobile it is).
	 */
	private void tellNumber(String ticketNo, String phone) {
		String masked = Customers.maskPhone(phone);
		boolean told = messages.forTicket(ticketNo)
			.stream()
			.anyMatch(m -> m.kind() == MessageKind.TICKET_RECORDED && !"SKIPPED".equals(m.status())
					&& masked.equals(m.maskedPhone()));
		if (told) {
			return;
		}
		messages.queue(OneTimeCodes.SYSTEM, new MessageRequest(MessageKind.PORTAL_REQUEST_RECORDED, null, phone, ticketNo,
				Map.of("ticketNo", ticketNo), "PORTAL_REQUEST_RECORDED:" + ticketNo, false));
	}

	private Optional<PortalRequestReceipt> byKey(String storedKey) {
		return jdbc.sql("select ticket_no, phone, ticket_type from portal_request where idempotency_key = ?")
			.param(storedKey)
			.query((rs, n) -> new PortalRequestReceipt(rs.getString("ticket_no"), Customers.maskPhone(rs.getString("phone")),
					TicketType.valueOf(rs.getString("ticket_type")), true))
			.optional();
	}

	static TicketType type(String value) {
		if (value == null || value.isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", "type");
		}
		for (TicketType t : TYPES) {
			if (t.name().equals(value.strip())) {
				return t;
			}
		}
		throw HeatDeskException.badInput("PORTAL_REQUEST_TYPE", "type");
	}

	private static String limit(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
