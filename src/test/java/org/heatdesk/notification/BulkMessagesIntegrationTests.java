package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.customer.MessageRecipient;
import org.heatdesk.platform.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One text to many: the rows {@code queue} would write, rendered once, each key queued once. */
@HeatDeskTest
class BulkMessagesIntegrationTests {

	@Autowired
	BulkMessages bulk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void eachRecipientIsQueuedOrSkippedWithTheReasonAndOnlyOnce() {
		long base = 900_000_000L + (System.nanoTime() % 1_000_000) * 10;
		String mobile = "131" + String.format("%08d", base % 100_000_000);
		List<MessageRecipient> recipients = List.of(new MessageRecipient(base, mobile, false),
				new MessageRecipient(base + 1, "13100000001", true), new MessageRecipient(base + 2, null, false));
		String prefix = "outage-test:" + UUID.randomUUID();
		Instant before = Instant.now();
		BulkMessages.Counts counts = inTx(() -> bulk.queueBulk(Actor.person("lead", "班长"), MessageKind.OUTAGE_PUBLISHED,
				recipients, Map.of("community", "阳光小区", "reason", "管道抢修", "until", "18时"), prefix, 77L, true));
		// one to the mobile; two skipped: one opted out, one without a mobile
		assertThat(counts).isEqualTo(new BulkMessages.Counts(1, 2, 0));
		Map<String, Object> sent = jdbc.sql("select phone, body, status, outage_id, not_before from notification_message where dedup_key = ?")
			.param(prefix + ":" + base).query().singleRow();
		assertThat(sent).containsEntry("phone", mobile).containsEntry("outage_id", 77L);
		assertThat(sent.get("body")).isEqualTo("【金鼎公司】阳光小区因管道抢修暂停供热，预计18时恢复，给您带来不便敬请谅解。咨询电话96123。");
		assertThat(((java.sql.Timestamp) sent.get("not_before")).toInstant()).isBetween(before.minusSeconds(1), Instant.now());
		assertThat(jdbc.sql("select skip_reason from notification_message where dedup_key = ?").param(prefix + ":" + (base + 1))
			.query(String.class).single()).isEqualTo("OPTED_OUT");
		assertThat(jdbc.sql("select skip_reason from notification_message where dedup_key = ?").param(prefix + ":" + (base + 2))
			.query(String.class).single()).isEqualTo("NO_MOBILE");
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'NOTIFICATION_BULK_QUEUED' and entity_id = ?")
			.param(prefix).query(Long.class).single()).isEqualTo(1);

		// published again (a retried request): nobody twice
		BulkMessages.Counts again = inTx(() -> bulk.queueBulk(Actor.system("network"), MessageKind.OUTAGE_PUBLISHED, recipients,
				Map.of("community", "阳光小区", "reason", "管道抢修", "until", "18时"), prefix, 77L, true));
		assertThat(again).isEqualTo(new BulkMessages.Counts(0, 0, 3));
		assertThat(jdbc.sql("select count(*) from notification_message where dedup_key like ?").param(prefix + ":%")
			.query(Long.class).single()).isEqualTo(3);
	}

	private <T> T inTx(java.util.function.Supplier<T> action) {
		return new TransactionTemplate(transactions).execute(s -> action.get());
	}
}
