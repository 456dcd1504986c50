package org.heatdesk.notification;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.customer.MessageRecipient;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One text to many customers at once (an outage notice to a whole community): the same rows as
 * {@link CustomerMessages#queue} writes for each, but rendered once, with the recipients the caller
 * already read, written by one JDBC batch, announced by one {@link MessagesQueued} and, when a person
 * queued them, audited once with the counts. For 20,000 customers {@code queue} one by one costs a
 * template read, a recipient read and a look-up of the key per message (see docs/benchmarks.md).
 */
@Service
public class BulkMessages {

	/** What became of a bulk request. {@code skipped}: opted out or without a mobile; {@code duplicates}: keys queued before. */
	public record Counts(int queued, int skipped, int duplicates) {
	}

	private final JdbcTemplate batch;

	private final AuditTrail audit;

	private final CustomerMessages messages;

	BulkMessages(JdbcTemplate batch, AuditTrail audit, CustomerMessages messages) {
		this.batch = batch;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * Queues the kind's approved SMS text, rendered once with {@code values} (+ hotline, company), to each
	 * recipient in the caller's transaction: {@code QUEUED} to the mobile, or {@code SKIPPED} with
	 * {@code OPTED_OUT} / {@code NO_MOBILE}; the dedup key of each is {@code <dedupPrefix>:<customerId>}, so
	 * calling again with the same prefix queues nobody twice. Non-urgent messages wait for the end of the
	 * quiet hours.
	 * @throws org.heatdesk.platform.HeatDeskException 400 {@code NOTIFICATION_VALUE_MISSING} as {@code queue} does
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Counts queueBulk(Actor by, MessageKind kind, List<MessageRecipient> recipients, Map<String, String> values,
			String dedupPrefix, Long outageId, boolean urgent) {
		CustomerMessages.Rendered text = messages.render(kind, values);
		Instant now = messages.now();
		Instant notBefore = messages.notBefore(urgent);
		Timestamp nb = Timestamp.from(notBefore);
		Timestamp at = Timestamp.from(now);
		int[][] counts = batch.batchUpdate("""
				insert into notification_message (kind, channel, customer_id, phone, template_id, body, status, skip_reason,
				    urgent, dedup_key, not_before, queued_at, queued_by, outage_id)
				values (?, 'SMS', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (dedup_key) do nothing""", recipients, 1000, (ps, r) -> {
			String skip = r.optedOut() ? "OPTED_OUT" : r.mobile() == null ? "NO_MOBILE" : null;
			ps.setString(1, kind.name());
			ps.setLong(2, r.customerId());
			ps.setString(3, r.mobile());
			ps.setLong(4, text.templateId());
			ps.setString(5, text.body());
			ps.setString(6, skip == null ? "QUEUED" : "SKIPPED");
			ps.setString(7, skip);
			ps.setBoolean(8, urgent);
			ps.setString(9, dedupPrefix + ":" + r.customerId());
			ps.setTimestamp(10, nb);
			ps.setTimestamp(11, at);
			ps.setString(12, by.name());
			if (outageId == null) {
				ps.setNull(13, Types.BIGINT);
			}
			else {
				ps.setLong(13, outageId);
			}
		});
		int queued = 0;
		int skipped = 0;
		int duplicates = 0;
		int i = 0;
		for (int[] chunk : counts) {
			for (int n : chunk) {
				MessageRecipient r = recipients.get(i++);
				if (n == 0) {
					duplicates++;
				}
				else if (r.optedOut() || r.mobile() == null) {
					skipped++;
				}
				else {
					queued++;
				}
			}
		}
		if (!by.system()) {
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("kind", kind);
			after.put("outageId", outageId);
			after.put("queued", queued);
			after.put("skipped", skipped);
			after.put("body", text.body());
			audit.record(by, "NOTIFICATION_BULK_QUEUED", "notification_message", dedupPrefix, null, after);
		}
		messages.queued(queued, notBefore);
		return new Counts(queued, skipped, duplicates);
	}
}
