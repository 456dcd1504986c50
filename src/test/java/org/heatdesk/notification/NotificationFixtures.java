package org.heatdesk.notification;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Customers and communities a notification test makes for itself. */
public final class NotificationFixtures {

	private NotificationFixtures() {
	}

	public static String mobile() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	public static long firstCommunity(JdbcClient jdbc) {
		return jdbc.sql("select id from network_community order by id limit 1").query(Long.class).single();
	}

	/** A new community served by the first substation, named uniquely. */
	public static long community(JdbcClient jdbc, String name) {
		long substation = jdbc.sql("select id from network_substation order by id limit 1").query(Long.class).single();
		return jdbc.sql("insert into network_community (name, district, substation_id) values (?, '测试区', ?) returning id")
			.params(name, substation)
			.query(Long.class)
			.single();
	}

	/** A heated customer in the community with these phones (in order). */
	public static long customer(JdbcClient jdbc, long community, String... phones) {
		String account = "N" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + System.nanoTime() % 1000;
		long id = jdbc.sql("""
				insert into customer (account_no, name, community_id, building, unit, room, heated_area, heating_status,
				    created_at, updated_at)
				values (?, '测试用户', ?, '1', '1', '101', 80, 'HEATING', now(), now()) returning id
				""").params(account, community).query(Long.class).single();
		for (int i = 0; i < phones.length; i++) {
			String p = phones[i];
			jdbc.sql("insert into customer_phone (customer_id, position, phone, last4, community_id) values (?, ?, ?, ?, ?)")
				.params(id, i, p, p.substring(p.length() - 4), community)
				.update();
		}
		return id;
	}
}
