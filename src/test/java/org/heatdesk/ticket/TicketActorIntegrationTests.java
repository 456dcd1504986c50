package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who acts is passed to the ticket module, not read from the security context: a follow-up job
 * reopens a resolved ticket as {@code system:followup} with nobody logged in, and the system may do
 * only what the rules give it (reopen, note), never a holder's work.
 */
@HeatDeskTest
class TicketActorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Tickets tickets;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void nobodyLoggedIn() {
		SecurityContextHolder.clearContext();
	}

	/** A ticket the agent took to its result through the API. */
	String resolvedTicket() {
		Api agent = Api.as(port, "agent");
		String no = agent.post("/api/v1/tickets", TicketsIntegrationTests.repair("回访前的工单 " + UUID.randomUUID()))
			.text("ticketNo");
		agent.post("/api/v1/tickets/" + no + "/dispatch", TicketsIntegrationTests.action());
		agent.post("/api/v1/tickets/" + no + "/respond", TicketsIntegrationTests.action());
		assertThat(agent.post("/api/v1/tickets/" + no + "/resolve", TicketsIntegrationTests.action("result", "已修好"))
			.text("status")).isEqualTo("RESOLVED");
		return no;
	}

	@Test
	void theFollowUpReopensAResolvedTicketWithNobodyLoggedIn() {
		String no = resolvedTicket();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();

		TicketView reopened = tickets.reopen(Actor.system("followup"), no, null, "回访：用户说仍然不热");

		assertThat(reopened.status()).isEqualTo(TicketStatus.REOPENED);
		assertThat(reopened.nextMark()).isEqualTo("DISPATCHED");
		assertThat(jdbc.sql("select actor from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ? and e.kind = 'REOPENED'")
			.param(no).query(String.class).single()).isEqualTo("system:followup");
		assertThat(jdbc.sql("select actor from platform_audit_event where entity_type = 'ticket' and entity_id = ? and action = 'TICKET_REOPENED'")
			.param(no).query(String.class).single()).isEqualTo("system:followup");
		// the first responder hears of it, as when a person reopens
		assertThat(jdbc.sql("select count(*) from ticket_notification n join ticket t on t.id = n.ticket_id where t.ticket_no = ? and n.kind = 'REOPENED'")
			.param(no).query(Long.class).single()).isEqualTo(1);
		// the round that ended is kept
		assertThat(jdbc.sql("select reopened_by from ticket_round r join ticket t on t.id = r.ticket_id where t.ticket_no = ?")
			.param(no).query(String.class).single()).isEqualTo("system:followup");
	}

	@Test
	void theSystemDoesNoHoldersWork() {
		String no = resolvedTicket();
		tickets.reopen(Actor.system("followup"), no, null, "回访不满意");
		long events = jdbc.sql("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ?")
			.param(no).query(Long.class).single();

		assertThatThrownBy(() -> tickets.dispatch(Actor.system("followup"), no, null, null, null, null))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("TICKET_NOT_HOLDER"));
		assertThatThrownBy(() -> tickets.record(Actor.system("followup"), new RecordTicket(TicketType.REPAIR, null, null,
				null, null, null, "13800000000", null, "系统不能登记", null, null, null)))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThat(jdbc.sql("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ?")
			.param(no).query(Long.class).single()).isEqualTo(events);
	}
}
