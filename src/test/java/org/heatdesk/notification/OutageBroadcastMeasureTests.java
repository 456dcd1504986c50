package org.heatdesk.notification;

import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A quick local measurement, not a test (run with -Dheatdesk.measure=true): 20,000 customers of one
 * community told of an outage, by {@link CustomerMessages#queue} one by one in one transaction and by
 * the batch insert of {@link OutageNotices}. The benchmark proper is in docs/benchmarks.md.
 */
@HeatDeskTest
@EnabledIfSystemProperty(named = "heatdesk.measure", matches = "true")
class OutageBroadcastMeasureTests {

	@Autowired
	CustomerMessages messages;

	@Autowired
	OutageNotices notices;

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void measure() {
		int n = Integer.getInteger("heatdesk.measure.customers", 20_000);
		long community = NotificationFixtures.community(jdbc, "测量小区" + System.nanoTime());
		jdbc.sql("""
				insert into customer (account_no, name, community_id, building, unit, room, heated_area, heating_status, created_at, updated_at)
				select 'M' || ? || '-' || g, '测量用户', ?, '1', '1', g::text, 80, 'HEATING', now(), now() from generate_series(1, ?) g
				""").params(community, community, n).update();
		jdbc.sql("""
				insert into customer_phone (customer_id, position, phone, last4, community_id)
				select id, 0, '139' || lpad((id % 100000000)::text, 8, '0'), lpad((id % 10000)::text, 4, '0'), community_id
				  from customer where community_id = ?
				""").param(community).update();
		long outage = 900_000_000L + System.nanoTime() % 1_000_000;
		long t0 = System.nanoTime();
		new TransactionTemplate(transactions).executeWithoutResult(s -> customers.forEachMessageRecipient(List.of(community),
				r -> messages.queue(Actor.system("measure"), new MessageRequest(MessageKind.OUTAGE_RESTORED, r.customerId(), null, null,
						Map.of("community", "测量小区"), "measure-one:" + outage + ":" + r.customerId(), false))));
		long one = System.nanoTime() - t0;
		// the broadcast reads the outage's communities from network: do the same insert path directly
		long t1 = System.nanoTime();
		int[] written = new int[1];
		new TransactionTemplate(transactions).executeWithoutResult(s -> written[0] = notices.tell(MessageKind.OUTAGE_RESTORED, outage,
				"", false, Map.of(), List.of(new org.heatdesk.network.CommunityView(community, "测量小区", "测试区", 0, "X"))));
		long bulk = System.nanoTime() - t1;
		System.out.printf("MEASURE %d customers: queue one by one %.1f s, batch insert %.1f s (%d rows)%n", n, one / 1e9, bulk / 1e9,
				written[0]);
	}
}
