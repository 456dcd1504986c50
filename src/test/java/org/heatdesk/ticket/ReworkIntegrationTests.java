package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rework (10.3): a repair of the same kind for the same customer (or address) within 7 days of the
 * earlier one's result is flagged on both tickets and counted; at 8 days, or for another category,
 * it is not.
 */
@HeatDeskTest
class ReworkIntegrationTests {

	static final Actor AGENT = Actor.person("agent", "李娜");

	@Autowired
	Tickets tickets;

	@Autowired
	Rework rework;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	long category(String code) {
		return jdbc.sql("select id from ticket_category where code = ?").param(code).query(Long.class).single();
	}

	long customer() {
		long community = jdbc.sql("select min(id) from network_community").query(Long.class).single();
		Timestamp now = Timestamp.from(Instant.now());
		return jdbc.sql("""
				insert into customer (account_no, name, community_id, building, unit, room, heated_area, heating_status,
				                      created_at, updated_at)
				values (?, '返修测试', ?, '7', '1', '101', 80, 'HEATING', ?, ?) returning id""")
			.params("RW" + System.nanoTime() % 1_000_000_000_000L, community, now, now)
			.query(Long.class)
			.single();
	}

	String record(Long customerId, String address, String categoryCode) {
		return tickets.record(AGENT, new RecordTicket(TicketType.REPAIR, category(categoryCode), Priority.NORMAL,
				TicketScope.HOUSEHOLD, Channel.PHONE, customerId, customerId == null ? "13800000000" : null, address,
				"暖气不热 " + UUID.randomUUID(), null, null, null)).ticketNo();
	}

	/** Resolves the ticket and moves its result back by {@code ago} (history the test needs). */
	void resolvedAgo(String no, Duration ago) {
		tickets.dispatch(AGENT, no, null, null, null, null);
		tickets.respond(AGENT, no, null, "已告知用户");
		tickets.resolve(AGENT, no, null, "排气后恢复");
		jdbc.sql("update ticket set resolved_at = ? where ticket_no = ?")
			.params(Timestamp.from(clock.instant().minus(ago)), no)
			.update();
	}

	@Test
	void aRepairOfTheSameKindWithinSevenDaysIsReworkOnBothTicketsAndCounted() {
		Instant from = clock.instant().minusSeconds(1);
		long customer = customer();
		String first = record(customer, null, "REPAIR_NOT_WARM");
		// resolved 6 days 23 hours before the new call: within the 7 days
		resolvedAgo(first, Duration.ofDays(7).minusHours(1));
		String second = record(customer, null, "REPAIR_NOT_WARM");

		Rework.Flags onSecond = rework.flags(second);
		assertThat(onSecond.reworkOf()).hasValueSatisfying(l -> assertThat(l.previousNo()).isEqualTo(first));
		assertThat(onSecond.reworkedBy()).isEmpty();
		Rework.Flags onFirst = rework.flags(first);
		assertThat(onFirst.reworkOf()).isEmpty();
		assertThat(onFirst.reworkedBy()).extracting(Rework.Link::ticketNo).containsExactly(second);
		// both timelines say so, and the trail has it
		assertThat(jdbc.sql("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ? and e.kind = 'REWORK_OF'")
			.param(second).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ? and e.kind = 'REWORKED_BY'")
			.param(first).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'TICKET_REWORK_FLAGGED' and entity_id = ?")
			.param(second).query(Long.class).single()).isEqualTo(1);

		// counted once, in the period of its recording, and not in the period after
		long counted = rework.count(from, clock.instant().plusSeconds(1));
		assertThat(counted).isGreaterThanOrEqualTo(1);
		assertThat(rework.count(clock.instant().plusSeconds(2), clock.instant().plusSeconds(60))).isZero();
		// a third call at the same customer, another kind: the count does not move
		record(customer, null, "REPAIR_LEAK");
		assertThat(rework.count(from, clock.instant().plusSeconds(1))).isEqualTo(counted);
	}

	@Test
	void eightDaysAfterTheResultItIsNotRework() {
		long customer = customer();
		String first = record(customer, null, "REPAIR_NOT_WARM");
		resolvedAgo(first, Duration.ofDays(8));
		String second = record(customer, null, "REPAIR_NOT_WARM");
		assertThat(rework.flags(second).any()).isFalse();
		assertThat(rework.flags(first).any()).isFalse();
	}

	@Test
	void anotherCategoryOrAnotherCustomerIsNotRework() {
		long customer = customer();
		String first = record(customer, null, "REPAIR_NOT_WARM");
		resolvedAgo(first, Duration.ofDays(1));
		String leak = record(customer, null, "REPAIR_LEAK");
		String neighbour = record(customer(), null, "REPAIR_NOT_WARM");
		assertThat(rework.flags(leak).any()).isFalse();
		assertThat(rework.flags(neighbour).any()).isFalse();
		assertThat(rework.flags(first).any()).isFalse();
	}

	@Test
	void withoutACustomerTheSameAddressCounts() {
		String address = "返修小区 " + UUID.randomUUID().toString().substring(0, 6) + " 1-1-101";
		String first = record(null, address, "REPAIR_VALVE");
		resolvedAgo(first, Duration.ofDays(3));
		String second = record(null, address, "REPAIR_VALVE");
		String elsewhere = record(null, address + "0", "REPAIR_VALVE");
		assertThat(rework.flags(second).reworkOf()).hasValueSatisfying(l -> assertThat(l.previousNo()).isEqualTo(first));
		assertThat(rework.flags(elsewhere).any()).isFalse();
	}

	@Test
	void anOpenEarlierRepairIsNotRework() {
		long customer = customer();
		record(customer, null, "REPAIR_AIR");
		String second = record(customer, null, "REPAIR_AIR");
		assertThat(rework.flags(second).any()).isFalse();
	}
}
