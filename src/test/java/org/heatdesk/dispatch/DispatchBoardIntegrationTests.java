package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.PageSession;
import org.heatdesk.network.CommunityView;
import org.heatdesk.network.Network;
import org.heatdesk.platform.Actor;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Incidents;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketScope;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dispatch board: who is suggested for a ticket and in which order (worked out by hand below),
 * the ticket leaving the board when it is dispatched in one action, re-dispatch with a reason after
 * a decline, a parent incident dispatched once for its children, and the refusals of the board's
 * endpoints (JSON and form): unknown ticket, unknown technician, missing reason, nothing written.
 */
@HeatDeskTest
class DispatchBoardIntegrationTests {

	static final Actor AGENT = Actor.person("agent", "接线员");

	static final Actor DISPATCHER = Actor.person("dispatcher", "赵敏");

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	DispatchBoard board;

	@Autowired
	Technicians technicians;

	@Autowired
	Jobs jobs;

	@Autowired
	Tickets tickets;

	@Autowired
	Incidents incidents;

	@Autowired
	Network network;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	/**
	 * A pipe-repair ticket in community c of substation S. Crew A serves S: a1 on duty with no job, a3
	 * on duty with one active job, a2 off duty; crew C serves only the community c: c1 on duty; crew B
	 * serves neither: b1 on duty; crew W: w1, a welder without a permit (no pipe-fitting skill), w2 a
	 * welder with a valid permit, off duty. Eligible first, then on duty, then serving the substation,
	 * then the community, then fewer active jobs:
	 * a1 (duty, S, 0 jobs) > a3 (duty, S, 1 job) > c1 (duty, c) > b1 (duty, —) > a2 (off, S); the
	 * welders may not take a pipe repair (no pipe-fitting skill) and come last with the reason, w1 (on
	 * duty) before w2 (off). For welding instead, only w2 may; w1 is refused for want of a valid permit.
	 */
	@BeforeEach
	void inChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void techniciansAreRankedByEligibilityDutyAreaAndLoadWithTheReasonsShown() {
		CommunityView c = network.communities().get(0);
		long s = c.substationId();
		DispatchTestSupport.Crew a = crew(3, EnumSet.of(Skill.PIPE_FITTER));
		DispatchTestSupport.Crew b = crew(1, EnumSet.of(Skill.PIPE_FITTER));
		DispatchTestSupport.Crew cc = crew(1, EnumSet.of(Skill.PIPE_FITTER));
		DispatchTestSupport.Crew w = crew(2, EnumSet.of(Skill.WELDER));
		long a1 = a.technicians()[0];
		long a2 = a.technicians()[1];
		long a3 = a.technicians()[2];
		long b1 = b.technicians()[0];
		long c1 = cc.technicians()[0];
		long w1 = w.technicians()[0];
		long w2 = w.technicians()[1];
		Actor setUp = Actor.system("test");
		technicians.addArea(setUp, a.id(), s, null);
		technicians.addArea(setUp, cc.id(), null, c.id());
		onDutyNow(a, a1, a3);
		onDutyNow(b, b1);
		onDutyNow(cc, c1);
		onDutyNow(w, w1);
		technicians.addCertificate(setUp, w2, new Technicians.NewCertificate(CertificateKind.WELDING, "T-W2-" + a1,
				"济南市应急管理局", technicians.dateAt(clock.instant()).minusYears(1),
				technicians.dateAt(clock.instant()).plusYears(2)), null);
		// a3's one active job, somewhere else
		jobs.dispatch(DISPATCHER, ticket("REPAIR_LEAK", null, null, "a3 的另一张工单"), a3, JobKind.PIPE_REPAIR, null);

		String no = ticket("REPAIR_NOT_WARM", s, c.id(), "暖气不热，排名测试");
		DispatchBoard.Row row = board.ticket(DISPATCHER, no, null).orElseThrow();
		assertThat(row.kind()).isEqualTo(JobKind.PIPE_REPAIR);
		List<Long> mine = List.of(a1, a2, a3, b1, c1, w1, w2);
		List<DispatchBoard.Suggestion> ranked = row.suggestions().stream().filter(x -> mine.contains(x.technicianId())).toList();
		assertThat(ranked).extracting(DispatchBoard.Suggestion::technicianId).containsExactly(a1, a3, c1, b1, a2, w1, w2);
		Map<Long, DispatchBoard.Suggestion> by = new HashMap<>();
		ranked.forEach(x -> by.put(x.technicianId(), x));
		assertThat(by.get(a1).onDuty()).isNotNull();
		assertThat(by.get(a1).servesSubstation()).isTrue();
		assertThat(by.get(a1).load()).isZero();
		assertThat(by.get(a3).load()).isEqualTo(1);
		assertThat(by.get(c1).servesCommunity()).isTrue();
		assertThat(by.get(c1).servesSubstation()).isFalse();
		assertThat(by.get(b1).servesSubstation() || by.get(b1).servesCommunity()).isFalse();
		assertThat(by.get(a2).onDuty()).isNull();
		assertThat(by.get(w1).eligible()).isFalse();
		assertThat(by.get(w1).refusal()).isEqualTo("缺少技能：管道工");
		// every ineligible technician after every eligible one
		int firstRefused = row.suggestions().indexOf(row.suggestions().stream().filter(x -> !x.eligible()).findFirst().orElseThrow());
		assertThat(row.suggestions().subList(firstRefused, row.suggestions().size())).noneMatch(DispatchBoard.Suggestion::eligible);

		DispatchBoard.Row welding = board.ticket(DISPATCHER, no, JobKind.WELDING).orElseThrow();
		Map<Long, DispatchBoard.Suggestion> weld = new HashMap<>();
		welding.suggestions().forEach(x -> weld.put(x.technicianId(), x));
		assertThat(weld.get(w2).eligible()).isTrue();
		assertThat(weld.get(w1).eligible()).isFalse();
		assertThat(weld.get(w1).refusalCode()).isEqualTo("DISPATCH_CERTIFICATE_MISSING");
		assertThat(weld.get(w1).refusal()).isEqualTo("无有效的特种作业操作证（焊接与热切割作业）");
		assertThat(weld.get(a1).refusal()).isEqualTo("缺少技能：焊工");
		assertThat(welding.suggestions().indexOf(weld.get(w2))).isLessThan(welding.suggestions().indexOf(weld.get(w1)));

		// on the board: in S's group, under community c, its first suggestion a1 (among those who may take it)
		DispatchBoard.Board b0 = board.board(DISPATCHER);
		DispatchBoard.Group group = b0.groups().stream().filter(g -> Long.valueOf(s).equals(g.substationId())).findFirst().orElseThrow();
		DispatchBoard.Place place = group.places().stream().filter(p -> Long.valueOf(c.id()).equals(p.communityId())).findFirst().orElseThrow();
		DispatchBoard.Row onBoard = place.rows().stream().filter(r -> r.ticket().ticketNo().equals(no)).findFirst().orElseThrow();
		assertThat(onBoard.top()).isNotEmpty();
		assertThat(onBoard.suggestions().indexOf(onBoard.suggestions().stream().filter(x -> x.technicianId() == a1).findFirst().orElseThrow()))
			.isLessThan(onBoard.suggestions().indexOf(onBoard.suggestions().stream().filter(x -> x.technicianId() == b1).findFirst().orElseThrow()));
	}

