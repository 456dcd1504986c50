package org.heatdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.customer.Customers;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageKind;
import org.heatdesk.network.OutageNoticeCounts;
import org.heatdesk.network.OutageView;
import org.heatdesk.platform.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An outage is told to every customer of the communities it cuts off, in the publishing transaction. */
@HeatDeskTest
class OutageNoticesIntegrationTests {

	@Autowired
	Network network;

	@Autowired
	Customers customers;

	@Autowired
	OutageNoticeCounts counts;

	@Autowired
	JdbcClient jdbc;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void everyCustomerOfTheCommunityGetsARowAndThoseWhoCanBeReachedAreQueued() {
		String name = "测试小区" + UUID.randomUUID().toString().substring(0, 6);
		long community = NotificationFixtures.community(jdbc, name);
		// N = 6 customers: 3 with a mobile, k = 1 opted out (with a mobile), j = 2 without a mobile (a landline, no phone)
		for (int i = 0; i < 3; i++) {
			NotificationFixtures.customer(jdbc, community, NotificationFixtures.mobile());
		}
		long optedOut = NotificationFixtures.customer(jdbc, community, NotificationFixtures.mobile());
		customers.setMessagesOptOut(Actor.person("agent", "王丽"), optedOut, true);
		NotificationFixtures.customer(jdbc, community, "0531-86001234");
		NotificationFixtures.customer(jdbc, community);

		Instant start = Instant.now().minus(Duration.ofMinutes(5));
		Instant until = Instant.parse("2026-12-01T10:00:00Z"); // 18:00 in Shanghai
		OutageView outage = network.publishOutage(new Network.NewOutage(OutageKind.FAULT, "管道爆裂抢修", "抢修中", start, until,
				List.of(), List.of(community)));

		// N = 6 rows, N − k − j = 6 − 1 − 2 = 3 queued (the delivery running in this application may have
		// sent some already: queued means waiting, being sent or sent)
		assertThat(statuses(outage.id())).containsExactlyInAnyOrderEntriesOf(Map.of("REACHED", 3L, "SKIPPED", 3L));
		assertThat(reasons(outage.id())).containsExactlyInAnyOrder("OPTED_OUT", "NO_MOBILE", "NO_MOBILE");
		OutageNoticeCounts.Counts c = counts.counts(outage.id()).orElseThrow();
		assertThat(c.waiting() + c.sent()).isEqualTo(3);
		assertThat(c.skipped()).isEqualTo(3);
		assertThat(c.failed()).isZero();
		// whoever published it reads the counts on the outage's page
		String page = org.heatdesk.PageSession.login(port, "lead").get("/network/outages/" + outage.id()).body();
		assertThat(page).containsPattern("共 6 户：待发送 [0-3]，已发送 [0-3]，未发送（退订或无手机）3，发送失败 0");
		String body = jdbc.sql("select distinct body from notification_message where outage_id = ?").param(outage.id())
			.query(String.class).single();
		assertThat(body).isEqualTo("【金鼎公司】" + name + "因管道爆裂抢修暂停供热，预计12月1日 18:00恢复，给您带来不便敬请谅解。咨询电话96123。");
		// a fault is urgent: it may go tonight, whatever the hour
		assertThat(jdbc.sql("select bool_and(urgent) from notification_message where outage_id = ?").param(outage.id())
			.query(Boolean.class).single()).isTrue();

		network.extendOutage(outage.id(), until.plus(Duration.ofHours(2)), "管道更换需要更长时间");
		network.restoreOutage(outage.id(), null);
		assertThat(jdbc.sql("select kind, count(*) from notification_message where outage_id = ? group by kind")
			.param(outage.id()).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
			.containsExactlyInAnyOrder(Map.entry("OUTAGE_PUBLISHED", 6L), Map.entry("OUTAGE_EXTENDED", 6L),
					Map.entry("OUTAGE_RESTORED", 6L));
		assertThat(jdbc.sql("select body from notification_message where outage_id = ? and kind = 'OUTAGE_RESTORED' and status <> 'SKIPPED' limit 1")
			.param(outage.id()).query(String.class).single())
			.isEqualTo("【金鼎公司】" + name + "已恢复供热，感谢您的理解。如家中仍不热请致电96123。");
	}

	@Test
	void aPlannedOutageWaitsForTheEndOfTheQuietHoursAndIsToldOncePerCustomer() {
		String name = "测试小区" + UUID.randomUUID().toString().substring(0, 6);
		long community = NotificationFixtures.community(jdbc, name);
		NotificationFixtures.customer(jdbc, community, NotificationFixtures.mobile());
		Instant start = Instant.now().plus(Duration.ofDays(1));
		OutageView outage = network.publishOutage(new Network.NewOutage(OutageKind.PLANNED, "管网检修", "检修", start,
				start.plus(Duration.ofHours(8)), List.of(), List.of(community)));
		assertThat(jdbc.sql("select urgent from notification_message where outage_id = ?").param(outage.id())
			.query(Boolean.class).single()).isFalse();
		// the not-before time is now, or 07:00 when queued in the quiet hours
		Instant notBefore = jdbc.sql("select not_before from notification_message where outage_id = ?").param(outage.id())
			.query(java.sql.Timestamp.class).single().toInstant();
		ZonedDateTime local = notBefore.atZone(ZoneId.of("Asia/Shanghai"));
		assertThat(local.getHour() >= 7 && local.getHour() < 22).isTrue();
	}

	private Map<String, Long> statuses(long outage) {
		Map<String, Long> by = new java.util.HashMap<>();
		jdbc.sql("""
				select case when status = 'SKIPPED' then 'SKIPPED' else 'REACHED' end, count(*)
				  from notification_message where outage_id = ? and kind = 'OUTAGE_PUBLISHED' group by 1
				""")
			.param(outage).query((rs, n) -> by.put(rs.getString(1), rs.getLong(2))).list();
		return by;
	}

	private List<String> reasons(long outage) {
		return jdbc.sql("select skip_reason from notification_message where outage_id = ? and status = 'SKIPPED' and kind = 'OUTAGE_PUBLISHED'")
			.param(outage).query(String.class).list();
	}
}
