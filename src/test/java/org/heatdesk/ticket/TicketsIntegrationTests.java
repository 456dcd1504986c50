package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Tickets through the API against the embedded PostgreSQL: marks, refusals, idempotency, concurrency,
 * transfers (reminders and escalation by the deadline sweep: {@code sla.DeadlineSweepIntegrationTests}).
 */
@HeatDeskTest
class TicketsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Autowired
	TicketEventLog log;

	Api agent() {
		return Api.as(port, "agent");
	}

	long staffId(String username) {
		return staff.findByUsername(username).orElseThrow().id();
	}

	static Map<String, Object> repair(String description) {
		return TicketFixtures.repair(description);
	}

	static Map<String, Object> action(Object... kv) {
		return TicketFixtures.action(kv);
	}

	String recordRepair(Api as, String description) {
		Api.Response r = as.post("/api/v1/tickets", repair(description));
		assertThat(r.status()).isEqualTo(201);
		return r.text("ticketNo");
	}

	static String unique(String text) {
		return TicketFixtures.unique(text);
	}

	@Test
	void aRepairReachesTheFourMarksInOrder() {
		Api.Response created = agent().post("/api/v1/tickets", repair(unique("暖气不热，家里只有十五度")));
		assertThat(created.status()).isEqualTo(201);
		String no = created.text("ticketNo");
		assertThat(no).matches("GR\\d{8}-\\d{4}");
		assertThat(created.text("status")).isEqualTo("RECORDED");
		assertThat(created.text("firstResponder")).isEqualTo("agent");
		assertThat(created.text("assignee")).isEqualTo("agent");
		assertThat(created.text("nextMark")).isEqualTo("DISPATCHED");
		assertThat(created.text("nextDeadline")).isNotNull();

		Api dispatcher = Api.as(port, "dispatcher");
		assertThat(dispatcher.post("/api/v1/tickets/" + no + "/dispatch", action("assigneeId", staffId("tech"))).text("status"))
			.isEqualTo("DISPATCHED");
		assertThat(dispatcher.post("/api/v1/tickets/" + no + "/respond", action("note", "已电话告知用户 30 分钟内上门")).text("status"))
			.isEqualTo("RESPONDED");
		// resolving without a result is refused and changes nothing
		Api.Response refused = dispatcher.post("/api/v1/tickets/" + no + "/resolve", action("result", "  "));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("code")).isEqualTo("TICKET_RESULT_REQUIRED");
		assertThat(refused.text("field")).isEqualTo("result");
		assertThat(refused.text("message")).contains("处理结果");
		assertThat(dispatcher.get("/api/v1/tickets/" + no).body().get("ticket").get("status").asString()).isEqualTo("RESPONDED");

		Api.Response resolved = dispatcher.post("/api/v1/tickets/" + no + "/resolve", action("result", "更换阀芯，室温恢复到 20 度"));
		assertThat(resolved.text("status")).isEqualTo("RESOLVED");
		assertThat(resolved.text("nextMark")).isNull();

		JsonNode details = agent().get("/api/v1/tickets/" + no).body();
		List<String> kinds = new ArrayList<>();
		details.get("timeline").forEach(e -> kinds.add(e.get("kind").asString()));
		assertThat(kinds).containsExactly("RECORDED", "DISPATCHED", "RESPONDED", "RESOLVED");
		assertThat(details.get("result").asString()).isEqualTo("更换阀芯，室温恢复到 20 度");
		// the first responder was told at each mark reached by someone else
		assertThat(jdbc.sql("select kind from ticket_notification n join ticket t on t.id = n.ticket_id where t.ticket_no = ? order by n.id")
			.param(no).query(String.class).list()).containsSubsequence("DISPATCHED", "RESPONDED", "RESOLVED");
		// the audit trail has every change
		assertThat(jdbc.sql("select count(*) from platform_audit_event where entity_type = 'ticket' and entity_id = ?")
			.param(no).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void notAllowedTransitionsAreRefused() {
		String no = recordRepair(agent(), unique("漏水"));
		Api.Response early = agent().post("/api/v1/tickets/" + no + "/resolve", action("result", "done"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.text("code")).isEqualTo("TICKET_ACTION_NOT_ALLOWED");
		assertThat(agent().post("/api/v1/tickets/" + no + "/cancel", action()).text("code")).isEqualTo("TICKET_REASON_REQUIRED");
		assertThat(agent().post("/api/v1/tickets/" + no + "/cancel", action("reason", "重复来电")).text("status")).isEqualTo("CANCELLED");
		Api.Response dispatchCancelled = agent().post("/api/v1/tickets/" + no + "/dispatch", action());
		assertThat(dispatchCancelled.status()).isEqualTo(409);
		// the refusal names the action and the status in the caller's language
		assertThat(dispatchCancelled.text("message")).isEqualTo("工单当前状态为“已撤销”，不能执行“派单（有指令）”。");
		assertThat(agent().get("/api/v1/tickets/GR19990101-9999").status()).isEqualTo(404);
	}

	@Test
	void badInputIsRefusedWithTheFieldAndNothingIsWritten() {
		String marker = unique("坏输入");
		Map<String, Object> noDescription = repair(null);
		noDescription.put("callerPhone", "139" + marker.hashCode());
		Api.Response r1 = agent().post("/api/v1/tickets", noDescription);
		assertThat(r1.status()).isEqualTo(400);
		assertThat(r1.text("field")).isEqualTo("description");

		Map<String, Object> noCaller = repair(marker);
		noCaller.remove("callerPhone");
		Api.Response r2 = agent().post("/api/v1/tickets", noCaller);
		assertThat(r2.text("code")).isEqualTo("TICKET_CALLER_REQUIRED");

		Map<String, Object> wrongCategory = repair(marker);
		wrongCategory.put("categoryId", jdbc.sql("select id from ticket_category where code = 'INQUIRY_FEES'").query(Long.class).single());
		assertThat(agent().post("/api/v1/tickets", wrongCategory).text("code")).isEqualTo("TICKET_CATEGORY_INVALID");

		Map<String, Object> badPhone = repair(marker);
		badPhone.put("callerPhone", "abc");
		assertThat(agent().post("/api/v1/tickets", badPhone).text("field")).isEqualTo("callerPhone");

		Map<String, Object> badType = repair(marker);
		badType.put("type", "NONSENSE");
		assertThat(agent().post("/api/v1/tickets", badType).status()).isEqualTo(400);

		assertThat(Api.as(port, "auditor").post("/api/v1/tickets", repair(marker)).status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from ticket where description = ?").param(marker).query(Long.class).single()).isZero();
	}

	@Test
	void aRepeatedRequestReturnsTheFirstTicketAndCreatesNothing() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = repair(unique("阀门故障"));
		Api.Response first = agent().post("/api/v1/tickets", body, Map.of("Idempotency-Key", key));
		Api.Response again = agent().post("/api/v1/tickets", body, Map.of("Idempotency-Key", key));
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(first.status());
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(jdbc.sql("select count(*) from ticket where idempotency_key = ?").param(key).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ?")
			.param(first.text("ticketNo")).query(Long.class).single()).as("one RECORDED entry on the timeline").isEqualTo(1);
	}

	@Test
	void aRepeatedRequestDoesNotUseUpATicketNumber() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = repair(unique("漏水"));
		String first = agent().post("/api/v1/tickets", body, Map.of("Idempotency-Key", key)).text("ticketNo");
		agent().post("/api/v1/tickets", body, Map.of("Idempotency-Key", key));
		String next = agent().post("/api/v1/tickets", repair(unique("漏水")), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
			.text("ticketNo");
		// GR20261127-0042 and then GR20261127-0043: the repeat in between took no number
		String day = first.substring(0, first.indexOf('-') + 1);
		assertThat(next).startsWith(day);
		assertThat(Integer.parseInt(next.substring(day.length()))).isEqualTo(Integer.parseInt(first.substring(day.length())) + 1);
	}

	@Test
	void concurrentIdenticalRequestsCreateOneTicket() throws Exception {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = repair(unique("并发重复提交"));
		int clients = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return agent().post("/api/v1/tickets", body, Map.of("Idempotency-Key", key));
				}));
			}
			start.countDown();
			List<String> numbers = new ArrayList<>();
			for (Future<Api.Response> f : futures) {
				Api.Response r = f.get();
				assertThat(r.status()).isEqualTo(201);
				numbers.add(r.text("ticketNo"));
			}
			assertThat(numbers).hasSize(clients).containsOnly(numbers.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from ticket where idempotency_key = ?").param(key).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void ticketNumbersNeverCollideUnderConcurrency() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				String d = unique("编号并发");
				futures.add(pool.submit(() -> recordRepair(agent(), d)));
			}
			List<String> numbers = new ArrayList<>();
			for (Future<String> f : futures) {
				numbers.add(f.get());
			}
			assertThat(numbers).doesNotHaveDuplicates().hasSize(24);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twoWritersAtOnceOneWinsTheOtherIsTold() throws Exception {
		for (int round = 0; round < 5; round++) {
			String no = recordRepair(agent(), unique("两人同时处理"));
			int version = agent().get("/api/v1/tickets/" + no).body().get("version").asInt();
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				Future<Api.Response> dispatch = pool.submit(() -> {
					start.await();
					return Api.as(port, "dispatcher").post("/api/v1/tickets/" + no + "/dispatch", action("version", version));
				});
				Future<Api.Response> cancel = pool.submit(() -> {
					start.await();
					return agent().post("/api/v1/tickets/" + no + "/cancel", action("version", version, "reason", "用户撤回"));
				});
				start.countDown();
				List<Integer> statuses = List.of(dispatch.get().status(), cancel.get().status());
				assertThat(statuses).containsExactlyInAnyOrder(200, 409);
				Api.Response loser = dispatch.get().status() == 409 ? dispatch.get() : cancel.get();
				assertThat(loser.text("code")).isEqualTo("CONCURRENT_CHANGE");
				String finalStatus = agent().get("/api/v1/tickets/" + no).body().get("ticket").get("status").asString();
				assertThat(finalStatus).isEqualTo(dispatch.get().status() == 200 ? "DISPATCHED" : "CANCELLED");
			}
			finally {
				pool.shutdownNow();
			}
		}
		// a stale version is refused as well
		String no = recordRepair(agent(), unique("旧版本"));
		agent().post("/api/v1/tickets/" + no + "/dispatch", action("version", 0));
		Api.Response stale = agent().post("/api/v1/tickets/" + no + "/cancel", action("version", 0, "reason", "x"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.text("code")).isEqualTo("CONCURRENT_CHANGE");
	}

	@Test
	void aTransferNeedsAReasonAndTheReceiversAcceptance() {
		String no = recordRepair(agent(), unique("转办"));
		long lead = staffId("lead");
		assertThat(agent().post("/api/v1/tickets/" + no + "/transfers", action("toStaffId", lead)).text("code"))
			.isEqualTo("TICKET_REASON_REQUIRED");
		Api.Response offered = agent().post("/api/v1/tickets/" + no + "/transfers", action("toStaffId", lead, "reason", "需要班长协调维修班组"));
		assertThat(offered.status()).isEqualTo(201);
		long transferId = offered.body().get("transferId").asLong();
		// until accepted, the sender holds it
		assertThat(agent().get("/api/v1/tickets/" + no).body().get("ticket").get("assignee").asString()).isEqualTo("agent");
		assertThat(agent().post("/api/v1/tickets/" + no + "/transfers", action("toStaffId", staffId("agent2"), "reason", "x")).text("code"))
			.isEqualTo("TICKET_TRANSFER_PENDING");
		Api.Response wrongPerson = Api.as(port, "lead2").post("/api/v1/tickets/" + no + "/transfers/" + transferId + "/accept", null);
		assertThat(wrongPerson.status()).isEqualTo(403);
		Api.Response accepted = Api.as(port, "lead").post("/api/v1/tickets/" + no + "/transfers/" + transferId + "/accept", null);
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.text("assignee")).isEqualTo("lead");
		assertThat(accepted.text("firstResponder")).isEqualTo("agent");
		Api.Response twice = Api.as(port, "lead").post("/api/v1/tickets/" + no + "/transfers/" + transferId + "/accept", null);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.text("code")).isEqualTo("TICKET_TRANSFER_NOT_PENDING");
		// the first responder still sees it
		List<String> mine = new ArrayList<>();
		agent().get("/api/v1/tickets?mine=true").body().forEach(t -> mine.add(t.get("ticketNo").asString()));
		assertThat(mine).contains(no);
		// only the holder (or a lead or dispatcher) may pass it on
		assertThat(Api.as(port, "agent2").post("/api/v1/tickets/" + no + "/transfers", action("toStaffId", staffId("agent3"), "reason", "x")).status())
			.isEqualTo(403);
	}

	@Test
	void aDeclinedTransferLeavesTheTicketWithTheSenderAndATeamMemberCanAccept() {
		String no = recordRepair(agent(), unique("转给乙班"));
		long teamB = staff.findByUsername("agent3").orElseThrow().teamId();
		long first = agent().post("/api/v1/tickets/" + no + "/transfers", action("toTeamId", teamB, "reason", "乙班负责该小区"))
			.body().get("transferId").asLong();
		assertThat(Api.as(port, "agent3").post("/api/v1/tickets/" + no + "/transfers/" + first + "/decline", action()).text("code"))
			.isEqualTo("TICKET_REASON_REQUIRED");
		assertThat(Api.as(port, "agent3").post("/api/v1/tickets/" + no + "/transfers/" + first + "/decline", action("reason", "不属于乙班")).status())
			.isEqualTo(204);
		assertThat(agent().get("/api/v1/tickets/" + no).body().get("ticket").get("assignee").asString()).isEqualTo("agent");
		long second = agent().post("/api/v1/tickets/" + no + "/transfers", action("toTeamId", teamB, "reason", "再次确认属乙班"))
			.body().get("transferId").asLong();
		assertThat(Api.as(port, "agent4").post("/api/v1/tickets/" + no + "/transfers/" + second + "/accept", null).text("assignee"))
			.isEqualTo("agent4");
	}

	@Test
	void anAgentEscalatesToTheTeamLeadWithAReason() {
		String no = recordRepair(agent(), unique("升级"));
		assertThat(agent().post("/api/v1/tickets/" + no + "/escalate", action()).text("code")).isEqualTo("TICKET_REASON_REQUIRED");
		Api.Response r = agent().post("/api/v1/tickets/" + no + "/escalate", action("reason", "用户情绪激动，要求班长处理"));
		assertThat(r.status()).isEqualTo(201);
		long transferId = r.body().get("transferId").asLong();
		assertThat(log.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TicketEscalated.class, x -> {
			assertThat(x.ticketNo()).isEqualTo(no);
			assertThat(x.toStaffId()).isEqualTo(staffId("lead"));
			assertThat(x.reason()).isEqualTo("用户情绪激动，要求班长处理");
		}));
		assertThat(Api.as(port, "lead").post("/api/v1/tickets/" + no + "/transfers/" + transferId + "/accept", null).text("assignee"))
			.isEqualTo("lead");
	}

	@Test
	void resolvingAnIncidentResolvesTheTicketsUnderIt() {
		Api lead = Api.as(port, "lead");
		Api.Response incident = lead.post("/api/v1/tickets/incidents", action("description", unique("翠园换热站循环泵故障")));
		assertThat(incident.status()).isEqualTo(201);
		String parent = incident.text("ticketNo");
		String a = recordRepair(agent(), unique("翠园 1 号楼暖气不热"));
		String b = recordRepair(Api.as(port, "agent2"), unique("翠园 2 号楼暖气不热"));
		String notIncident = recordRepair(agent(), unique("普通工单"));
		assertThat(agent().post("/api/v1/tickets/" + a + "/link", action("parentNo", notIncident)).text("code"))
			.isEqualTo("TICKET_PARENT_NOT_INCIDENT");
		assertThat(agent().post("/api/v1/tickets/" + a + "/link", action("parentNo", parent)).status()).isEqualTo(200);
		assertThat(Api.as(port, "agent2").post("/api/v1/tickets/" + b + "/link", action("parentNo", parent)).status()).isEqualTo(200);
		lead.post("/api/v1/tickets/" + parent + "/dispatch", action());
		lead.post("/api/v1/tickets/" + parent + "/respond", action());
		String result = "循环泵已更换，15:30 恢复供热";
		assertThat(lead.post("/api/v1/tickets/" + parent + "/resolve", action("result", result)).text("status")).isEqualTo("RESOLVED");
		for (String child : List.of(a, b)) {
			JsonNode d = agent().get("/api/v1/tickets/" + child).body();
			assertThat(d.get("ticket").get("status").asString()).isEqualTo("RESOLVED");
			assertThat(d.get("result").asString()).isEqualTo(result);
			assertThat(d.get("parentNo").asString()).isEqualTo(parent);
		}
		assertThat(agent().get("/api/v1/tickets/" + notIncident).body().get("ticket").get("status").asString()).isEqualTo("RECORDED");
	}

	@Test
	void aComplaintIsNeverRoutedToNorShownToThePersonItIsAbout() {
		long agent2 = staffId("agent2");
		Map<String, Object> complaint = repair(unique("投诉接线员态度不好"));
		complaint.put("type", "COMPLAINT");
		complaint.put("aboutStaffId", agent2);
		complaint.put("callerPhone", "13912345678");
		Api.Response r = agent().post("/api/v1/tickets", complaint);
		assertThat(r.status()).isEqualTo(201);
		String no = r.text("ticketNo");

		Api.Response dispatch = Api.as(port, "lead").post("/api/v1/tickets/" + no + "/dispatch", action("assigneeId", agent2));
		assertThat(dispatch.status()).isEqualTo(400);
		assertThat(dispatch.text("code")).isEqualTo("TICKET_CONFLICT_OF_INTEREST");
		Api.Response transfer = agent().post("/api/v1/tickets/" + no + "/transfers", action("toStaffId", agent2, "reason", "x"));
		assertThat(transfer.text("code")).isEqualTo("TICKET_CONFLICT_OF_INTEREST");
		long teamA = staff.findByUsername("agent2").orElseThrow().teamId();
		long teamTransfer = agent().post("/api/v1/tickets/" + no + "/transfers", action("toTeamId", teamA, "reason", "甲班处理"))
			.body().get("transferId").asLong();

		Api subject = Api.as(port, "agent2");
		Api.Response read = subject.get("/api/v1/tickets/" + no);
		assertThat(read.status()).isEqualTo(403);
		assertThat(read.text("code")).isEqualTo("TICKET_ABOUT_YOU");
		assertThat(subject.post("/api/v1/tickets/" + no + "/transfers/" + teamTransfer + "/accept", null).status()).isEqualTo(403);
		List<String> found = new ArrayList<>();
		subject.get("/api/v1/tickets?q=态度").body().forEach(t -> found.add(t.get("ticketNo").asString()));
		assertThat(found).doesNotContain(no);
		List<String> foundByOthers = new ArrayList<>();
		Api.as(port, "lead").get("/api/v1/tickets?q=态度").body().forEach(t -> foundByOthers.add(t.get("ticketNo").asString()));
		assertThat(foundByOthers).contains(no);
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'TICKET_ACCESS_REFUSED' and entity_id = ?")
			.param(no).query(Long.class).single()).isGreaterThanOrEqualTo(1);
		// and nobody records a complaint about themselves
		complaint.put("aboutStaffId", staffId("agent"));
		assertThat(agent().post("/api/v1/tickets", complaint).text("code")).isEqualTo("TICKET_ABOUT_YOURSELF");
	}

	@Test
	void anInquiryAnsweredInTheCallReachesAllFourMarks() {
		Map<String, Object> inquiry = repair(unique("什么时候开始供暖"));
		inquiry.put("type", "INQUIRY");
		inquiry.put("answer", "今年 11 月 15 日开始供暖");
		Api.Response r = agent().post("/api/v1/tickets", inquiry);
		assertThat(r.text("status")).isEqualTo("RESOLVED");
		Map<String, Object> row = jdbc.sql("select recorded_at, dispatched_at, responded_at, resolved_at, result from ticket where ticket_no = ?")
			.param(r.text("ticketNo")).query().singleRow();
		assertThat(row.values()).doesNotContainNull();
		assertThat(row.get("result")).isEqualTo("今年 11 月 15 日开始供暖");
	}

	@Test
	void searchFindsChineseWordsInDescriptionAndResult() {
		String tag = "检索" + UUID.randomUUID().toString().substring(0, 6);
		String no = recordRepair(agent(), "卫生间暖气片漏水，地面已经湿了 " + tag);
		List<String> found = new ArrayList<>();
		agent().get("/api/v1/tickets?q=" + java.net.URLEncoder.encode("暖气片 漏水", java.nio.charset.StandardCharsets.UTF_8))
			.body().forEach(t -> found.add(t.get("ticketNo").asString()));
		assertThat(found).contains(no);
		List<String> byNo = new ArrayList<>();
		agent().get("/api/v1/tickets?q=" + no).body().forEach(t -> byNo.add(t.get("ticketNo").asString()));
		assertThat(byNo).containsExactly(no);
		List<String> none = new ArrayList<>();
		agent().get("/api/v1/tickets?q=" + java.net.URLEncoder.encode("燃气泄漏爆炸", java.nio.charset.StandardCharsets.UTF_8))
			.body().forEach(t -> none.add(t.get("ticketNo").asString()));
		assertThat(none).doesNotContain(no);
	}

	@Test
	void anIntegrationReadsASearchPageByPageNewestFirst() {
		String tag = "分页" + UUID.randomUUID().toString().substring(0, 6);
		List<String> recorded = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			recorded.add(recordRepair(agent(), "暖气不热 " + tag + " 第" + i + "户"));
		}
		String q = "/api/v1/tickets?q=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8);
		List<List<String>> pages = new ArrayList<>();
		String next = q + "&limit=2";
		while (next != null) {
			Api.Response page = agent().get(next);
			assertThat(page.status()).isEqualTo(200);
			List<String> numbers = new ArrayList<>();
			page.body().forEach(t -> numbers.add(t.get("ticketNo").asString()));
			pages.add(numbers);
			next = page.next();
			assertThat(pages).as("a page too many").hasSizeLessThanOrEqualTo(3);
		}
		// five tickets, two per page: 2 + 2 + 1, and the last page (not full) points nowhere
		assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
		List<String> newestFirst = new ArrayList<>(recorded);
		java.util.Collections.reverse(newestFirst);
		assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(newestFirst);
		// without a limit, one answer holds all five and has no next page
		Api.Response all = agent().get(q);
		assertThat(all.body().size()).isEqualTo(5);
		assertThat(all.next()).isNull();
	}

	@Test
	void aSearchPageOutsideItsBoundsIsRefused() {
		Api.Response tooMany = agent().get("/api/v1/tickets?limit=201");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.text("code")).isEqualTo("TICKET_LIMIT_OUT_OF_RANGE");
		assertThat(tooMany.text("field")).isEqualTo("limit");
		assertThat(agent().get("/api/v1/tickets?limit=0").text("code")).isEqualTo("TICKET_LIMIT_OUT_OF_RANGE");
		long missing = jdbc.sql("select coalesce(max(id), 0) + 1000 from ticket").query(Long.class).single();
		Api.Response unknown = agent().get("/api/v1/tickets?before=" + missing);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.text("code")).isEqualTo("TICKET_CURSOR_UNKNOWN");
		assertThat(unknown.text("field")).isEqualTo("before");
	}

	@Test
	void timeWaitingOnTheCustomerMovesTheDeadlines() throws Exception {
		String no = recordRepair(agent(), unique("等待用户"));
		Instant before = Instant.parse(agent().get("/api/v1/tickets/" + no).body().get("resolveDue").asString());
		assertThat(agent().post("/api/v1/tickets/" + no + "/pause", action("reason", "用户不在家，约定明天上门")).text("status"))
			.isEqualTo("PENDING_CUSTOMER");
		// an hour waiting on the customer, without waiting it: the pause is moved back
		jdbc.sql("update ticket set paused_at = paused_at - interval '1 hour' where ticket_no = ?").param(no).update();
		assertThat(agent().post("/api/v1/tickets/" + no + "/resume", action()).text("status")).isEqualTo("RECORDED");
		Instant after = Instant.parse(agent().get("/api/v1/tickets/" + no).body().get("resolveDue").asString());
		assertThat(after).isAfterOrEqualTo(before);
		assertThat(jdbc.sql("select paused_seconds from ticket where ticket_no = ?").param(no).query(Long.class).single())
			.isGreaterThanOrEqualTo(0);
	}
}
