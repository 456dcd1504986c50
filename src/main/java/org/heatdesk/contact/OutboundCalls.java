package org.heatdesk.contact;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.heatdesk.contact.cti.Dialler;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls made from the desk to a customer (follow-up, call-back). Starting one records an
 * {@code OUTBOUND} contact linked to the ticket (as a logged call-back is) and a dial request; the
 * switch's call ({@code "direction":"OUTBOUND"} on its first event) is then matched to the request
 * by extension and number, so its talk time and recording belong to this contact. With a switch
 * adapter that can place calls (AMI {@code Originate}) the call is placed after the request
 * commits; without one the agent dials on the desk phone.
 */
@Service
public class OutboundCalls {

	private static final Logger log = LoggerFactory.getLogger(OutboundCalls.class);

	/** A number the switch can dial: digits with {@code +}, {@code -} and spaces, 5 to 20 digits. */
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9\\- ]{3,24}");

	private static final int MAX_PURPOSE = 200;

	private final JdbcClient jdbc;

	private final Contacts contacts;

	private final Staff staff;

	private final Customers customers;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	private final Optional<Dialler> dialler;

	private final TransactionTemplate separately;

	OutboundCalls(JdbcClient jdbc, Contacts contacts, Staff staff, Customers customers, AuditTrail audit,
			MessageSource messages, Clock clock, Optional<Dialler> dialler, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.staff = staff;
		this.customers = customers;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.dialler = dialler;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Starts a call from the staff member's extension: records an OUTBOUND contact (linked to the
	 * ticket) and a dial request; with the Asterisk adapter configured it originates the call (AMI
	 * Originate) once this commits, otherwise the agent dials on the desk phone. The reveal of the
	 * number is logged in the customer's access log. One transaction: a refusal leaves nothing.
	 * @param phone the number to call; {@code null}: the customer's first phone
	 * @param purpose why the customer is called (the contact's summary), at most 200 characters
	 * @throws HeatDeskException 400 {@code CONTACT_NO_EXTENSION} when the staff member has no extension,
	 *         {@code CONTACT_STAFF_UNKNOWN}, {@code CONTACT_TICKET_REQUIRED}, {@code CONTACT_PHONE_FORMAT},
	 *         {@code CONTACT_PHONE_OR_CUSTOMER_REQUIRED}, {@code CONTACT_PURPOSE_REQUIRED}, {@code TOO_LONG};
	 *         404 {@code TICKET_NOT_FOUND}, {@code CUSTOMER_NOT_FOUND}
	 */
	@Transactional
	public OutboundCall start(Actor by, long staffId, String ticketNo, Long customerId, String phone, String purpose) {
		StaffView caller = staff.find(staffId).filter(StaffView::active)
			.orElseThrow(() -> HeatDeskException.badInput("CONTACT_STAFF_UNKNOWN", "staffId"));
		String extension = InputChecks.trim(caller.extension());
		if (extension == null) {
			throw HeatDeskException.badInput("CONTACT_NO_EXTENSION", "staffId", caller.displayName());
		}
		String ticket = InputChecks.trim(ticketNo);
		if (ticket == null) {
			throw HeatDeskException.badInput("CONTACT_TICKET_REQUIRED", "ticketNo");
		}
		InputChecks.maxLength(ticket, "ticketNo", 40);
		String why = InputChecks.trim(purpose);
		if (why == null) {
			throw HeatDeskException.badInput("CONTACT_PURPOSE_REQUIRED", "purpose");
		}
		why = InputChecks.maxLength(InputChecks.text(why, "purpose"), "purpose", MAX_PURPOSE);
		String number = InputChecks.trim(phone);
		if (number != null && !isPhone(number)) {
			throw HeatDeskException.badInput("CONTACT_PHONE_FORMAT", "phone");
		}
		if (customerId != null) {
			// the agent is about to hear and dial the full number: a reveal, with the ticket as reason
			List<String> phones = customers.revealPhonesFor(customerId,
					messages.getMessage("outbound.reveal.reason", new Object[] { ticket, why }, Locale.SIMPLIFIED_CHINESE));
			if (number == null && !phones.isEmpty()) {
				number = phones.get(0);
			}
		}
		if (number == null) {
			throw HeatDeskException.badInput("CONTACT_PHONE_OR_CUSTOMER_REQUIRED", "phone");
		}
		long contactId = contacts.logCallback(ticket, number, why, staffId, by);
		Instant now = clock.instant();
		long dialId = jdbc.sql("""
				insert into contact_dial (contact_id, staff_id, extension, number, number_digits, ticket_no, purpose,
				                          created_at, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN') returning id""")
			.params(contactId, staffId, extension, number, CallRecorder.digits(number), ticket, why, Timestamp.from(now))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("dialId", dialId);
		after.put("ticketNo", ticket);
		after.put("staffId", staffId);
		after.put("extension", extension);
		after.put("phone", Phone.masked(number));
		after.put("purpose", why);
		after.put("originate", dialler.isPresent());
		audit.record(by, "CONTACT_OUTBOUND_STARTED", "contact", contactId, null, after);
		Dialler.DialOrder order = new Dialler.DialOrder(dialId, extension, number);
		dialler.ifPresent(d -> originateAfterCommit(d, order));
		return find(contactId).orElseThrow();
	}

	static boolean isPhone(String number) {
		if (!PHONE.matcher(number).matches()) {
			return false;
		}
		int digits = CallRecorder.digits(number).length();
		return digits >= 5 && digits <= 20;
	}

	/** The switch is asked only for a request that exists: after the commit, never for one rolled back. */
	private void originateAfterCommit(Dialler d, Dialler.DialOrder order) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				boolean sent;
				try {
					sent = d.originate(order);
				}
				catch (RuntimeException e) {
					log.warn("originate of dial {} failed: {}", order.dialId(), e.toString());
					sent = false;
				}
				String outcome = sent ? "SENT" : "FAILED";
				separately.executeWithoutResult(s -> jdbc.sql("update contact_dial set originate = ? where id = ?")
					.params(outcome, order.dialId())
					.update());
			}
		});
	}

	/**
	 * A call made from the desk, by its contact: the one {@link #start} recorded, or the contact of an
	 * outbound call the switch reported without a request. Empty for any other contact.
	 */
	@Transactional(readOnly = true)
	public Optional<OutboundCall> find(long contactId) {
		Instant now = clock.instant();
		return jdbc.sql("""
				select k.id, coalesce(d.ticket_no, k.ticket_no) as ticket_no, coalesce(d.extension, c.ringing_ext) as extension,
				       coalesce(d.number, k.phone, c.dialled) as number, coalesce(d.created_at, c.first_ring_at, k.occurred_at) as started_at,
				       d.id as dial_id, c.id as call_id, c.status, c.answered_at, c.ended_at, c.talk_ms, c.recording_url,
				       c.last_event_at
				from contact_contact k
				left join contact_dial d on d.contact_id = k.id
				left join lateral (select * from contact_call x where x.contact_id = k.id order by x.id desc limit 1) c on true
				where k.id = ? and k.direction = 'OUTBOUND' and (d.id is not null or c.id is not null)""")
			.param(contactId)
			.query((rs, n) -> {
				Instant started = SqlValues.instant(rs, "started_at");
				String callStatus = rs.getString("status");
				Instant answered = SqlValues.instant(rs, "answered_at");
				Instant ended = SqlValues.instant(rs, "ended_at");
				if (ended == null && "SWEPT".equals(callStatus)) {
					ended = SqlValues.instant(rs, "last_event_at");
				}
				Long talk = (Long) rs.getObject("talk_ms");
				return new OutboundCall(rs.getLong("id"), rs.getString("ticket_no"), rs.getString("extension"),
						Phone.masked(rs.getString("number")), status(callStatus, answered, started, now), started,
						answered, ended, talk == null ? null : talk / 1000, rs.getString("recording_url") != null,
						(Long) rs.getObject("call_id"));
			})
			.optional();
	}

	/** The dial request's staff member, who hears of the call's changes on the desk. */
	Optional<Long> staffOf(long contactId) {
		return jdbc.sql("select staff_id from contact_dial where contact_id = ?").param(contactId).query(Long.class)
			.optional()
			.or(() -> jdbc.sql("select staff_id from contact_contact where id = ? and staff_id is not null")
				.param(contactId).query(Long.class).optional());
	}

	private static String status(String callStatus, Instant answered, Instant started, Instant now) {
		if (callStatus == null) {
			// asked, but the switch never reported the call: after the matching window, nobody was reached
			return started != null && now.isAfter(started.plus(CallRecorder.DIAL_WINDOW)) ? "NO_ANSWER" : "DIALLING";
		}
		return switch (callStatus) {
			case "RINGING" -> "DIALLING";
			case "TALKING" -> "TALKING";
			default -> answered != null ? "ENDED" : "NO_ANSWER";
		};
	}
}