	@Test
	void aRoomTemperatureTicketIsATemperatureTestAndATicketWithoutAPlaceHasItsOwnGroupLast() {
		String cold = ticket("REPAIR_ROOM_TEMP", null, null, "室温只有 15 度");
		DispatchBoard.Row row = board.ticket(DISPATCHER, cold, null).orElseThrow();
		assertThat(row.kind()).isEqualTo(JobKind.TEMPERATURE_TEST);
		DispatchBoard.Board b = board.board(DISPATCHER);
		DispatchBoard.Group last = b.groups().get(b.groups().size() - 1);
		assertThat(last.substationId()).isNull();
		assertThat(last.label()).isEqualTo("未定位（无换热站、小区）");
		assertThat(last.places().stream().flatMap(p -> p.rows().stream()).map(r -> r.ticket().ticketNo())).contains(cold);
	}

	@Test
	void oneActionDispatchesAndTheTicketLeavesTheBoard() {
		DispatchTestSupport.Crew a = crew(1, EnumSet.of(Skill.PIPE_FITTER));
		long a1 = a.technicians()[0];
		String no = ticket("REPAIR_LEAK", null, null, "卫生间漏水");
		assertThat(waiting()).contains(no);

		HttpResponse<String> ok = post("/api/v1/dispatch/board/dispatch", """
				{"ticketNo":"%s","technicianId":%d}""".formatted(no, a1), "zh-CN");
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
		JsonNode job = json.readTree(ok.body());
		assertThat(job.path("ticketNo").asString()).isEqualTo(no);
		assertThat(job.path("technicianId").asLong()).isEqualTo(a1);
		assertThat(job.path("kind").asString()).isEqualTo("PIPE_REPAIR");
		assertThat(job.path("status").asString()).isEqualTo("DISPATCHED");
		assertThat(waiting()).doesNotContain(no);
		assertThat(jdbc.sql("select assignee_id from ticket where ticket_no = ?").param(no).query(Long.class).single()).isEqualTo(a1);
	}

