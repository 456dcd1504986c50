package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.FieldTicket;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketScope;
import org.heatdesk.ticket.TicketStatus;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Field jobs against PostgreSQL: who may be sent, one job at a time per ticket, each step of the
 * technician and the ticket mark it reaches, steps sent twice, steps recorded offline, steps out of
 * order or by someone else, re-dispatch.
 */
@HeatDeskTest
class JobsIntegrationTests {

	/** The smallest PNG there is (1×1), as a signature canvas would send a (bigger) one. */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	@Autowired
	Jobs jobs;

	@Autowired
	Technicians technicians;

	@Autowired
	Tickets tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/** A crew of two pipe fitters, a dispatcher and an agent of the test's own. */
	final class Setup {

		final DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 2);

		final Actor sun = Actor.person(crew.usernames()[0], crew.names()[0]);

		final Actor zheng = Actor.person(crew.usernames()[1], crew.names()[1]);

		final long sunId = crew.technicians()[0];

		final long zhengId = crew.technicians()[1];

		final Actor dispatcher;

		final Actor agent;

		Setup() {
			TestStaff.Account d = TestStaff.create(staff, "disp", Role.DISPATCHER);
			TestStaff.Account a = TestStaff.create(staff, "agent", Role.AGENT);
			dispatcher = Actor.person(d.username(), d.displayName());
			agent = Actor.person(a.username(), a.displayName());
			for (long t : crew.technicians()) {
				technicians.setSkills(Actor.system("test"), t, EnumSet.of(Skill.PIPE_FITTER));
			}
		}

