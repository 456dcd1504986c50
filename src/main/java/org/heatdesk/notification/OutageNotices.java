package org.heatdesk.notification;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.customer.Customers;
import org.heatdesk.customer.MessageRecipient;
import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageExtended;
import org.heatdesk.network.OutageKind;
import org.heatdesk.network.OutageNoticeCounts;
import org.heatdesk.network.OutagePublished;
import org.heatdesk.network.OutageRestored;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Company;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every customer of the communities an outage cuts off: when it is published, extended and
 * restored. Heard in the publishing transaction and written there through {@link BulkMessages} (one
 * text per community, rendered once, one JDBC batch): 20,000 customers are a few seconds of inserts, not 20,000 round trips
 * of {@link CustomerMessages#queue}. Sending them at a pace the gateway takes is the delivery's.
 * <p>
 * Urgent (sent in the quiet hours too): a fault published now — people must know tonight why the
 * radiator is cold. A planned outage, an extension and the restoration wait for the morning.
 * Dedup key: kind, outage (and the new restore time of an extension), customer.
 */
@Component
class OutageNotices implements OutageNoticeCounts {

	private static final Actor SYSTEM = Actor.system("notification");

	private static final Locale CUSTOMER = Locale.SIMPLIFIED_CHINESE;

	private final Customers customers;

	private final Network network;

	private final BulkMessages bulk;

	private final JdbcClient jdbc;

	private final Company company;

	private final MessageSource texts;

	OutageNotices(Customers customers, Network network, BulkMessages bulk, JdbcClient jdbc, Company company,
			MessageSource texts) {
		this.customers = customers;
		this.network = network;
		this.bulk = bulk;
		this.jdbc = jdbc;
		this.company = company;
		this.texts = texts;
	}

	@EventListener
	void on(OutagePublished e) {
		String reason = e.title();
		broadcast(MessageKind.OUTAGE_PUBLISHED, e.outageId(), "", e.kind() == OutageKind.FAULT,
				Map.of("reason", reason, "until", when(e.expectedRestoreAt())));
	}

	@EventListener
	void on(OutageExtended e) {
		broadcast(MessageKind.OUTAGE_EXTENDED, e.outageId(), e.expectedRestoreAt().toEpochMilli() + ":", false,
				Map.of("until", when(e.expectedRestoreAt())));
	}

	@EventListener
	void on(OutageRestored e) {
		broadcast(MessageKind.OUTAGE_RESTORED, e.outageId(), "", false, Map.of());
	}

	/** The messages written; the customers are read community by community, each community's text rendered once. */
	int broadcast(MessageKind kind, long outageId, String keyPart, boolean urgent, Map<String, String> values) {
		return tell(kind, outageId, keyPart, urgent, values, network.communitiesAffectedBy(outageId));
	}

	/** {@link #broadcast} to these communities: one bulk request per community, its text rendered once. */
	int tell(MessageKind kind, long outageId, String keyPart, boolean urgent, Map<String, String> values,
			List<CommunityView> communities) {
		String prefix = kind.name() + ":" + outageId + (keyPart.isEmpty() ? "" : ":" + keyPart.substring(0, keyPart.length() - 1));
		int written = 0;
		for (CommunityView c : communities) {
			Map<String, String> v = new HashMap<>(values);
			v.put("community", c.name());
			List<MessageRecipient> recipients = new ArrayList<>();
			customers.forEachMessageRecipient(List.of(c.id()), recipients::add);
			if (!recipients.isEmpty()) {
				BulkMessages.Counts counts = bulk.queueBulk(SYSTEM, kind, recipients, v, prefix, outageId, urgent);
				written += counts.queued() + counts.skipped();
			}
		}
		return written;
	}

	/** The restore time as the customer reads it, with its date (the message may be read the next morning): 12月1日 18:00. */
	private String when(Instant at) {
		ZonedDateTime t = at.atZone(company.zone());
		return texts.getMessage("notification.window.date",
				new Object[] { String.format("%02d:%02d", t.getHour(), t.getMinute()), t.getMonthValue(), t.getDayOfMonth() },
				CUSTOMER);
	}

	@Override
	public Optional<Counts> counts(long outageId) {
		Map<String, Long> by = new HashMap<>();
		jdbc.sql("select status, count(*) n from notification_message where outage_id = ? group by status")
			.param(outageId)
			.query((rs, n) -> by.put(rs.getString("status"), rs.getLong("n")))
			.list();
		if (by.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Counts(by.getOrDefault("QUEUED", 0L) + by.getOrDefault("SENDING", 0L),
				by.getOrDefault("SENT", 0L), by.getOrDefault("SKIPPED", 0L), by.getOrDefault("FAILED", 0L)));
	}

}