	@Test
	void theBoardsEndpointsRefuseUnknownTicketsTechniciansAndAMissingReasonWritingNothing() {
		DispatchTestSupport.Crew a = crew(2, EnumSet.of(Skill.PIPE_FITTER));
		long a1 = a.technicians()[0];
		long a2 = a.technicians()[1];
		String no = ticket("REPAIR_LEAK", null, null, "暖气片漏水");
		String before = rows(no);

		HttpResponse<String> unknownTicket = post("/api/v1/dispatch/board/dispatch", """
				{"ticketNo":"GR19990101-9999","technicianId":%d}""".formatted(a1), "zh-CN");
		assertRefusal(unknownTicket, 404, "TICKET_NOT_FOUND", "找不到工单 GR19990101-9999。");
		HttpResponse<String> unknownTechnician = post("/api/v1/dispatch/board/dispatch", """
				{"ticketNo":"%s","technicianId":999999999}""".formatted(no), "en");
		assertRefusal(unknownTechnician, 404, "DISPATCH_TECHNICIAN_NOT_FOUND", null);
		HttpResponse<String> noTechnician = post("/api/v1/dispatch/board/dispatch", """
				{"ticketNo":"%s"}""".formatted(no), "en");
		assertRefusal(noTechnician, 400, "REQUIRED", "This field is required.");
		assertThat(json.readTree(noTechnician.body()).path("field").asString()).isEqualTo("technicianId");
		assertThat(rows(no)).isEqualTo(before);
		assertThat(waiting()).contains(no);

		long job = json.readTree(post("/api/v1/dispatch/board/dispatch", """
				{"ticketNo":"%s","technicianId":%d,"jobKind":"PIPE_REPAIR"}""".formatted(no, a1), "zh-CN").body()).path("id").asLong();
		String dispatched = rows(no);
		HttpResponse<String> noReason = post("/api/v1/dispatch/board/redispatch", """
				{"jobId":%d,"technicianId":%d,"reason":"  "}""".formatted(job, a2), "zh-CN");
		assertRefusal(noReason, 400, "DISPATCH_REASON_REQUIRED", "请填写原因。");
		HttpResponse<String> unknownJob = post("/api/v1/dispatch/board/redispatch", """
				{"jobId":999999999,"technicianId":%d,"reason":"换人"}""".formatted(a2), "zh-CN");
		assertRefusal(unknownJob, 404, "DISPATCH_JOB_NOT_FOUND", "没有这个维修任务。");
		HttpResponse<String> unknownTo = post("/api/v1/dispatch/board/redispatch", """
				{"jobId":%d,"technicianId":999999999,"reason":"换人"}""".formatted(job), "zh-CN");
		assertRefusal(unknownTo, 404, "DISPATCH_TECHNICIAN_NOT_FOUND", "没有这位维修人员。");
		assertThat(rows(no)).isEqualTo(dispatched);
		// a technician may read neither the board nor dispatch
		assertThat(send("/api/v1/dispatch/board/dispatch", "tech", "{}", "zh-CN").statusCode()).isEqualTo(403);

		// the form: an unknown ticket comes back on the board's form, named, with nothing written
		PageSession page = PageSession.login(port, "dispatcher");
		HttpResponse<String> form = page.post("/dispatch/board/dispatch",
				Map.of("ticketNo", "GR19990101-9998", "technicianId", String.valueOf(a1), "kind", "PIPE_REPAIR"));
		assertThat(form.statusCode()).isEqualTo(302);
		String back = form.headers().firstValue("Location").orElseThrow();
		assertThat(back).contains("/dispatch/board?ticket=GR19990101-9998");
		HttpResponse<String> shown = page.get(back.replaceFirst("^https?://[^/]+", ""));
		assertThat(shown.statusCode()).as(back + " " + shown.headers().map()).isEqualTo(200);
		assertThat(shown.body()).contains("找不到工单 GR19990101-9998。");
		HttpResponse<String> noReasonForm = page.post("/dispatch/board/redispatch",
				Map.of("ticketNo", no, "jobId", String.valueOf(job), "technicianId", String.valueOf(a2), "reason", ""));
		assertThat(noReasonForm.statusCode()).isEqualTo(302);
		String again = noReasonForm.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")
			;
		assertThat(page.get(again).body()).contains("请填写原因。");
		HttpResponse<String> noTechnicianForm = page.post("/dispatch/board/dispatch", Map.of("ticketNo", no, "kind", "PIPE_REPAIR"));
		assertThat(noTechnicianForm.statusCode()).isEqualTo(302);
		assertThat(rows(no)).isEqualTo(dispatched);

		// malformed bodies of every kind: never a 5xx, a refusal is JSON, nothing written by a refusal
		String other = ticket("REPAIR_LEAK", null, null, "探测用工单");
		probe("/api/v1/dispatch/board/dispatch", """
				{"ticketNo":"%s","technicianId":%d,"jobKind":"PIPE_REPAIR","note":"带上扳手"}""".formatted(other, a1), 30);
		probe("/api/v1/dispatch/board/redispatch", """
				{"jobId":%d,"technicianId":%d,"reason":"路上堵车"}""".formatted(job, a1), 30);
	}

