package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.network.Network;
import org.heatdesk.network.OutageKind;
import org.heatdesk.network.OutageView;
import org.junit.jupiter.api.Test;
import org.heatdesk.platform.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flows through the front door that other modules use: outage linking, the contact contract (policy
 * versions: {@code sla.TicketPoliciesIntegrationTests}).
 */
@HeatDeskTest
class TicketFlowsIntegrationTests {

	@Autowired
	Tickets tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	Incidents incidents;

	@Autowired
	Network network;

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	static <T> T as(String username, String role, Supplier<T> action) {
		return TicketFixtures.as(username, role, action);
	}

	static RecordTicket repair(Long customerId, String description) {
		return new RecordTicket(TicketType.REPAIR, null, Priority.NORMAL, TicketScope.HOUSEHOLD, Channel.PHONE, customerId,
				customerId == null ? "13800001111" : null, null, description, null, null, null);
	}

	@Test
	void ticketsOfCustomersUnderAnOutageHangUnderOneIncidentAndResolveWithIt() {
		CustomerView customer = as("agent", "AGENT", () -> customers.search("翠园", 5)).stream()
			.filter(c -> c.substationId() != null).findFirst().orElseThrow();
		OutageView outage = as("lead", "TEAM_LEAD", () -> network.publishOutage(new Network.NewOutage(OutageKind.FAULT,
				"换热站循环泵故障 " + UUID.randomUUID().toString().substring(0, 6), "正在抢修", Instant.now().minus(10, ChronoUnit.MINUTES),
				Instant.now().plus(4, ChronoUnit.HOURS), List.of(customer.substationId()), List.of())));
		assertThat(network.activeOutagesAffecting(customer.substationId(), customer.communityId()))
			.extracting(OutageView::id).contains(outage.id());

		TicketView first = as("agent", "AGENT", () -> tickets.record(Actor.current(), repair(customer.id(), "家里不热了")));
		TicketView second = as("agent2", "AGENT", () -> tickets.record(Actor.current(), repair(null, "邻居家也不热")));
		// the ticket snapshots where the customer lives
		assertThat(jdbc.sql("select substation_id from ticket where id = ?").param(first.id()).query(Long.class).single())
			.isEqualTo(customer.substationId());
		as("agent", "AGENT", () -> incidents.linkToOutage(Actor.current(), first.ticketNo(), outage.id(), outage.title()));
		as("agent2", "AGENT", () -> incidents.linkToOutage(Actor.current(), second.ticketNo(), outage.id(), outage.title()));
		List<Long> parents = jdbc.sql("select parent_id from ticket where id in (?, ?)").params(first.id(), second.id())
			.query(Long.class).list();
		assertThat(parents).hasSize(2).doesNotContainNull();
		assertThat(parents.get(0)).isEqualTo(parents.get(1));
		String incidentNo = jdbc.sql("select ticket_no from ticket where id = ? and incident and outage_id = ?")
			.params(parents.get(0), outage.id()).query(String.class).single();

		// heat back: the incident's timeline says so (the network module's event, delivered after commit)
		as("lead", "TEAM_LEAD", () -> network.restoreOutage(outage.id(), Instant.now()));
		org.awaitility.Awaitility.await().until(() -> jdbc.sql(
				"select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ? and e.kind = 'OUTAGE_RESTORED'")
			.param(incidentNo).query(Long.class).single() == 1);

		as("lead", "TEAM_LEAD", () -> {
			tickets.dispatch(Actor.current(), incidentNo, null, null, null, null);
			tickets.respond(Actor.current(), incidentNo, null, "已发布停热公告");
			return tickets.resolve(Actor.current(), incidentNo, null, "循环泵已更换，已恢复供热");
		});
		for (TicketView t : List.of(first, second)) {
			Map<String, Object> row = jdbc.sql("select status, result, dispatched_at, responded_at, resolved_at from ticket where id = ?")
				.param(t.id()).query().singleRow();
			assertThat(row.get("status")).isEqualTo("RESOLVED");
			assertThat(row.get("result")).isEqualTo("循环泵已更换，已恢复供热");
			assertThat(row.values()).doesNotContainNull();
		}
	}

	@Test
	void theContractOfTheContactModule() {
		String phone = "1390000" + String.format("%04d", (int) (Math.random() * 10000));
		RecordTicket inquiry = new RecordTicket(TicketType.INQUIRY, null, null, null, null, null, phone, null,
				"供暖费标准是多少", null, 987654L, null);
		TicketView answered = as("agent", "AGENT", () -> tickets.answerInCall(Actor.current(), inquiry, "居民 22.5 元/平方米"));
		assertThat(answered.status()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(answered.firstResponder()).isEqualTo("agent");
		assertThat(answered.nextMark()).isNull();

		CustomerView customer = as("agent", "AGENT", () -> customers.search("翠园", 1)).get(0);
		TicketView open = as("agent", "AGENT", () -> tickets.record(Actor.current(), repair(customer.id(), "阀门关不上")));
		assertThat(as("agent", "AGENT", () -> queries.openForCustomer(Actor.current(), customer.id()))).extracting(TicketView::ticketNo)
			.contains(open.ticketNo());
		as("agent2", "AGENT", () -> {
			tickets.noteContact(Actor.current(), open.ticketNo(), 4242L, "用户再次来电催问");
			return null;
		});
		assertThat(jdbc.sql("select count(*) from ticket_event where ticket_id = ? and kind = 'CONTACT' and contact_id = 4242")
			.param(open.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(as("agent", "AGENT", () -> queries.find(Actor.current(), open.ticketNo()))).map(TicketView::customerId).contains(customer.id());
		// the contact a ticket was recorded from stays on its RECORDED timeline entry (ticket.contact_id is gone)
		assertThat(jdbc.sql("select contact_id from ticket_event where ticket_id = ? and kind = 'RECORDED'")
			.param(answered.id()).query(Long.class).single()).isEqualTo(987654L);
	}

	@Test
	void aRepeatedKeyInsideTheCallersTransactionReturnsTheFirstTicket() {
		String key = "contact-" + UUID.randomUUID();
		RecordTicket command = new RecordTicket(TicketType.REPAIR, null, Priority.NORMAL, null, Channel.PHONE, null,
				"13800003333", null, "同一通电话按了两次登记", null, 1L, key);
		List<String> numbers = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(s -> as("agent", "AGENT", () -> {
			String first = tickets.record(Actor.current(), command).ticketNo();
			String second = tickets.record(Actor.current(), command).ticketNo();
			// the caller's transaction is still usable
			long count = jdbc.sql("select count(*) from ticket where idempotency_key = ?").param(key).query(Long.class).single();
			return List.of(first, second, String.valueOf(count));
		}));
		assertThat(numbers.get(1)).isEqualTo(numbers.get(0));
		assertThat(numbers.get(2)).isEqualTo("1");
	}
}
