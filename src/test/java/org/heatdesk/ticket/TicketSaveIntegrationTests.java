package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The aggregate's save writes a fixed column set guarded by the version; the deadline sweep writes its
 * marks without the version. A change loaded before the sweep escalated must not put the old marks back
 * (the sweep would then escalate the same mark twice), and a stale version is refused.
 */
@HeatDeskTest
class TicketSaveIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TicketRepository repository;

	@Autowired
	JdbcClient jdbc;

	String dispatchedTicket() {
		Api agent = Api.as(port, "agent");
		String no = agent.post("/api/v1/tickets", TicketsIntegrationTests.repair("保存测试 " + UUID.randomUUID()))
			.text("ticketNo");
		assertThat(agent.post("/api/v1/tickets/" + no + "/dispatch", TicketsIntegrationTests.action()).text("status"))
			.isEqualTo("DISPATCHED");
		return no;
	}

	@Test
	void aSaveKeepsWhatTheSweepWroteMeanwhile() {
		String no = dispatchedTicket();
		Ticket ticket = Ticket.of(repository.findByNo(no).orElseThrow());
		// the sweep finds the answer overdue between the load and the save
		long id = ticket.id();
		repository.updateQuietly(id, "overdue_mark = ?, reminded_mark = ?, escalation_level = escalation_level + 1",
				"RESPONDED", "RESPONDED");

		ticket.respond("agent", Instant.now());
		assertThat(repository.save(ticket, null)).isTrue();

		Map<String, Object> row = jdbc.sql("select status, overdue_mark, reminded_mark, escalation_level from ticket where id = ?")
			.param(id).query().singleRow();
		assertThat(row.get("status")).isEqualTo("RESPONDED");
		assertThat(row.get("overdue_mark")).isEqualTo("RESPONDED");
		assertThat(row.get("reminded_mark")).isEqualTo("RESPONDED");
		assertThat(row.get("escalation_level")).isEqualTo(1);
	}

	@Test
	void aStaleVersionIsRefusedAndWritesNothing() {
		String no = dispatchedTicket();
		Ticket first = Ticket.of(repository.findByNo(no).orElseThrow());
		Ticket second = Ticket.of(repository.findByNo(no).orElseThrow());
		first.respond("agent", Instant.now());
		assertThat(repository.save(first, null)).isTrue();

		second.cancel("重复登记", Instant.now());
		assertThat(repository.save(second, null)).isFalse();
		assertThat(jdbc.sql("select status from ticket where ticket_no = ?").param(no).query(String.class).single())
			.isEqualTo("RESPONDED");
	}
}