	@Test
	void aDeclinedJobComesBackToTheBoardAndIsRedispatchedWithAReason() {
		DispatchTestSupport.Crew a = crew(2, EnumSet.of(Skill.PIPE_FITTER));
		long a1 = a.technicians()[0];
		long a2 = a.technicians()[1];
		String no = ticket("REPAIR_VALVE", null, null, "阀门关不上");
		JobView first = jobs.dispatch(DISPATCHER, no, a1, JobKind.PIPE_REPAIR, null);
		assertThat(waiting()).doesNotContain(no);
		jobs.accept(Actor.person(a.usernames()[0], a.names()[0]), first.id(), UUID.randomUUID().toString(), clock.instant());
		jobs.decline(Actor.person(a.usernames()[0], a.names()[0]), first.id(), UUID.randomUUID().toString(),
				clock.instant(), "车坏在半路");

		DispatchBoard.Row back = board.board(DISPATCHER).groups().stream().flatMap(g -> g.places().stream())
			.flatMap(p -> p.rows().stream()).filter(r -> r.ticket().ticketNo().equals(no)).findFirst().orElseThrow();
		assertThat(back.redispatch()).isTrue();
		assertThat(back.lastJob().status()).isEqualTo("DECLINED");
		assertThat(back.lastJob().reason()).isEqualTo("车坏在半路");
		assertThat(back.lastJob().technicianName()).isEqualTo(a.names()[0]);

		HttpResponse<String> moved = post("/api/v1/dispatch/board/redispatch", """
				{"jobId":%d,"technicianId":%d,"reason":"孙师傅车坏了，改派"}""".formatted(first.id(), a2), "zh-CN");
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
		assertThat(json.readTree(moved.body()).path("technicianId").asLong()).isEqualTo(a2);
		assertThat(waiting()).doesNotContain(no);
		assertThat(jdbc.sql("select assignee_id from ticket where ticket_no = ?").param(no).query(Long.class).single()).isEqualTo(a2);
	}

