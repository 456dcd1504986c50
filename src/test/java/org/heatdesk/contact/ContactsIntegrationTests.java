package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.TicketView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Other channels become contacts and tickets with their channel; presence keeps its history; the wallboard's alert. */
@HeatDeskTest
class ContactsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Contacts contacts;

	@Autowired
	Presences presences;

	@Autowired
	Wallboard wallboard;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	StaffView agent3;

	@BeforeEach
	void signIn() {
		agent3 = staff.findByUsername("agent3").orElseThrow();
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("agent3",
				null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void eachChannelBecomesATicketWithThatChannel() {
		for (Channel channel : List.of(Channel.LETTER, Channel.VISIT, Channel.ONLINE)) {
			TicketView ticket = contacts.register(new Contacts.Registration(channel, "王先生", "13912345678", null,
					"楼道暖气管漏水 " + channel, TicketType.REPAIR, Priority.HIGH, null, null), agent3.id(), org.heatdesk.platform.Actor.current());
			awaitLinked(ticket.ticketNo());
			Map<String, Object> row = jdbc.sql("""
					select k.channel as contact_channel, t.channel as ticket_channel, k.ticket_no, k.id,
					       (select e.contact_id from ticket_event e where e.ticket_id = t.id and e.kind = 'RECORDED') as contact_id
					from contact_contact k join ticket t on t.ticket_no = k.ticket_no where k.ticket_no = ?""")
				.param(ticket.ticketNo()).query().singleRow();
			assertThat(row.get("contact_channel")).isEqualTo(channel.name());
			assertThat(row.get("ticket_channel")).isEqualTo(channel.name());
			assertThat(row.get("contact_id")).isEqualTo(row.get("id"));
		}
	}

	@Test
	void hotlineTransferNeedsItsCaseNumberAndDeadlineOnce() {
		String caseNo = "SD12345-" + UUID.randomUUID().toString().substring(0, 8);
		Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		assertThatThrownBy(() -> contacts.register(new Contacts.Registration(Channel.HOTLINE_12345, null, "13912345678",
				null, "投诉室温不达标", TicketType.COMPLAINT, null, null, due), agent3.id(), org.heatdesk.platform.Actor.current()))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> {
				assertThat(e.code()).isEqualTo("CONTACT_HOTLINE_CASE_REQUIRED");
				assertThat(e.field()).isEqualTo("hotlineCaseNo");
			});
		TicketView ticket = contacts.register(new Contacts.Registration(Channel.HOTLINE_12345, null, "13912345678", null,
				"投诉室温不达标", TicketType.COMPLAINT, null, caseNo, due), agent3.id(), org.heatdesk.platform.Actor.current());
		awaitLinked(ticket.ticketNo());
		Map<String, Object> row = jdbc.sql("select hotline_case_no, reply_due_at, channel from contact_contact where ticket_no = ?")
			.param(ticket.ticketNo()).query().singleRow();
		assertThat(row.get("hotline_case_no")).isEqualTo(caseNo);
		assertThat(CallRecorder.instant(row.get("reply_due_at"))).isEqualTo(due);
		assertThatThrownBy(() -> contacts.register(new Contacts.Registration(Channel.HOTLINE_12345, null, "13912345678",
				null, "再次转来", TicketType.COMPLAINT, null, caseNo, due), agent3.id(), org.heatdesk.platform.Actor.current()))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("CONTACT_HOTLINE_CASE_TAKEN"));
	}

	/** The contact takes its ticket's number just after the ticket commits. */
	private void awaitLinked(String ticketNo) {
		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from contact_contact where ticket_no = ?")
			.param(ticketNo).query(Long.class).single() == 1);
	}

	@Test
	void missingSummaryChangesNothing() {
		long before = jdbc.sql("select count(*) from contact_contact").query(Long.class).single();
		assertThatThrownBy(() -> contacts.register(new Contacts.Registration(Channel.LETTER, null, "13912345678", null,
				"  ", TicketType.INQUIRY, null, null, null), agent3.id(), org.heatdesk.platform.Actor.current()))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.field()).isEqualTo("summary"));
		assertThat(jdbc.sql("select count(*) from contact_contact").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void presenceIsKeptWithItsTimesAndAwayWithWaitingCallsRaisesTheAlert() {
		// PostgreSQL keeps microseconds
		Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
		tx.executeWithoutResult(s -> presences.set(agent3.id(), PresenceState.READY, null, t, "agent3", true));
		tx.executeWithoutResult(s -> presences.set(agent3.id(), PresenceState.AWAY, "BREAK", t.plusSeconds(1), "agent3", true));
		var history = presences.history(agent3.id(), t.minusSeconds(1), t.plusSeconds(60));
		assertThat(history).extracting(Presences.Period::state).containsSubsequence(PresenceState.READY, PresenceState.AWAY);
		Presences.Period ready = history.stream().filter(p -> p.state() == PresenceState.READY).reduce((a, b) -> b).orElseThrow();
		assertThat(ready.endedAt()).isEqualTo(t.plusSeconds(1));
		assertThat(history.get(history.size() - 1).reason()).isEqualTo("BREAK");

		// a call waiting in the queue while agent3 is away
		CtiClient cti = CtiClient.create(port, jdbc);
		cti.post(CtiClient.event("W-" + UUID.randomUUID(), "RINGING", Instant.now().minusSeconds(5), null, "queue", "hotline"));
		Wallboard.Figures figures = wallboard.figures(Instant.now());
		assertThat(figures.waiting()).isPositive();
		assertThat(figures.byPresence().get(PresenceState.AWAY)).isPositive();
		assertThat(figures.alert()).isTrue();
		tx.executeWithoutResult(s -> presences.set(agent3.id(), PresenceState.OFFLINE, null, Instant.now(), "agent3", true));
	}
}
