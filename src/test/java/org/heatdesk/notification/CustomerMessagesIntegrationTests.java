package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@HeatDeskTest
class CustomerMessagesIntegrationTests {

	@Autowired
	CustomerMessages messages;

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private static final Actor FOLLOWUP = Actor.system("followup");

	@Test
	void aMessageToACustomerGoesToTheFirstMobileRenderedFromTheApprovedTemplate() {
		String mobile = mobile();
		long customer = customer("0531-86001234", mobile);
		String ticketNo = "GRT" + UUID.randomUUID().toString().substring(0, 8);

		Queued queued = inTx(() -> messages.queue(FOLLOWUP, new MessageRequest(MessageKind.TICKET_RECORDED, customer, null,
				ticketNo, Map.of("ticketNo", ticketNo), "test:" + ticketNo, false)));

		assertThat(queued.status()).isEqualTo("QUEUED");
		MessageView m = messages.forTicket(ticketNo).get(0);
		// the seeded template, the default signature (the company's short name in brackets) and hotline 96123
		assertThat(m.body()).isEqualTo("【金鼎公司】您反映的问题已登记，工单号" + ticketNo + "。我们会尽快处理，查询进度请致电96123。");
		// the landline comes first among the phones, but only a mobile receives a message
		assertThat(m.maskedPhone()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
		assertThat(jdbc.sql("select phone from notification_message where id = ?").param(queued.id()).query(String.class).single())
			.isEqualTo(mobile);
	}

	@Test
	void theSameKeyQueuesOnce() {
		long customer = customer(mobile());
		String key = "test:" + UUID.randomUUID();
		MessageRequest request = new MessageRequest(MessageKind.TICKET_RECORDED, customer, null, "GRX1", Map.of("ticketNo", "GRX1"),
				key, false);
		Queued first = inTx(() -> messages.queue(FOLLOWUP, request));
		Queued again = inTx(() -> messages.queue(FOLLOWUP, request));
		// the first message (which the delivery running beside the test may have sent by now)
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(jdbc.sql("select count(*) from notification_message where dedup_key = ?").param(key).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void anOptedOutCustomerAndACustomerWithoutAMobileAreSkippedWithTheReason() {
		long optedOut = customer(mobile());
		customers.setMessagesOptOut(Actor.person("agent", "agent"), optedOut, true);
		long landlineOnly = customer("0531-86005678");

		Queued a = inTx(() -> messages.queue(FOLLOWUP, new MessageRequest(MessageKind.FOLLOW_UP, optedOut, null, "GRX2",
				Map.of("ticketNo", "GRX2"), null, false)));
		Queued b = inTx(() -> messages.queue(FOLLOWUP, new MessageRequest(MessageKind.FOLLOW_UP, landlineOnly, null, "GRX3",
				Map.of("ticketNo", "GRX3"), null, false)));

		assertThat(a).extracting(Queued::status, Queued::skipReason).containsExactly("SKIPPED", "OPTED_OUT");
		assertThat(b).extracting(Queued::status, Queued::skipReason).containsExactly("SKIPPED", "NO_MOBILE");
	}

	@Test
	void aMissingValueIsRefusedAndNothingIsWritten() {
		long customer = customer(mobile());
		String ticketNo = "GRT" + UUID.randomUUID().toString().substring(0, 8);
		assertThatThrownBy(() -> inTx(() -> messages.queue(FOLLOWUP, new MessageRequest(MessageKind.TICKET_RESOLVED, customer,
				null, ticketNo, Map.of("ticketNo", ticketNo), null, false))))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.field()).isEqualTo("result"));
		assertThat(messages.forTicket(ticketNo)).isEmpty();
	}

	@Test
	void aCallerWithoutACustomerIsReachedAtTheNumberGiven() {
		String ticketNo = "GRT" + UUID.randomUUID().toString().substring(0, 8);
		Queued queued = inTx(() -> messages.queue(FOLLOWUP, new MessageRequest(MessageKind.TICKET_RECORDED, null,
				"+86 138-0531-0000", ticketNo, Map.of("ticketNo", ticketNo), null, false)));
		assertThat(queued.status()).isEqualTo("QUEUED");
		assertThat(messages.forTicket(ticketNo).get(0).maskedPhone()).isEqualTo("138****0000");
	}

	@Test
	void anUrgentMessageMayGoAtOnceWhateverTheHour() {
		long customer = customer(mobile());
		String ticketNo = "GRT" + UUID.randomUUID().toString().substring(0, 8);
		Instant before = Instant.now();
		inTx(() -> messages.queue(FOLLOWUP, new MessageRequest(MessageKind.TICKET_RECORDED, customer, null, ticketNo,
				Map.of("ticketNo", ticketNo), null, true)));
		assertThat(messages.forTicket(ticketNo).get(0).notBefore()).isBetween(before.minusSeconds(1), Instant.now());
	}

	private <T> T inTx(java.util.function.Supplier<T> action) {
		return new TransactionTemplate(transactions).execute(s -> action.get());
	}

	private static String mobile() {
		return NotificationFixtures.mobile();
	}

	private long customer(String... phones) {
		return NotificationFixtures.customer(jdbc, NotificationFixtures.firstCommunity(jdbc), phones);
	}
}
