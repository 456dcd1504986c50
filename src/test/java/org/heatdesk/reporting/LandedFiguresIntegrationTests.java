package org.heatdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.reporting.ReportingFixtures.at;
import static org.heatdesk.reporting.ReportingFixtures.ts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each figure of the landed modules on a small hand-made set of records (a team, two agents, a
 * substation and a community of the test's own, on days of 2019 no one else writes on). Every
 * expected value is worked out in the comment beside it from the rows the test writes.
 */
@HeatDeskTest
class LandedFiguresIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Autowired
	ComplianceReports reports;

	ReportingFixtures f;

	@BeforeEach
	void fixtures() {
		f = new ReportingFixtures(jdbc, staff);
	}

	BigDecimal value(String code, LocalDate day, Scope scope) {
		return reports.value(code, Period.day(day), scope).orElseThrow().value();
	}

	static BigDecimal dec(String s) {
		return new BigDecimal(s);
	}

	@Test
	void callsAnsweredWithinTheLimitAndAbandoned() {
		LocalDate d = LocalDate.of(2019, 3, 4);
		f.call(at(d, "09:00"), f.agent1Id, true, false, "INBOUND");
		f.call(at(d, "09:10"), f.agent1Id, false, false, "INBOUND");
		f.call(at(d, "10:00"), f.agent2Id, true, false, "INBOUND");
		f.call(at(d, "11:00"), null, false, true, "INBOUND");
		f.call(at(d, "11:30"), f.agent1Id, null, false, "OUTBOUND");
		f.call(at(d.plusDays(1), "00:10"), f.agent1Id, false, false, "INBOUND");

		// agent 1: the 09:00 call within the limit, the 09:10 one not (the outbound one and the next day's do not count) → 1/2
		assertThat(value("calls.answered-in-limit", d, Scope.agent(f.agent1Id))).isEqualByComparingTo("50.0");
		// agent 2: 1/1
		assertThat(value("calls.answered-in-limit", d, Scope.agent(f.agent2Id))).isEqualByComparingTo("100.0");
		// the team: 2 of its 3 answered calls → 66.7
		assertThat(value("calls.answered-in-limit", d, Scope.team(f.teamId))).isEqualByComparingTo("66.7");
		// the company: the abandoned call counts too (not within the limit) → 2/4
		assertThat(value("calls.answered-in-limit", d, Scope.COMPANY)).isEqualByComparingTo("50.0");
		// abandoned: 1 of the 4 inbound calls → 25.0; it cannot be cut by agent
		assertThat(value("calls.abandoned", d, Scope.COMPANY)).isEqualByComparingTo("25.0");
		assertThat(reports.value("calls.abandoned", Period.day(d), Scope.agent(f.agent1Id))).isEmpty();
		// two days: the next day adds agent 1's late call → 1/3
		assertThat(reports.value("calls.answered-in-limit", new Period(d, d.plusDays(1)), Scope.agent(f.agent1Id)).orElseThrow().value())
			.isEqualByComparingTo("33.3");
	}

	@Test
	void marksWithinTheirDeadlinesCountEveryRoundOnTheDayTheDeadlineFalls() {
		LocalDate d = LocalDate.of(2019, 3, 5);
		long t1 = f.ticket("REPAIR", f.agent1Id, at(d, "08:00"));
		f.set(t1, "dispatch_due", at(d, "10:00"));
		f.set(t1, "dispatched_at", at(d, "09:50"));
		f.set(t1, "respond_due", at(d, "11:00"));
		f.set(t1, "responded_at", at(d, "11:30"));
		f.set(t1, "on_site_due", at(d, "16:00"));
		f.set(t1, "on_site_at", at(d, "15:00"));
		f.set(t1, "resolve_due", at(d.plusDays(1), "10:00"));
		long t2 = f.ticket("REPAIR", f.agent1Id, at(d, "09:00"));
		f.set(t2, "dispatch_due", at(d, "12:00"));
		f.set(t2, "dispatched_at", at(d, "12:30"));
		f.set(t2, "resolve_due", at(d, "20:00"));
		f.set(t2, "resolved_at", at(d, "19:00"));
		long t3 = f.ticket("REPAIR", f.agent1Id, at(d, "09:30"));
		f.set(t3, "dispatch_due", at(d, "14:00"));
		f.set(t3, "cancelled_at", at(d, "13:00"));
		long t4 = f.ticket("REPAIR", f.agent2Id, at(d, "10:00"));
		f.set(t4, "dispatch_due", at(d, "15:00"));
		long t5 = f.ticket("REPAIR", f.agent1Id, at(d.minusDays(1), "07:00"));
		f.set(t5, "dispatch_due", at(d.plusDays(2), "08:00"));
		jdbc.sql("""
				insert into ticket_round (ticket_id, round, dispatch_due, dispatched_at, reopened_at, reopened_by)
				values (?, 1, ?, ?, ?, 'test')""")
			.params(t5, ts(at(d, "08:00")), ts(at(d, "07:55")), ts(at(d, "18:00"))).update();
		long t6 = f.ticket("REPAIR", f.agent2Id, at(d, "14:00"));
		f.set(t6, "respond_due", at(d, "16:00"));
		f.set(t6, "paused_at", at(d, "15:00"));

		// dispatch, agent 1: t1 kept (09:50 ≤ 10:00), t2 missed (12:30 > 12:00), t3 cancelled before its deadline (not
		// counted), t5's first round kept (07:55 ≤ 08:00; its current deadline falls two days later) → 2/3
		assertThat(value("tickets.dispatched-on-time", d, Scope.agent(f.agent1Id))).isEqualByComparingTo("66.7");
		// agent 2: t4 never dispatched → 0/1
		assertThat(value("tickets.dispatched-on-time", d, Scope.agent(f.agent2Id))).isEqualByComparingTo("0.0");
		// team, substation, community: 2/4
		assertThat(value("tickets.dispatched-on-time", d, Scope.team(f.teamId))).isEqualByComparingTo("50.0");
		assertThat(value("tickets.dispatched-on-time", d, new Scope(ScopeKind.SUBSTATION, f.substationId))).isEqualByComparingTo("50.0");
		assertThat(value("tickets.dispatched-on-time", d, new Scope(ScopeKind.COMMUNITY, f.communityId))).isEqualByComparingTo("50.0");
		// respond: t1 heard back at 11:30 after 11:00 → 0/1; t6 waits for the customer since before its deadline → not counted
		assertThat(value("tickets.responded-on-time", d, Scope.agent(f.agent1Id))).isEqualByComparingTo("0.0");
		assertThat(value("tickets.responded-on-time", d, Scope.agent(f.agent2Id))).isNull();
		// on site: t1 15:00 ≤ 16:00 → 1/1
		assertThat(value("tickets.on-site-on-time", d, Scope.agent(f.agent1Id))).isEqualByComparingTo("100.0");
		// resolve: t2 19:00 ≤ 20:00 → 1/1 (t1's deadline falls the next day)
		assertThat(value("tickets.resolved-on-time", d, Scope.agent(f.agent1Id))).isEqualByComparingTo("100.0");
		assertThat(value("tickets.resolved-on-time", d.plusDays(1), Scope.agent(f.agent1Id))).isEqualByComparingTo("0.0");

		// the drill-down names the missed ones first: t2 and t4, then the kept t1 and t5
		ComplianceFigure figure = reports.figure("tickets.dispatched-on-time").orElseThrow();
		List<FigureRecord> records = figure.records(at(d, "00:00"), at(d.plusDays(1), "00:00"), Scope.team(f.teamId), 10,
				Locale.SIMPLIFIED_CHINESE);
		assertThat(records).extracting(FigureRecord::reference)
			.containsExactly(f.ticketNo(t2), f.ticketNo(t4), f.ticketNo(t5), f.ticketNo(t1));
		assertThat(records.get(0).detail()).startsWith("未达标").contains("03-05 12:00 → 03-05 12:30");
		assertThat(records.get(0).link()).isEqualTo("/tickets/" + f.ticketNo(t2));
	}

	@Test
	void intakeFiguresSameDayCompleteInquiriesReworkAndTheMedianToDispatch() {
		LocalDate d = LocalDate.of(2019, 3, 6);
		long t1 = f.ticket("REPAIR", f.agent1Id, at(d, "09:00"));
		f.set(t1, "responded_at", at(d, "10:00"));
		f.set(t1, "dispatched_at", at(d, "09:12"));
		f.set(t1, "resolved_at", at(d, "12:00"));
		long t2 = f.ticket("REPAIR", f.agent1Id, at(d, "20:00"));
		f.set(t2, "responded_at", at(d.plusDays(1), "08:00"));
		f.set(t2, "dispatched_at", at(d, "20:40"));
		f.set(t2, "address", null);
		jdbc.sql("insert into ticket_rework (ticket_id, previous_ticket_id, previous_resolved_at, recorded_at) values (?, ?, ?, ?)")
			.params(t2, t1, ts(at(d, "12:00")), ts(at(d, "20:00"))).update();
		long t3 = f.ticket("INQUIRY", f.agent1Id, at(d, "11:00"));
		f.set(t3, "responded_at", at(d, "11:00"));
		jdbc.sql("insert into ticket_event (ticket_id, at, actor, kind, detail) values (?, ?, 'test', 'ANSWERED_IN_CALL', '已解答')")
			.params(t3, ts(at(d, "11:00"))).update();
		long t4 = f.ticket("INQUIRY", f.agent1Id, at(d, "13:00"));
		f.set(t4, "responded_at", at(d, "16:00"));
		f.set(t4, "category_id", null);
		long t5 = f.ticket("REPAIR", f.agent1Id, at(d, "15:00"));
		f.set(t5, "dispatched_at", at(d, "15:05"));
		f.set(t5, "responded_at", at(d, "15:20"));
		f.set(t5, "resolved_at", at(d, "18:00"));
		jdbc.sql("""
				insert into notification_message (kind, channel, ticket_no, body, status, not_before, queued_at, queued_by)
				values ('REPAIR_RECEIVED', 'SMS', ?, '报表测试', 'SENT', ?, ?, 'test')""")
			.params(f.ticketNo(t1), ts(at(d, "11:00")), ts(at(d, "11:00"))).update();
		Scope me = Scope.agent(f.agent1Id);

		// same day: t1, t3, t4, t5 heard back the day they were recorded; t2 (20:00) only the next morning → 4/5
		assertThat(value("tickets.same-day-first-response", d, me)).isEqualByComparingTo("80.0");
		// complete: t2 has neither address nor customer, t4 no category; t1, t3, t5 complete → 3/5
		assertThat(value("tickets.complete-fields", d, me)).isEqualByComparingTo("60.0");
		// inquiries: t3 answered in the call, t4 not → 1/2
		assertThat(value("inquiries.resolved-in-call", d, me)).isEqualByComparingTo("50.0");
		// rework: of the repairs t1, t2, t5, t2 is t1's fault again → 1/3
		assertThat(value("repairs.rework", d, me)).isEqualByComparingTo("33.3");
		// intake → dispatch: 12 (t1), 40 (t2), 5 (t5) minutes → sorted 5, 12, 40 → median 12
		assertThat(value("repairs.intake-to-dispatch", d, me)).isEqualByComparingTo("12");
		// customer updated: t1 had a message sent by the end of its day, t5 none → 1/2 (t2 is not resolved)
		assertThat(value("repairs.customer-updated", d, me)).isEqualByComparingTo("50.0");
	}

	@Test
	void closingWithAResultAndUnbrokenOwnership() {
		LocalDate d = LocalDate.of(2019, 3, 7);
		long t1 = f.ticket("REPAIR", f.agent1Id, at(d.minusDays(1), "09:00"));
		f.set(t1, "closed_at", at(d, "10:00"));
		f.set(t1, "result", "已修好");
		long t2 = f.ticket("REPAIR", f.agent1Id, at(d.minusDays(1), "09:00"));
		f.set(t2, "closed_at", at(d, "11:00"));
		f.set(t2, "result", "  ");
		f.set(t2, "assignee_id", null);
		long t3 = f.ticket("COMPLAINT", f.agent1Id, at(d.minusDays(1), "09:00"));
		f.set(t3, "closed_at", at(d, "12:00"));
		f.set(t3, "result", "已答复");
		jdbc.sql("""
				insert into ticket_transfer (ticket_id, kind, from_staff_id, from_staff, to_staff_id, reason, status, requested_at)
				values (?, 'TRANSFER', ?, 'x', ?, '转给同事', 'PENDING', ?)""")
			.params(t3, f.agent1Id, f.agent2Id, ts(at(d, "11:30"))).update();
		long t4 = f.ticket("REPAIR", f.agent1Id, at(d.minusDays(2), "09:00"));
		jdbc.sql("""
				insert into ticket_round (ticket_id, round, result, closed_at, reopened_at, reopened_by)
				values (?, 1, '第一次修好', ?, ?, 'test')""")
			.params(t4, ts(at(d, "09:00")), ts(at(d, "13:00"))).update();
		Scope me = Scope.agent(f.agent1Id);

		// with a result: t1 yes, t2 blank, t3 yes, t4's first round yes → 3/4
		assertThat(value("tickets.closed-with-result", d, me)).isEqualByComparingTo("75.0");
		// ownership (tickets closed on the day): t1 held; t2 held by no one; t3 with a transfer left hanging → 1/3
		assertThat(value("tickets.unbroken-ownership", d, me)).isEqualByComparingTo("33.3");
	}

	@Test
	void followUpsOnTimeSatisfactionAndComplaintReplies() {
		LocalDate d = LocalDate.of(2019, 3, 8);
		long t = f.ticket("REPAIR", f.agent1Id, at(d.minusDays(2), "09:00"));
		String no = f.ticketNo(t);
		followUp(t, no, 1, at(d, "10:00"), "DONE", at(d, "09:00"), "SATISFIED");
		followUp(t, no, 2, at(d, "12:00"), "DONE", at(d, "14:00"), "DISSATISFIED");
		long f3 = followUp(t, no, 3, at(d, "16:00"), "UNREACHABLE", null, null);
		jdbc.sql("insert into followup_attempt (follow_up_id, at, day, by_name) values (?, ?, ?, 'x'), (?, ?, ?, 'x')")
			.params(f3, ts(at(d.minusDays(1), "10:00")), d.minusDays(1), f3, ts(at(d, "15:00")), d).update();
		followUp(t, no, 4, at(d, "17:00"), "CANCELLED", null, null);
		followUp(t, no, 5, at(d, "18:00"), "QUEUED", null, null);
		long c1 = f.ticket("COMPLAINT", f.agent1Id, at(d.minusDays(2), "09:00"));
		long c2 = f.ticket("COMPLAINT", f.agent1Id, at(d.minusDays(2), "09:00"));
		long c3 = f.ticket("COMPLAINT", f.agent1Id, at(d.minusDays(2), "09:00"));
		complaint(c1, at(d, "10:00"), at(d, "09:00"));
		complaint(c2, at(d, "12:00"), at(d, "13:00"));
		complaint(c3, at(d, "14:00"), null);
		Scope me = Scope.agent(f.agent1Id);

		// rate: due on the day (the cancelled one aside): 1 done in time, 2 done late, 3 given up after its tries by 15:00
		// before 16:00, 5 still queued → 2/4
		assertThat(value("followup.rate", d, me)).isEqualByComparingTo("50.0");
		// satisfaction: done on the day: 1 satisfied, 2 dissatisfied → 1/2
		assertThat(value("followup.satisfaction", d, me)).isEqualByComparingTo("50.0");
		// complaints: replied 09:00 ≤ 10:00 yes, 13:00 > 12:00 no, never no → 1/3
		assertThat(value("complaints.answered-in-time", d, me)).isEqualByComparingTo("33.3");
		assertThat(value("complaints.answered-in-time", d, Scope.team(f.teamId))).isEqualByComparingTo("33.3");
	}

	long followUp(long ticketId, String no, int round, java.time.Instant due, String status, java.time.Instant doneAt,
			String satisfaction) {
		return jdbc.sql("""
				insert into followup_follow_up (ticket_id, ticket_no, round, ticket_type, resolved_at, due_at, status, satisfaction,
				  solved, done_at, queued_at)
				values (?, ?, ?, 'REPAIR', ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(ticketId, no, round, ts(due.minus(Duration.ofDays(2))), ts(due), status, satisfaction,
					satisfaction == null ? null : true, ts(doneAt), ts(due.minus(Duration.ofDays(2))))
			.query(Long.class).single();
	}

	void complaint(long ticketId, java.time.Instant due, java.time.Instant repliedAt) {
		jdbc.sql("""
				insert into followup_complaint (ticket_id, ticket_no, recorded_at, reply_due, reply, by_call, replied_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(ticketId, f.ticketNo(ticketId), ts(due.minus(Duration.ofDays(2))), ts(due), repliedAt == null ? null : "已答复",
					repliedAt != null, ts(repliedAt))
			.update();
	}

	@Test
	void refusedRoutingsAndReadsAreCountedAndTheChainOfTheDayIsIntact() throws Exception {
		LocalDate d = LocalDate.of(2019, 3, 9);
		audit(f.agent1.username(), "TICKET_CONFLICT_ROUTING_REFUSED", "ticket", "GR1", at(d, "09:00"));
		audit(f.agent1.username(), "TICKET_CONFLICT_ROUTING_REFUSED", "ticket", "GR2", at(d, "10:00"));
		audit(f.agent2.username(), "TICKET_CONFLICT_ROUTING_REFUSED", "ticket", "GR3", at(d, "11:00"));
		audit(f.agent1.username(), "TICKET_ACCESS_REFUSED", "ticket", "GR4", at(d, "12:00"));
		audit(f.agent2.username(), "ACCESS_DENIED", "request", "GET /customers/5", at(d, "13:00"));
		audit(f.agent2.username(), "ACCESS_DENIED", "request", "GET /staff", at(d, "14:00"));

		// routing refusals: agent 1 two, agent 2 one, the team three
		assertThat(value("complaints.conflict-refusals", d, Scope.agent(f.agent1Id))).isEqualByComparingTo("2");
		assertThat(value("complaints.conflict-refusals", d, Scope.agent(f.agent2Id))).isEqualByComparingTo("1");
		assertThat(value("complaints.conflict-refusals", d, Scope.team(f.teamId))).isEqualByComparingTo("3");
		// reads: agent 1 the ticket, agent 2 the customer page (the staff page is no personal data) → 1, 1, team 2
		assertThat(value("privacy.unauthorised-reads", d, Scope.agent(f.agent1Id))).isEqualByComparingTo("1");
		assertThat(value("privacy.unauthorised-reads", d, Scope.agent(f.agent2Id))).isEqualByComparingTo("1");
		assertThat(value("privacy.unauthorised-reads", d, Scope.team(f.teamId))).isEqualByComparingTo("2");
		// a day without refusals counts 0, kept (the target is 0)
		FigureValue none = reports.value("complaints.conflict-refusals", Period.day(d.plusDays(1)), Scope.team(f.teamId)).orElseThrow();
		assertThat(none.value()).isEqualByComparingTo("0");
		assertThat(none.meetsTarget()).isTrue();

		// the six rows are sealed by the chain's sealer within seconds; then the day is intact (1)
		for (int i = 0; i < 60 && jdbc.sql("select count(*) from platform_audit_event where hash is null and occurred_at >= ? and occurred_at < ?")
			.params(ts(at(d, "00:00")), ts(at(d.plusDays(1), "00:00"))).query(Long.class).single() > 0; i++) {
			Thread.sleep(500);
		}
		assertThat(value("audit.chain-intact", d, Scope.COMPANY)).isEqualByComparingTo("1");
		// a day without audit rows has no value
		assertThat(value("audit.chain-intact", LocalDate.of(2019, 2, 1), Scope.COMPANY)).isNull();
	}

	void audit(String actor, String action, String type, String id, java.time.Instant at) {
		jdbc.sql("""
				insert into platform_audit_event (occurred_at, actor, action, entity_type, entity_id)
				values (?, ?, ?, ?, ?)""").params(ts(at), actor, action, type, id).update();
	}

	@Test
	void customersWithACurrentContractAndJobsToCertifiedTechnicians() {
		LocalDate d = LocalDate.of(2019, 3, 10);
		long template = jdbc.sql("""
				insert into customer_contract_template (version, title, body, effective_from, created_at, created_by)
				values (?, '供热合同', '…', '2018-01-01', now(), 'test') returning id""")
			.param("RPT-" + System.nanoTime()).query(Long.class).single();
		long cu1 = customer("HEATING", at(LocalDate.of(2019, 1, 1), "09:00"));
		contract(template, cu1, LocalDate.of(2018, 11, 15), LocalDate.of(2019, 3, 15));
		customer("HEATING", at(LocalDate.of(2019, 1, 1), "09:00"));
		customer("SUSPENDED", at(LocalDate.of(2019, 1, 1), "09:00"));
		customer("HEATING", at(LocalDate.of(2019, 4, 1), "09:00"));
		long cu5 = customer("HEATING", at(LocalDate.of(2019, 1, 1), "09:00"));
		contract(template, cu5, LocalDate.of(2018, 11, 15), LocalDate.of(2019, 3, 9));
		Scope community = new Scope(ScopeKind.COMMUNITY, f.communityId);

		// heated on 03-10 and on the books: cu1 (contract covers the day), cu2 (none), cu5 (expired 03-09); cu3 suspended,
		// cu4 not yet a customer → 1/3
		assertThat(value("customers.current-contract", d, community)).isEqualByComparingTo("33.3");
		assertThat(value("customers.current-contract", d, new Scope(ScopeKind.SUBSTATION, f.substationId))).isEqualByComparingTo("33.3");
		// 03-10 and 03-11: the same three customers each day, cu1 covered both days → 2/6
		assertThat(reports.value("customers.current-contract", new Period(d, d.plusDays(1)), community).orElseThrow().value())
			.isEqualByComparingTo("33.3");
		// 03-16: cu1's contract ended on 03-15 → 0/3
		assertThat(value("customers.current-contract", LocalDate.of(2019, 3, 16), community)).isEqualByComparingTo("0.0");

		long tech1 = 9_000_000_000L + System.nanoTime() % 1_000_000;
		long tech2 = tech1 + 1;
		long tech3 = tech1 + 2;
		certificate(tech1, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
		certificate(tech2, LocalDate.of(2018, 1, 1), LocalDate.of(2019, 3, 1));
		long t = f.ticket("REPAIR", f.agent1Id, at(d, "08:00"));
		job(f.ticketNo(t), tech1, at(d, "09:00"));
		job(f.ticketNo(t), tech2, at(d, "10:00"));
		job(f.ticketNo(t), tech3, at(d, "11:00"));
		// jobs: tech 1 certified that day, tech 2's certificate ended 03-01, tech 3 has none → 1/3
		assertThat(value("dispatch.certified", d, new Scope(ScopeKind.SUBSTATION, f.substationId))).isEqualByComparingTo("33.3");
		assertThat(value("dispatch.certified", d, community)).isEqualByComparingTo("33.3");
	}

	long customer(String status, java.time.Instant created) {
		String account = "RP" + (System.nanoTime() % 10_000_000_000L);
		return jdbc.sql("""
				insert into customer (account_no, name, community_id, building, unit, room, heated_area, substation_id, heating_status,
				  created_at, updated_at)
				values (?, '报表客户', ?, '1', '1', '101', 80, ?, ?, ?, ?) returning id""")
			.params(account, f.communityId, f.substationId, status, ts(created), ts(created)).query(Long.class).single();
	}

	void contract(long template, long customer, LocalDate from, LocalDate to) {
		jdbc.sql("""
				insert into customer_contract (customer_id, template_id, signed_on, valid_from, valid_to, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, 'test')""")
			.params(customer, template, from, from, to, ts(at(from, "09:00"))).update();
	}

	void certificate(long staffId, LocalDate from, LocalDate until) {
		jdbc.sql("""
				insert into dispatch_certificate (staff_id, kind, number, issuer, valid_from, valid_until, created_at)
				values (?, 'HEATING', ?, 'test', ?, ?, now())""").params(staffId, "C" + staffId, from, until).update();
	}

	void job(String ticketNo, long technician, java.time.Instant at) {
		jdbc.sql("""
				insert into dispatch_job (ticket_no, kind, technician_id, status, dispatched_at, dispatched_by)
				values (?, 'REPAIR', ?, 'DONE', ?, 'test')""").params(ticketNo, technician, ts(at)).update();
	}
}
