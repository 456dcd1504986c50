package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.OnDuty;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Api;
import org.heatdesk.ticket.TicketFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-over: prepared from the records (the team's overdue ticket first, the note), opened by
 * the incoming lead 20 minutes before the start, both signatures (the same person twice refused,
 * the second closes it), the incoming shift answering for the team from the signature on, and the
 * escalation of a hand-over unsigned at the shift start.
 */
@HeatDeskTest
class HandoverIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rosters rosters;

	@Autowired
	Handovers handovers;

	@Autowired
	OnDuty onDuty;

	@Test
	void bothSignaturesCloseItAndTheIncomingShiftAnswersForTheTeamsTickets() {
		ShiftTestSupport.Team t = ShiftTestSupport.team(staff, jdbc);
		// the incoming shift starts tomorrow on the hour: [S-8h, S) hands over to [S, S+8h)
		Instant s = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
		ShiftTestSupport.shift(rosters, t, t.outLead(), RosterShiftKind.DAY, s.minus(Duration.ofHours(8)), s, true);
		ShiftTestSupport.shift(rosters, t, t.agent(), RosterShiftKind.DAY, s.minus(Duration.ofHours(8)), s, false);
		ShiftTestSupport.shift(rosters, t, t.inLead(), RosterShiftKind.EVENING, s, s.plus(Duration.ofHours(8)), true);
		ShiftTestSupport.shift(rosters, t, t.agent2(), RosterShiftKind.EVENING, s, s.plus(Duration.ofHours(8)), false);

		// two tickets the team's agent recorded: one due an hour before the start (overdue then), one two hours after
		String late = ticket(t.agent().username(), "散热器漏水");
		String soon = ticket(t.agent().username(), "暖气不热");
		due(soon, s.plus(Duration.ofHours(2)));
		due(late, s.minus(Duration.ofHours(1)));
		handovers.note(t.actor(t.outLead()), t.team().id(), "3号楼用户下午再来电，已约明早上门", s.minus(Duration.ofHours(2)));

		Handovers.Handover h = handovers.prepare(t.actor(t.outLead()), t.team().id(), s, s.minus(Duration.ofMinutes(40)),
				Locale.SIMPLIFIED_CHINESE);
		List<Handovers.Item> items = handovers.items(h.id());
		List<String> tickets = items.stream().filter(i -> i.source().equals("TICKETS")).map(Handovers.Item::reference).toList();
		// overdue first: the one due at S-1h, then the one due at S+2h
		assertThat(tickets).containsExactly(late, soon);
		// overdue items of every source come before the others
		int lastOverdue = -1;
		int firstOnTime = Integer.MAX_VALUE;
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).overdue()) {
				lastOverdue = i;
			}
			else {
				firstOnTime = Math.min(firstOnTime, i);
			}
		}
		assertThat(lastOverdue).isLessThan(firstOnTime);
		assertThat(items.stream().filter(i -> i.reference().equals(late)).findFirst().orElseThrow().overdue()).isTrue();
		assertThat(items.stream().filter(i -> i.reference().equals(soon)).findFirst().orElseThrow().overdue()).isFalse();
		assertThat(items).filteredOn(i -> i.source().equals("NOTES")).singleElement()
			.satisfies(i -> assertThat(i.text()).contains("已约明早上门").contains(t.outLead().displayName()));
		assertThat(h.status()).isEqualTo("PREPARED");

		// the incoming side cannot sign before the incoming lead has opened it; nobody signs without the three clears
		refused(() -> handovers.sign(t.actor(t.inLead()), h.id(), Handovers.Side.INCOMING, true, true, true,
				s.minus(Duration.ofMinutes(30))), "HANDOVER_NOT_OPENED");
		refused(() -> handovers.sign(t.actor(t.outLead()), h.id(), Handovers.Side.OUTGOING, true, false, true,
				s.minus(Duration.ofMinutes(30))), "HANDOVER_CLEARS_REQUIRED");

		// opened 20 minutes before the start; a second opening keeps the first time
		Instant opened = s.minus(Duration.ofMinutes(20));
		handovers.open(t.actor(t.inLead()), h.id(), opened);
		assertThat(handovers.open(t.actor(t.inLead()), h.id(), s.minus(Duration.ofMinutes(5))).openedAt()).isEqualTo(opened);

		Handovers.Handover one = handovers.sign(t.actor(t.outLead()), h.id(), Handovers.Side.OUTGOING, true, true, true,
				s.minus(Duration.ofMinutes(15)));
		assertThat(one.signed()).isFalse();
		assertThat(one.outgoingSignedBy()).isEqualTo(t.outLead().displayName());
		// the outgoing lead cannot sign for the incoming side too; his side is signed already
		refused(() -> handovers.sign(t.actor(t.outLead()), h.id(), Handovers.Side.INCOMING, true, true, true,
				s.minus(Duration.ofMinutes(14))), "HANDOVER_SAME_SIGNER");
		refused(() -> handovers.sign(t.actor(t.agent()), h.id(), Handovers.Side.OUTGOING, true, true, true,
				s.minus(Duration.ofMinutes(14))), "HANDOVER_SIDE_SIGNED");
		assertThat(handovers.find(h.id()).orElseThrow().incomingSignedById()).isNull();

		// before the second signature the outgoing shift still answers for the team
		assertThat(onDuty.answering(t.team().id(), s.minus(Duration.ofMinutes(12))).orElseThrow().leadId())
			.isEqualTo(t.outLead().id());

		Instant closedAt = s.minus(Duration.ofMinutes(10));
		Handovers.Handover closed = handovers.sign(t.actor(t.inLead()), h.id(), Handovers.Side.INCOMING, true, true, true,
				closedAt);
		assertThat(closed.signed()).isTrue();
		assertThat(closed.status()).isEqualTo("SIGNED");
		assertThat(closed.signedAt()).isEqualTo(closedAt);
		// opened 20 ≥ 15 minutes before, signed 10 minutes before the start: on time (7(七))
		assertThat(closed.onTime(Duration.ofMinutes(15))).isTrue();
		refused(() -> handovers.prepare(t.actor(t.outLead()), t.team().id(), s, closedAt, Locale.SIMPLIFIED_CHINESE),
				"HANDOVER_CLOSED_OR_SIGNED");

		// what moves: from the signature on, the incoming shift answers; the tickets stay with the team
		OnDuty.DutyShift after = onDuty.answering(t.team().id(), s.minus(Duration.ofMinutes(5))).orElseThrow();
		assertThat(after.leadId()).isEqualTo(t.inLead().id());
		assertThat(after.kind()).isEqualTo("EVENING");
		assertThat(after.staffIds()).containsExactlyInAnyOrder(t.inLead().id(), t.agent2().id());
		assertThat(after.handoverPending()).isFalse();
		assertThat(onDuty.answering(t.team().id(), s.plus(Duration.ofHours(1))).orElseThrow().leadId()).isEqualTo(t.inLead().id());
		assertThat(jdbc.sql("select count(*) from ticket t join staff_member m on m.id = coalesce(t.assignee_id, t.first_responder_id) "
				+ "where t.ticket_no in (?, ?) and coalesce(t.assignee_team_id, m.team_id) = ?")
			.params(late, soon, t.team().id()).query(Long.class).single()).isEqualTo(2);
		// the note went with this hand-over: the next one does not list it again
		assertThat(jdbc.sql("select handover_id from shift_handover_note where team_id = ?").param(t.team().id())
			.query(Long.class).single()).isEqualTo(h.id());
		assertThat(jdbc.sql("select count(*) from platform_audit_event where entity_type = 'shift_handover' and entity_id = ? and action in ('HANDOVER_SIGNED', 'HANDOVER_CLOSED', 'HANDOVER_OPENED', 'HANDOVER_PREPARED')")
			.param(String.valueOf(h.id())).query(Long.class).single()).isEqualTo(5);
	}

	@Test
	void aHandoverUnsignedAtTheShiftStartIsEscalatedToTheManagers() {
		ShiftTestSupport.Team t = ShiftTestSupport.team(staff, jdbc);
		// the incoming shift started five minutes ago; the hand-over was prepared but nobody signed
		Instant s = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
		ShiftTestSupport.shift(rosters, t, t.outLead(), RosterShiftKind.DAY, s.minus(Duration.ofHours(8)), s, true);
		ShiftTestSupport.shift(rosters, t, t.inLead(), RosterShiftKind.EVENING, s, s.plus(Duration.ofHours(8)), true);
		Handovers.Handover h = handovers.prepare(t.actor(t.outLead()), t.team().id(), s, s.minus(Duration.ofMinutes(30)),
				Locale.SIMPLIFIED_CHINESE);
		handovers.sign(t.actor(t.outLead()), h.id(), Handovers.Side.OUTGOING, true, true, true, s.minus(Duration.ofMinutes(20)));

		// a second team whose shift started with no hand-over prepared at all
		ShiftTestSupport.Team u = ShiftTestSupport.team(staff, jdbc);
		ShiftTestSupport.shift(rosters, u, u.outLead(), RosterShiftKind.DAY, s.minus(Duration.ofHours(8)), s, true);
		ShiftTestSupport.shift(rosters, u, u.inLead(), RosterShiftKind.EVENING, s, s.plus(Duration.ofHours(8)), true);

		handovers.escalateDue(Instant.now());
		// the sweep beside the test may have done it first: the state is what counts
		Handovers.Handover escalated = handovers.find(h.id()).orElseThrow();
		assertThat(escalated.escalatedAt()).isNotNull();
		assertThat(escalated.signed()).isFalse();
		Handovers.Handover missing = handovers.into(u.team().id(), s).orElseThrow();
		assertThat(missing.status()).isEqualTo("MISSING");
		assertThat(missing.escalatedAt()).isNotNull();
		for (long id : List.of(h.id(), missing.id())) {
			List<Map<String, Object>> notices = jdbc.sql("select role, kind, args from shift_notice where link = ?")
				.param("/shift/handovers/" + id).query().listOfRows();
			assertThat(notices).singleElement().satisfies(n -> {
				assertThat(n.get("role")).isEqualTo("MANAGER");
				assertThat(n.get("kind")).isEqualTo("HANDOVER_ESCALATED");
			});
		}
		// escalated once: another sweep adds nothing
		handovers.escalateDue(Instant.now());
		assertThat(jdbc.sql("select count(*) from shift_notice where link = ?").param("/shift/handovers/" + h.id())
			.query(Long.class).single()).isEqualTo(1);
		// unsigned: the outgoing shift still answers, marked pending
		OnDuty.DutyShift duty = onDuty.answering(t.team().id(), Instant.now()).orElseThrow();
		assertThat(duty.leadId()).isEqualTo(t.outLead().id());
		assertThat(duty.handoverPending()).isTrue();
		// the hand-over can still be closed after the escalation, and then the incoming shift answers
		handovers.open(t.actor(t.inLead()), h.id(), Instant.now());
		handovers.sign(t.actor(t.inLead()), h.id(), Handovers.Side.INCOMING, true, true, true, Instant.now());
		assertThat(onDuty.answering(t.team().id(), Instant.now().plusSeconds(1)).orElseThrow().leadId()).isEqualTo(t.inLead().id());
		assertThat(handovers.find(h.id()).orElseThrow().onTime(Duration.ofMinutes(15))).isFalse();
	}

	@Test
	void onlyTheTeamHandlesItsHandover() {
		ShiftTestSupport.Team t = ShiftTestSupport.team(staff, jdbc);
		ShiftTestSupport.Team other = ShiftTestSupport.team(staff, jdbc);
		Instant s = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
		ShiftTestSupport.shift(rosters, t, t.inLead(), RosterShiftKind.NIGHT, s, s.plus(Duration.ofHours(8)), true);
		refused(() -> handovers.prepare(other.actor(other.outLead()), t.team().id(), s, Instant.now(), Locale.CHINA),
				"HANDOVER_NOT_YOUR_TEAM");
		refused(() -> handovers.prepare(t.actor(t.outLead()), t.team().id(), s.plusSeconds(60), Instant.now(), Locale.CHINA),
				"HANDOVER_NO_SHIFT");
		assertThat(handovers.into(t.team().id(), s)).isEmpty();
	}

	private static void refused(Runnable r, String code) {
		assertThatThrownBy(r::run).isInstanceOfSatisfying(HeatDeskException.class, e -> {
			if (code.equals("HANDOVER_CLOSED_OR_SIGNED")) {
				assertThat(e.code()).isIn("HANDOVER_CLOSED", "HANDOVER_ALREADY_SIGNED");
			}
			else {
				assertThat(e.code()).isEqualTo(code);
			}
		});
	}

	private String ticket(String username, String what) {
		Api.Response r = Api.as(port, username).post("/api/v1/tickets", TicketFixtures.repair(TicketFixtures.unique(what)));
		assertThat(r.status()).isEqualTo(201);
		return r.text("ticketNo");
	}

	private void due(String ticketNo, Instant due) {
		// the test sets the deadline it needs: the dispatch mark is the ticket's next one
		jdbc.sql("update ticket set dispatch_due = ?, respond_due = ?, resolve_due = ? where ticket_no = ?")
			.params(java.sql.Timestamp.from(due), java.sql.Timestamp.from(due.plusSeconds(3600)),
					java.sql.Timestamp.from(due.plusSeconds(7200)), ticketNo)
			.update();
	}
}