		String repair() {
			return tickets.record(agent, new RecordTicket(TicketType.REPAIR, null, Priority.NORMAL, TicketScope.HOUSEHOLD,
					Channel.PHONE, null, "13800000000", "翠园小区 3-2-501", "暖气管漏水 " + UUID.randomUUID(), null, null, null))
				.ticketNo();
		}
	}

	static String step() {
		return UUID.randomUUID().toString();
	}

	FieldTicket ticket(String no) {
		return ticketQueries.forField(no).orElseThrow();
	}

	List<String> timeline(String no) {
		return jdbc.sql("select e.kind from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ? order by e.id")
			.param(no).query(String.class).list();
	}

	long jobRows(String no) {
		return jdbc.sql("select count(*) from dispatch_job where ticket_no = ?").param(no).query(Long.class).single();
	}

	static HeatDeskException refusal(Runnable r) {
		try {
			r.run();
		}
		catch (HeatDeskException e) {
			return e;
		}
		throw new AssertionError("not refused");
	}

	/** Moves the job's and the ticket's times back, as if the ticket had been recorded and dispatched {@code ago}. */
	void happenedAgo(String no, Duration ago) {
		jdbc.sql("update ticket set recorded_at = recorded_at - ?::interval, dispatched_at = dispatched_at - ?::interval where ticket_no = ?")
			.params(ago.toSeconds() + " seconds", ago.toSeconds() + " seconds", no).update();
		jdbc.sql("update dispatch_job set dispatched_at = dispatched_at - ?::interval where ticket_no = ?")
			.params(ago.toSeconds() + " seconds", no).update();
	}

	@Test
	void aTechnicianWithoutTheSkillOrTheCertificateIsRefusedAndNothingIsWritten() {
		Setup s = new Setup();
		String no = s.repair();
		technicians.setSkills(Actor.system("test"), s.zhengId, EnumSet.of(Skill.WELDER));
		// welding needs the welding permit (特种作业): the welder without one is refused
		HeatDeskException certificate = refusal(() -> jobs.dispatch(s.dispatcher, no, s.zhengId, JobKind.WELDING, null));
		assertThat(certificate.code()).isEqualTo("DISPATCH_CERTIFICATE_MISSING");
		assertThat(certificate.status().value()).isEqualTo(409);
		// a pipe repair needs a pipe fitter: he is none any more
		assertThat(refusal(() -> jobs.dispatch(s.dispatcher, no, s.zhengId, JobKind.PIPE_REPAIR, null)).code())
			.isEqualTo("DISPATCH_SKILL_MISSING");
		assertThat(jobRows(no)).isZero();
		assertThat(ticket(no).status()).isEqualTo(TicketStatus.RECORDED);
		assertThat(timeline(no)).containsExactly("RECORDED");
	}

	@Test
	void anyTechnicianMayBeSentToMeasureRoomTemperatures() {
		Setup s = new Setup();
		technicians.setSkills(Actor.system("test"), s.zhengId, EnumSet.noneOf(Skill.class));
		String no = s.repair();
		JobView test = jobs.dispatch(s.dispatcher, no, s.zhengId, JobKind.TEMPERATURE_TEST, null);
		assertThat(test.kind()).isEqualTo(JobKind.TEMPERATURE_TEST);
		assertThat(jobs.forTicket(no)).singleElement().satisfies(j -> assertThat(j.technicianId()).isEqualTo(s.zhengId));
	}

	@Test
	void aTicketHasOneJobInProgressAtATime() {
		Setup s = new Setup();
		String no = s.repair();
		JobView job = jobs.dispatch(s.dispatcher, no, s.sunId, JobKind.PIPE_REPAIR, "带 DN20 阀门");
		assertThat(job.status()).isEqualTo(JobStatus.DISPATCHED);
		assertThat(job.address()).isEqualTo("翠园小区 3-2-501");
		assertThat(job.crewId()).isEqualTo(s.crew.id());
		assertThat(job.onSiteDue()).isEqualTo(ticket(no).onSiteDue());
		FieldTicket t = ticket(no);
		assertThat(t.status()).isEqualTo(TicketStatus.DISPATCHED);
		assertThat(t.assigneeId()).isEqualTo(s.sunId);

		HeatDeskException second = refusal(() -> jobs.dispatch(s.dispatcher, no, s.zhengId, JobKind.PIPE_REPAIR, null));
		assertThat(second.code()).isEqualTo("DISPATCH_JOB_ACTIVE");
		assertThat(second.status().value()).isEqualTo(409);
		assertThat(jobRows(no)).isEqualTo(1);
		assertThat(ticket(no).assigneeId()).isEqualTo(s.sunId);
		assertThat(jobs.activeFor(s.sunId)).extracting(JobView::id).containsExactly(job.id());
		assertThat(jobs.activeCountByTechnician()).containsEntry(s.sunId, 1).doesNotContainKey(s.zhengId);
		// the technician holding it reads it; his colleague does not
		assertThat(ticketQueries.find(s.sun, no)).isPresent();
		assertThat(ticketQueries.find(s.zheng, no)).isEmpty();
	}

	@Test
	void eachStepReachesItsMarkAtTheTimeThePhoneRecorded() {
		Setup s = new Setup();
		String no = s.repair();
		long id = jobs.dispatch(s.dispatcher, no, s.sunId, JobKind.PIPE_REPAIR, null).id();
		happenedAgo(no, Duration.ofMinutes(30));
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

		// accepted 25 minutes ago, sent only now (the phone was offline): no mark
		JobView accepted = jobs.accept(s.sun, id, step(), now.minus(Duration.ofMinutes(25)));
		assertThat(accepted.status()).isEqualTo(JobStatus.ACCEPTED);
		assertThat(accepted.acceptedAt()).isEqualTo(now.minus(Duration.ofMinutes(25)));
		assertThat(ticket(no).status()).isEqualTo(TicketStatus.DISPATCHED);

		// on the way 20 minutes ago: the customer is told, RESPONDED at that time
		JobView going = jobs.onTheWay(s.sun, id, step(), now.minus(Duration.ofMinutes(20)));
		assertThat(going.onTheWayAt()).isEqualTo(now.minus(Duration.ofMinutes(20)));
		assertThat(ticket(no).status()).isEqualTo(TicketStatus.RESPONDED);
		assertThat(ticket(no).respondedAt()).isEqualTo(now.minus(Duration.ofMinutes(20)));

		// arrived 10 minutes ago: the ticket's on-site time is the step's time, not the time it was received
		JobView arrived = jobs.arrive(s.sun, id, step(), now.minus(Duration.ofMinutes(10)));
		assertThat(arrived.status()).isEqualTo(JobStatus.ON_SITE);
		assertThat(arrived.arrivedAt()).isEqualTo(now.minus(Duration.ofMinutes(10)));
		assertThat(ticket(no).onSiteAt()).isEqualTo(now.minus(Duration.ofMinutes(10)));
		// the 2-hour on-site deadline runs from the recording (30 minutes ago, or later in working time): kept
		assertThat(arrived.onSiteInTime()).isTrue();

		JobView done = jobs.done(s.sun, id, step(), now,
				new Jobs.Finish("阀芯老化", "更换阀芯，试压正常", "DN20 阀芯 1 个", PNG, "王先生"));
		assertThat(done.status()).isEqualTo(JobStatus.DONE);
		assertThat(done.signed()).isTrue();
		assertThat(done.finishedAt()).isEqualTo(now);
		assertThat(jobs.signature(id)).hasValueSatisfying(p -> assertThat(p).isEqualTo(PNG));
		FieldTicket resolved = ticket(no);
		assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(resolved.resolvedAt()).isEqualTo(now);
		assertThat(jdbc.sql("select result from ticket where ticket_no = ?").param(no).query(String.class).single())
			.contains("阀芯老化").contains("更换阀芯，试压正常").contains("DN20 阀芯 1 个");

		// each step on the timeline, with the marks it reached, at the times they happened
		assertThat(timeline(no)).containsExactly("RECORDED", "DISPATCHED", "FIELD_ACCEPTED", "RESPONDED",
				"FIELD_ON_THE_WAY", "ON_SITE", "FIELD_ARRIVED", "RESOLVED", "FIELD_DONE");
		assertThat(jdbc.sql("""
				select e.at from ticket_event e join ticket t on t.id = e.ticket_id
				where t.ticket_no = ? and e.kind = 'ON_SITE'""").param(no).query(java.sql.Timestamp.class).single()
			.toInstant()).isEqualTo(now.minus(Duration.ofMinutes(10)));
		// the first responder heard of the steps that reached no mark and of each mark
		assertThat(jdbc.sql("""
				select n.kind from ticket_notification n join ticket t on t.id = n.ticket_id
				where t.ticket_no = ? and n.staff_id = t.first_responder_id order by n.id""").param(no).query(String.class).list())
			.containsExactly("DISPATCHED", "FIELD_ACCEPTED", "RESPONDED", "ON_SITE", "RESOLVED");
		assertThat(jobs.activeFor(s.sunId)).isEmpty();
		assertThat(jdbc.sql("select count(*) from dispatch_job_step where job_id = ?").param(id).query(Long.class).single())
			.isEqualTo(4);
	}

	@Test
	void theSameStepSentTwiceIsRecordedOnce() {
		Setup s = new Setup();
		String no = s.repair();
		long id = jobs.dispatch(s.dispatcher, no, s.sunId, JobKind.PIPE_REPAIR, null).id();
		happenedAgo(no, Duration.ofMinutes(5));
		String accept = step();
		Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		jobs.accept(s.sun, id, accept, at);
		String going = step();
		JobView first = jobs.onTheWay(s.sun, id, going, at);
		// the answer was lost on a weak connection: the phone sends both again, a little later
		JobView again = jobs.onTheWay(s.sun, id, going, at.plusSeconds(30));
		jobs.accept(s.sun, id, accept, at.plusSeconds(30));
		assertThat(again).isEqualTo(first);
		assertThat(again.onTheWayAt()).isEqualTo(at);
		assertThat(jdbc.sql("select count(*) from dispatch_job_step where job_id = ?").param(id).query(Long.class).single())
			.isEqualTo(2);
		assertThat(timeline(no)).containsExactly("RECORDED", "DISPATCHED", "FIELD_ACCEPTED", "RESPONDED", "FIELD_ON_THE_WAY");
		assertThat(jdbc.sql("select count(*) from platform_audit_event where entity_type = 'dispatch_job' and entity_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void theSameStepArrivingTwiceAtOnceIsRecordedOnce() throws Exception {
		Setup s = new Setup();
		String no = s.repair();
		long id = jobs.dispatch(s.dispatcher, no, s.sunId, JobKind.PIPE_REPAIR, null).id();
		String accept = step();
		Instant at = clock.instant();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<JobView>> sent = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				sent.add(pool.submit(() -> {
					start.await();
					return jobs.accept(s.sun, id, accept, at);
				}));
			}
			start.countDown();
			for (var f : sent) {
				assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(JobStatus.ACCEPTED);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from dispatch_job_step where job_id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
		assertThat(timeline(no)).containsExactly("RECORDED", "DISPATCHED", "FIELD_ACCEPTED");
	}

	@Test
	void notDoneKeepsTheTicketOpenWithTheNextVisit() {
		Setup s = new Setup();
		String no = s.repair();
		long id = jobs.dispatch(s.dispatcher, no, s.sunId, JobKind.PIPE_REPAIR, null).id();
		happenedAgo(no, Duration.ofMinutes(5));
		Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		jobs.accept(s.sun, id, step(), at);
		jobs.arrive(s.sun, id, step(), at);
		Instant next = at.plus(Duration.ofDays(1));
		assertThat(refusal(() -> jobs.notDone(s.sun, id, step(), at, "  ", next)).code()).isEqualTo("DISPATCH_REASON_REQUIRED");
		JobView notDone = jobs.notDone(s.sun, id, step(), at, "需更换主管道，明天带焊机再来", next);
		assertThat(notDone.status()).isEqualTo(JobStatus.NOT_DONE);
		assertThat(notDone.nextVisitAt()).isEqualTo(next);
		assertThat(notDone.reason()).isEqualTo("需更换主管道，明天带焊机再来");
		FieldTicket t = ticket(no);
		// arriving without pressing "on the way" still told the customer first, then the on-site mark
		assertThat(t.status()).isEqualTo(TicketStatus.RESPONDED);
		assertThat(t.onSiteAt()).isEqualTo(at);
		assertThat(t.resolvedAt()).isNull();
		assertThat(t.assigneeId()).isEqualTo(s.sunId);
		assertThat(timeline(no)).endsWith("FIELD_NOT_DONE");
		assertThat(jobs.activeFor(s.sunId)).isEmpty();
	}

	@Test
	void stepsOutOfOrderInTheFutureOrBySomeoneElseAreRefused() {
		Setup s = new Setup();
		String no = s.repair();
		long id = jobs.dispatch(s.dispatcher, no, s.sunId, JobKind.PIPE_REPAIR, null).id();
		Instant now = clock.instant();
		HeatDeskException early = refusal(() -> jobs.arrive(s.sun, id, step(), now));
		assertThat(early.code()).isEqualTo("DISPATCH_STEP_NOT_ALLOWED");
		assertThat(early.status().value()).isEqualTo(409);
		HeatDeskException other = refusal(() -> jobs.accept(s.zheng, id, step(), now));
		assertThat(other.code()).isEqualTo("DISPATCH_JOB_NOT_YOURS");
		assertThat(other.status().value()).isEqualTo(403);
		assertThat(refusal(() -> jobs.accept(s.sun, id, step(), now.plus(Duration.ofMinutes(5)))).code())
			.isEqualTo("DISPATCH_STEP_IN_FUTURE");
		assertThat(refusal(() -> jobs.accept(s.sun, id, step(), now.minus(Duration.ofHours(1)))).code())
			.isEqualTo("DISPATCH_STEP_BEFORE_PREVIOUS");
		assertThat(refusal(() -> jobs.accept(s.sun, id, "not a step id", now)).code()).isEqualTo("DISPATCH_STEP_ID_FORMAT");
		// a phone 30 seconds behind the server's clock: read as accepted at the dispatch
		Instant dispatched = jobs.job(id).orElseThrow().dispatchedAt();
		assertThat(jobs.accept(s.sun, id, step(), dispatched.minusSeconds(30)).acceptedAt()).isEqualTo(dispatched);
		jobs.arrive(s.sun, id, step(), now);
		assertThat(refusal(() -> jobs.done(s.sun, id, step(), now, new Jobs.Finish("阀芯老化", "更换阀芯", null, null, null)))
			.code()).isEqualTo("DISPATCH_SIGNATURE_REQUIRED");
		assertThat(refusal(() -> jobs.done(s.sun, id, step(), now,
				new Jobs.Finish("阀芯老化", "更换阀芯", null, "GIF89a".getBytes(StandardCharsets.US_ASCII), null))).code())
			.isEqualTo("DISPATCH_SIGNATURE_FORMAT");
		// the refusals wrote nothing: the job is where the two accepted steps left it
		assertThat(jobs.job(id).orElseThrow().status()).isEqualTo(JobStatus.ON_SITE);
		assertThat(jdbc.sql("select count(*) from dispatch_job_step where job_id = ?").param(id).query(Long.class).single())
			.isEqualTo(2);
		assertThat(ticket(no).status()).isEqualTo(TicketStatus.RESPONDED);
	}

	@Test
	void redispatchWithdrawsTheJobAndHandsTheTicketToTheOtherTechnician() {
		Setup s = new Setup();
		String no = s.repair();
		JobView first = jobs.dispatch(s.dispatcher, no, s.sunId, JobKind.PIPE_REPAIR, null);
		jobs.accept(s.sun, first.id(), step(), clock.instant());
		assertThat(refusal(() -> jobs.redispatch(s.dispatcher, first.id(), s.zhengId, " ")).code())
			.isEqualTo("DISPATCH_REASON_REQUIRED");
		JobView second = jobs.redispatch(s.dispatcher, first.id(), s.zhengId, "孙师傅车坏在路上");
		assertThat(second.technicianId()).isEqualTo(s.zhengId);
		assertThat(second.status()).isEqualTo(JobStatus.DISPATCHED);
		JobView withdrawn = jobs.job(first.id()).orElseThrow();
		assertThat(withdrawn.status()).isEqualTo(JobStatus.WITHDRAWN);
		assertThat(withdrawn.reason()).isEqualTo("孙师傅车坏在路上");
		assertThat(ticket(no).assigneeId()).isEqualTo(s.zhengId);
		assertThat(ticket(no).status()).isEqualTo(TicketStatus.DISPATCHED);
		assertThat(timeline(no)).endsWith("REASSIGNED");
		assertThat(jdbc.sql("select e.detail from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ? and e.kind = 'REASSIGNED'")
			.param(no).query(String.class).single()).contains("孙师傅车坏在路上").contains(s.crew.names()[1]);
		assertThat(jobs.forTicket(no)).extracting(JobView::status).containsExactly(JobStatus.WITHDRAWN, JobStatus.DISPATCHED);
		// the withdrawn job takes no more steps; the ticket is no longer his to read
		assertThat(refusal(() -> jobs.onTheWay(s.sun, first.id(), step(), clock.instant())).code())
			.isEqualTo("DISPATCH_STEP_NOT_ALLOWED");
		assertThat(ticketQueries.find(s.sun, no)).isEmpty();
		// the new technician declines; the desk sends it back to the first, who is free again, with a long reason
		jobs.decline(s.zheng, second.id(), step(), clock.instant(), "不在片区");
		String longReason = "郑师傅不在片区。" + "说明".repeat(450);
		JobView third = jobs.redispatch(s.dispatcher, second.id(), s.sunId, longReason);
		assertThat(jdbc.sql("""
				select e.detail from ticket_event e join ticket t on t.id = e.ticket_id
				where t.ticket_no = ? and e.kind = 'REASSIGNED' order by e.id desc limit 1""").param(no).query(String.class).single())
			.endsWith(longReason);
		// the notice to the new holder points at the ticket: cut to its 500 characters
		assertThat(jdbc.sql("""
				select n.detail from ticket_notification n join ticket t on t.id = n.ticket_id
				where t.ticket_no = ? and n.staff_id = ? order by n.id desc limit 1""").params(no, s.sunId).query(String.class).single())
			.hasSize(500).startsWith("郑师傅不在片区。");
		assertThat(third.technicianId()).isEqualTo(s.sunId);
		assertThat(jobs.forTicket(no)).extracting(JobView::status)
			.containsExactly(JobStatus.WITHDRAWN, JobStatus.DECLINED, JobStatus.DISPATCHED);
		assertThat(ticket(no).assigneeId()).isEqualTo(s.sunId);
	}
}
