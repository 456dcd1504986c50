package org.heatdesk.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Customers a contact test writes for itself, each with a mobile number no demo customer has. */
final class TestCustomers {

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

	private TestCustomers() {
	}

	/** A mobile number unique in this run (demo mobiles start 13, 15, 18). */
	static String uniqueMobile() {
		return String.format("197%08d", SEQUENCE.incrementAndGet() % 100_000_000);
	}

	/** A customer in the first demo community with this phone; returns its id. */
	static long insert(JdbcClient jdbc, String name, String phone) {
		long community = jdbc.sql("select min(id) from network_community").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		long id = jdbc.sql("""
				insert into customer (account_no, name, community_id, building, unit, room, heated_area, heating_status,
				                      created_at, updated_at)
				values (?, ?, ?, '9', '1', ?, 80, 'HEATING', ?, ?) returning id""")
			.params("T" + System.nanoTime() % 1_000_000_000_000L + SEQUENCE.incrementAndGet() % 10, name, community, phone.substring(7), now, now)
			.query(Long.class)
			.single();
		jdbc.sql("insert into customer_phone (customer_id, position, phone, last4, community_id) values (?, 0, ?, ?, ?)")
			.params(id, phone, phone.substring(phone.length() - 4), community)
			.update();
		return id;
	}
}
