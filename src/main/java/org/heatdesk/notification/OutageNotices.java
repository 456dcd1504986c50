package org.heatdesk.notification;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
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
import org.heatdesk.platform.Company;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every customer of the communities an outage cuts off: when it is published, extended and
 * restored. Heard in the publishing transaction and written there in JDBC batches (one text per
 * community, rendered once): 20,000 customers are a few seconds of inserts, not 20,000 round trips
 * of {@link CustomerMessages#queue}. Sending them at a pace the gateway takes is the delivery's.
 * <p>
 * Urgent (sent in the quiet hours too): a fault published now — people must know tonight why the
 * radiator is cold. A planned outage, an extension and the restoration wait for the morning.
 * Dedup key: kind, outage (and the new restore time of an extension), customer.
 */
@Component
class OutageNotices implements OutageNoticeCounts {

	static final int BATCH = 1000;

	private static final Locale CUSTOMER = Locale.SIMPLIFIED_CHINESE;

	private final CustomerMessages messages;

	private final Customers customers;

	private final Network network;

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final Company company;

	private final MessageSource texts;

	private final java.time.Clock clock;

	OutageNotices(CustomerMessages messages, Customers customers, Network network, JdbcTemplate jdbcTemplate, JdbcClient jdbc,
			Company company, MessageSource texts, java.time.Clock clock) {
		this.clock = clock;
		this.messages = messages;
		this.customers = customers;
		this.network = network;
		this.jdbcTemplate = jdbcTemplate;
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

	/** {@link #broadcast} to these communities. */
	int tell(MessageKind kind, long outageId, String keyPart, boolean urgent, Map<String, String> values,
			List<CommunityView> communities) {
		Instant now = clock.instant();
		Instant notBefore = messages.notBefore(urgent);
		int queued = 0;
		int written = 0;
		for (CommunityView c : communities) {
			Map<String, String> v = new HashMap<>(values);
			v.put("community", c.name());
			CustomerMessages.Rendered text = messages.render(kind, v);
			List<Object[]> rows = new ArrayList<>(BATCH);
			int[] counts = new int[2];
			Instant queuedAt = now;
			customers.forEachMessageRecipient(List.of(c.id()), r -> {
				rows.add(row(kind, outageId, keyPart, urgent, text, r, notBefore, queuedAt));
				if (r.mobile() != null && !r.optedOut()) {
					counts[1]++;
				}
				if (rows.size() == BATCH) {
					counts[0] += insert(rows);
					rows.clear();
				}
			});
			counts[0] += insert(rows);
			written += counts[0];
			queued += counts[1];
		}
		messages.queued(queued, notBefore);
		return written;
	}

	private static Object[] row(MessageKind kind, long outageId, String keyPart, boolean urgent, CustomerMessages.Rendered text,
			MessageRecipient r, Instant notBefore, Instant now) {
		String skip = r.optedOut() ? "OPTED_OUT" : r.mobile() == null ? "NO_MOBILE" : null;
		return new Object[] { kind.name(), r.customerId(), r.mobile(), outageId, text.templateId(), text.body(),
				skip == null ? "QUEUED" : "SKIPPED", skip, urgent,
				kind.name() + ":" + outageId + ":" + keyPart + r.customerId(), Timestamp.from(notBefore), Timestamp.from(now) };
	}

	private int insert(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return 0;
		}
		int[][] done = jdbcTemplate.batchUpdate("""
				insert into notification_message (kind, channel, customer_id, phone, outage_id, template_id, body, status,
				    skip_reason, urgent, dedup_key, not_before, queued_at, queued_by)
				values (?, 'SMS', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'system:notification')
				on conflict (dedup_key) do nothing
				""", rows, rows.size(), (PreparedStatement ps, Object[] r) -> {
			ps.setString(1, (String) r[0]);
			ps.setLong(2, (Long) r[1]);
			if (r[2] == null) {
				ps.setNull(3, Types.VARCHAR);
			}
			else {
				ps.setString(3, (String) r[2]);
			}
			ps.setLong(4, (Long) r[3]);
			ps.setLong(5, (Long) r[4]);
			ps.setString(6, (String) r[5]);
			ps.setString(7, (String) r[6]);
			if (r[7] == null) {
				ps.setNull(8, Types.VARCHAR);
			}
			else {
				ps.setString(8, (String) r[7]);
			}
			ps.setBoolean(9, (Boolean) r[8]);
			ps.setString(10, (String) r[9]);
			ps.setTimestamp(11, (Timestamp) r[10]);
			ps.setTimestamp(12, (Timestamp) r[11]);
		});
		int n = 0;
		for (int[] batch : done) {
			for (int x : batch) {
				n += x < 0 ? 1 : x;
			}
		}
		return n;
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
