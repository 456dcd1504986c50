package org.heatdesk.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.customer.Customers;
import org.heatdesk.customer.MessageRecipient;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door of messages to customers: a message is queued in the caller's transaction (the
 * outbox), so it exists exactly when the change that causes it was committed, and is delivered
 * after it. Where it goes is decided now and kept: the customer's first mobile number, or a row
 * {@code SKIPPED} with the reason when the customer opted out or has no mobile, so that "why did
 * the customer hear nothing" has an answer.
 */
@Service
@EnableConfigurationProperties(NotificationProperties.class)
public class CustomerMessages {

	/** The channel every message takes today; templates are kept per channel so that another can be added. */
	static final String SMS = "SMS";

	private final JdbcClient jdbc;

	private final TemplateStore templates;

	private final Customers customers;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Company company;

	private final QuietHours quiet;

	private final String signature;

	CustomerMessages(JdbcClient jdbc, TemplateStore templates, Customers customers, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, Company company, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.customers = customers;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.company = company;
		this.quiet = new QuietHours(properties.quietStart(), properties.quietEnd(), company.zone());
		this.signature = properties.signature().isBlank() ? "【" + company.shortName() + "】" : properties.signature();
	}

	/**
	 * Queues one message in the caller's transaction, rendered now from the kind's approved SMS
	 * template. With a {@code dedupKey} used before, the first message is returned and nothing is
	 * written. Audited ({@code NOTIFICATION_QUEUED}) when a person queues it; the system's messages
	 * are the record of the change that caused them.
	 * @throws HeatDeskException 400 {@code NOTIFICATION_VALUE_MISSING} (the placeholder as the field),
	 *         {@code NOTIFICATION_RECIPIENT_REQUIRED}, {@code CUSTOMER_NOT_FOUND}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Queued queue(Actor by, MessageRequest request) {
		if (request.kind() == null) {
			throw HeatDeskException.badInput("REQUIRED", "kind");
		}
		// a key used before is found by the insert's conflict (below): no look-up first on the path of every ticket
		Rendered text = render(request.kind(), request.values());
		String body = text.body();
		Recipient to = recipient(request);
		Instant now = clock.instant();
		Instant notBefore = notBefore(request.urgent(), now);
		Long id = jdbc.sql("""
				insert into notification_message (kind, channel, customer_id, phone, ticket_no, template_id, body, status,
				    skip_reason, urgent, dedup_key, not_before, queued_at, queued_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (dedup_key) do nothing
				returning id
				""")
			.params(request.kind().name(), SMS, request.customerId(), to.phone(), InputChecks.trim(request.ticketNo()),
					text.templateId(), body, to.skipReason() == null ? "QUEUED" : "SKIPPED", to.skipReason(), request.urgent(),
					request.dedupKey(), Timestamp.from(notBefore), Timestamp.from(now), by.name())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			// the key was used before (a repeated request or event): the first message, nothing written
			return byKey(request.dedupKey());
		}
		Queued queued = new Queued(id, to.skipReason() == null ? "QUEUED" : "SKIPPED", to.skipReason());
		if (!by.system()) {
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("kind", request.kind());
			after.put("ticketNo", request.ticketNo());
			after.put("status", queued.status());
			after.put("skipReason", queued.skipReason());
			after.put("body", body);
			audit.record(by, "NOTIFICATION_QUEUED", "notification_message", id, null, after);
		}
		if (to.skipReason() == null) {
			events.publishEvent(new MessagesQueued(1, notBefore));
		}
		return queued;
	}

	/** A message's text as it will be sent, and the template it was written from. */
	record Rendered(long templateId, String body) {
	}

	/** The text of a message of this kind with these values, as {@link #queue} writes it (for broadcasts and previews). */
	Rendered render(MessageKind kind, Map<String, String> given) {
		TemplateStore.Approved template = templates.approved(kind, SMS)
			.orElseThrow(() -> new IllegalStateException("no approved template for " + kind));
		return new Rendered(template.id(), signature + TemplateText.render(template.body(), values(given)));
	}

	/** The signature put before every message. */
	String signature() {
		return signature;
	}

	/** When a message queued now may go. */
	/** The clock's instant (a bulk request stamps its rows with one). */
	Instant now() {
		return clock.instant();
	}

	Instant notBefore(boolean urgent) {
		return notBefore(urgent, clock.instant());
	}

	private Instant notBefore(boolean urgent, Instant now) {
		return urgent ? now : quiet.earliest(now);
	}

	/** Tells the delivery that messages wait (a broadcast written in bulk). */
	void queued(int count, Instant earliest) {
		if (count > 0) {
			events.publishEvent(new MessagesQueued(count, earliest));
		}
	}

	/** The messages about this ticket, oldest first, numbers masked. */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<MessageView> forTicket(String ticketNo) {
		return jdbc.sql(VIEW + " where ticket_no = ? order by id").param(ticketNo).query(CustomerMessages::view).list();
	}

	static final String VIEW = """
			select id, kind, ticket_no, phone, body, status, skip_reason, attempts, queued_at, not_before, sent_at, last_error
			  from notification_message
			""";

	static MessageView view(ResultSet rs, int n) throws SQLException {
		String phone = rs.getString("phone");
		return new MessageView(rs.getLong("id"), MessageKind.valueOf(rs.getString("kind")), rs.getString("ticket_no"),
				phone == null ? null : Customers.maskPhone(phone), rs.getString("body"), rs.getString("status"),
				rs.getString("skip_reason"), rs.getInt("attempts"), instant(rs, "queued_at"), instant(rs, "not_before"),
				instant(rs, "sent_at"), rs.getString("last_error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private Queued byKey(String key) {
		return jdbc.sql("select id, status, skip_reason from notification_message where dedup_key = ?")
			.param(key)
			.query((rs, n) -> new Queued(rs.getLong("id"), rs.getString("status"), rs.getString("skip_reason")))
			.optional()
			.orElse(null);
	}

	private Map<String, String> values(Map<String, String> given) {
		Map<String, String> all = new HashMap<>();
		if (given != null) {
			all.putAll(given);
		}
		all.putIfAbsent("hotline", company.hotline());
		all.putIfAbsent("company", company.shortName());
		return all;
	}

	/** The number a message goes to, or why it goes nowhere. */
	record Recipient(String phone, String skipReason) {
	}

	private Recipient recipient(MessageRequest request) {
		if (request.customerId() != null) {
			MessageRecipient r = customers.messageRecipient(request.customerId())
				.orElseThrow(() -> HeatDeskException.badInput("CUSTOMER_NOT_FOUND", "customerId"));
			if (r.optedOut()) {
				return new Recipient(r.mobile(), "OPTED_OUT");
			}
			return r.mobile() == null ? new Recipient(null, "NO_MOBILE") : new Recipient(r.mobile(), null);
		}
		String phone = InputChecks.trim(request.phone());
		if (phone == null) {
			throw HeatDeskException.badInput("NOTIFICATION_RECIPIENT_REQUIRED", "customerId");
		}
		String mobile = Mobile.of(phone);
		return mobile == null ? new Recipient(phone.length() > 20 ? phone.substring(0, 20) : phone, "NO_MOBILE")
				: new Recipient(mobile, null);
	}
}
