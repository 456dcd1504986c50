package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;

import org.heatdesk.followup.FollowUpTestSupport;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The front doors the follow-up uses, acting as the system with nobody logged in: the close after a
 * follow-up, the reopening that hands the ticket back to whoever resolved it (he and his team lead
 * are told with the customer's words), and the close conditions every close asks.
 */
@HeatDeskTest
class TicketFollowUpDoorsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Tickets tickets;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void nobodyLoggedIn() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void reopenFromFollowUpHandsTheTicketBackToItsResolverAndTellsHimAndHisLead() {
		FollowUpTestSupport.Crew crew = FollowUpTestSupport.crew(staff);
		String no = FollowUpTestSupport.resolved(port, crew.agent().username(), "REPAIR", "暖气不热 " + UUID.randomUUID(), "已放气");
		// someone else holds it now? no: the agent dispatched it to himself; move it to the lead to see the hand-back
		jdbc.sql("update ticket set assignee_id = ?, assignee = ? where ticket_no = ?")
			.params(crew.lead().id(), crew.lead().username(), no).update();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();

		TicketView reopened = tickets.reopenFromFollowUp(Actor.system("followup"), no, "还是不热，卧室只有 15 度");

		assertThat(reopened.status()).isEqualTo(TicketStatus.REOPENED);
		// the resolver (the agent, by his user name on the ended round) holds it again
		assertThat(reopened.assignee()).isEqualTo(crew.agent().username());
		assertThat(jdbc.sql("select assignee_id from ticket where ticket_no = ?").param(no).query(Long.class).single())
			.isEqualTo(crew.agent().id());
		// the customer's words on the timeline, by the system
		assertThat(jdbc.sql("select actor || '|' || detail from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ? and e.kind = 'REOPENED'")
			.param(no).query(String.class).single()).isEqualTo("system:followup|还是不热，卧室只有 15 度");
		// one notice each to the resolver and the lead of his team, with the words
		for (long who : new long[] { crew.agent().id(), crew.lead().id() }) {
			assertThat(jdbc.sql("select detail from ticket_notification n join ticket t on t.id = n.ticket_id where t.ticket_no = ? and n.staff_id = ? and n.kind = 'FOLLOW_UP_REOPENED'")
				.params(no, who).query(String.class).list()).containsExactly("还是不热，卧室只有 15 度");
		}
		assertThat(jdbc.sql("select actor from platform_audit_event where entity_type = 'ticket' and entity_id = ? and action = 'TICKET_REOPENED'")
			.param(no).query(String.class).single()).isEqualTo("system:followup");
	}

	@Test
	void closeAfterFollowUpIsTheSystemsAndOnlyForAResolvedTicket() {
		FollowUpTestSupport.Crew crew = FollowUpTestSupport.crew(staff);
		String no = FollowUpTestSupport.resolved(port, crew.agent().username(), "REPAIR", "漏水 " + UUID.randomUUID(), "已换阀门");

		// a person may not use the system's door
		assertThatThrownBy(() -> tickets.closeAfterFollowUp(Actor.person(crew.agent().username(), "x"), no, "回访满意"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));

		TicketView closed = tickets.closeAfterFollowUp(Actor.system("followup"), no, "回访：满意");
		assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(jdbc.sql("select detail from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ? and e.kind = 'CLOSED'")
			.param(no).query(String.class).single()).isEqualTo("回访：满意");
		// closed is not resolved: a second close is refused
		assertThatThrownBy(() -> tickets.closeAfterFollowUp(Actor.system("followup"), no, "again"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("TICKET_ACTION_NOT_ALLOWED"));
		// and the system still may not do a holder's close
		String other = FollowUpTestSupport.resolved(port, crew.agent().username(), "REPAIR", "漏水 " + UUID.randomUUID(), "已换阀门");
		assertThatThrownBy(() -> tickets.close(Actor.system("followup"), other, null, null))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("TICKET_NOT_HOLDER"));
	}

	@Test
	void aComplaintIsNotClosedWithoutItsReplyByAPersonEither() {
		FollowUpTestSupport.Crew crew = FollowUpTestSupport.crew(staff);
		String no = FollowUpTestSupport.resolved(port, crew.agent().username(), "COMPLAINT", "投诉维修不及时 " + UUID.randomUUID(), "已致歉并维修");
		long events = jdbc.sql("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ?")
			.param(no).query(Long.class).single();

		var refused = Api.as(port, crew.agent().username()).post("/api/v1/tickets/" + no + "/close", TicketFixtures.action());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("code")).isEqualTo("FOLLOWUP_COMPLAINT_REPLY_REQUIRED");
		assertThat(refused.text("message")).contains("投诉尚未答复用户");
		assertThat(FollowUpTestSupport.ticketStatus(jdbc, no)).isEqualTo("RESOLVED");
		assertThat(jdbc.sql("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ?")
			.param(no).query(Long.class).single()).isEqualTo(events);
		assertThatThrownBy(() -> tickets.closeAfterFollowUp(Actor.system("followup"), no, "回访满意"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("FOLLOWUP_COMPLAINT_REPLY_REQUIRED"));
		// a repair is not held by the complaint rule
		String repair = FollowUpTestSupport.resolved(port, crew.agent().username(), "REPAIR", "不热 " + UUID.randomUUID(), "已修");
		assertThat(Api.as(port, crew.agent().username()).post("/api/v1/tickets/" + repair + "/close", TicketFixtures.action())
			.text("status")).isEqualTo("CLOSED");
		assertThat(Optional.of(no)).isPresent();
	}
}