	/** A burst pipe at a substation: the parent stands for its children, and one dispatch sends the crew to it. */
	@Test
	void aParentIncidentIsDispatchedOnceAndItsChildrenStayLinked() {
		CommunityView c = network.communities().get(1);
		DispatchTestSupport.Crew a = crew(1, EnumSet.of(Skill.PIPE_FITTER, Skill.WELDER));
		long a1 = a.technicians()[0];
		String parent = incidents.recordIncident(AGENT, "换热站出口爆管，整个小区停热", null).ticketNo();
		place(parent, c.substationId(), null);
		String child1 = ticket("REPAIR_NOT_WARM", c.substationId(), c.id(), "家里突然不热了");
		String child2 = ticket("REPAIR_NOT_WARM", c.substationId(), c.id(), "楼下跑水，暖气凉了");
		incidents.link(AGENT, child1, parent);
		incidents.link(AGENT, child2, parent);

		DispatchBoard.Row row = board.board(DISPATCHER).groups().stream().flatMap(g -> g.places().stream())
			.flatMap(p -> p.rows().stream()).filter(r -> r.ticket().ticketNo().equals(parent)).findFirst().orElseThrow();
		assertThat(row.ticket().incident()).isTrue();
		assertThat(row.ticket().children()).isEqualTo(2);
		assertThat(waiting()).doesNotContain(child1, child2);

		HttpResponse<String> sent = post("/api/v1/dispatch/board/dispatch", """
				{"ticketNo":"%s","technicianId":%d}""".formatted(parent, a1), "zh-CN");
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
		assertThat(waiting()).doesNotContain(parent);
		assertThat(jdbc.sql("select count(*) from dispatch_job where ticket_no in (?, ?)").params(child1, child2)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from ticket c join ticket p on p.id = c.parent_id where p.ticket_no = ?")
			.param(parent).query(Long.class).single()).isEqualTo(2);
	}

	// ---- set-up

	private DispatchTestSupport.Crew crew(int people, Set<Skill> skills) {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, people);
		for (long id : crew.technicians()) {
			technicians.setSkills(Actor.system("test"), id, skills);
		}
		return crew;
	}

	/** Puts {@code ids} on the shift running now (and nobody else of the crew that week). */
	private void onDutyNow(DispatchTestSupport.Crew crew, long... ids) {
		DutyTimes.Slot now = technicians.dutyTimes().slotAt(clock.instant());
		Map<Long, Set<DutyTimes.Slot>> shifts = new HashMap<>();
		for (long id : ids) {
			shifts.computeIfAbsent(id, k -> new HashSet<>()).add(now);
		}
		technicians.setWeek(Actor.system("test"), crew.id(), now.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
				shifts);
	}

	/** A repair ticket recorded by an agent, placed as a customer of that substation and community would place it. */
	private String ticket(String categoryCode, Long substationId, Long communityId, String description) {
		long category = jdbc.sql("select id from ticket_category where code = ?").param(categoryCode).query(Long.class).single();
		String no = tickets.record(AGENT, new RecordTicket(TicketType.REPAIR, category, Priority.NORMAL, TicketScope.HOUSEHOLD,
				Channel.PHONE, null, "13905310000", "测试小区 1-1-101", description, null, null, null)).ticketNo();
		if (substationId != null) {
			place(no, substationId, communityId);
		}
		return no;
	}

	private void place(String ticketNo, long substationId, Long communityId) {
		jdbc.sql("update ticket set substation_id = ?, community_id = ? where ticket_no = ?")
			.params(substationId, communityId, ticketNo)
			.update();
	}

	private List<String> waiting() {
		return board.board(DISPATCHER).groups().stream().flatMap(g -> g.places().stream()).flatMap(p -> p.rows().stream())
			.map(r -> r.ticket().ticketNo()).toList();
	}

	/** The jobs, and what a dispatch changes of the ticket: its version and holder. */
	private String rows(String ticketNo) {
		return jdbc.sql("""
				select (select count(*) from dispatch_job) || '/' || t.version || '/' || coalesce(t.assignee_id, 0)
				from ticket t where t.ticket_no = ?""").param(ticketNo).query(String.class).single();
	}

	private void assertRefusal(HttpResponse<String> response, int status, String code, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("code").asString()).isEqualTo(code);
		assertThat(body.path("message").asString()).isNotBlank();
		if (message != null) {
			assertThat(body.path("message").asString()).isEqualTo(message);
		}
	}

	private HttpResponse<String> post(String path, String body, String language) {
		return send(path, "dispatcher", body, language);
	}

	private HttpResponse<String> send(String path, String user, String body, String language) {
		return MalformedInput.send(http, json, request(path, user, language).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), path);
	}

	private HttpRequest.Builder request(String path, String user, String language) {
		return MalformedInput.at(port, path)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":heatdesk2026").getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language);
	}

	private void probe(String path, String valid, int random) {
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, this::jobRows);
		List<MalformedInput.Case> cases = MalformedInput.cases(json, valid, random);
		for (int i = 0; i < cases.size(); i++) {
			probe.check(request(path, "dispatcher", i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).isPositive();
	}

	private long jobRows() {
		return jdbc.sql("select count(*) from dispatch_job").query(Long.class).single();
	}
}
