package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.ticket.TicketsIntegrationTests.action;
import static org.heatdesk.ticket.TicketsIntegrationTests.repair;
import static org.heatdesk.ticket.TicketsIntegrationTests.unique;

import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may act on a ticket, through the API on the real database. Demo staff: agent, agent2, lead and
 * dispatcher in team A (lead its team lead); agent3, agent4 and lead2 in team B; tech in crew R1.
 */
@HeatDeskTest
class TicketAccessIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	Api as(String username) {
		return Api.as(port, username);
	}

	long id(String username) {
		return staff.findByUsername(username).orElseThrow().id();
	}

	long teamOf(String username) {
		return staff.findByUsername(username).orElseThrow().teamId();
	}

	String recorded(String by) {
		Api.Response r = as(by).post("/api/v1/tickets", repair(unique("权限")));
		assertThat(r.status()).isEqualTo(201);
		return r.text("ticketNo");
	}

	String path(String no, String action) {
		return "/api/v1/tickets/" + no + "/" + action;
	}

	/** What a refusal must leave as it was: the row, its timeline, transfers, notifications and audit rows. */
	Map<String, Object> state(String no) {
		return jdbc.sql("""
				select t.status, t.version, t.assignee, t.assignee_team_id, t.escalation_level, t.result, t.cancel_reason,
				  (select count(*) from ticket_event e where e.ticket_id = t.id) as events,
				  (select count(*) from ticket_transfer x where x.ticket_id = t.id) as transfers,
				  (select count(*) from ticket_notification n where n.ticket_id = t.id) as notifications,
				  (select count(*) from platform_audit_event a where a.entity_type = 'ticket' and a.entity_id = t.ticket_no
				     and a.action <> 'TICKET_ACTION_REFUSED') as audited
				from ticket t where t.ticket_no = ?""").param(no).query().singleRow();
	}

	long refusalsLogged(String no, String actor) {
		return jdbc.sql("select count(*) from platform_audit_event where action = 'TICKET_ACTION_REFUSED' and entity_id = ? and actor = ?")
			.params(no, actor).query(Long.class).single();
	}

	@Test
	void anAgentOfAnotherTeamCannotResolveSomeoneElsesTicketAndNothingChanges() {
		String no = recorded("agent");
		as("agent").post(path(no, "dispatch"), action());
		as("agent").post(path(no, "respond"), action("note", "已告知用户今天上门"));
		Map<String, Object> before = state(no);

		Api.Response refused = as("agent3").post(path(no, "resolve"), action("result", "不是我的工单"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("code")).isEqualTo("TICKET_NOT_HOLDER");
		assertThat(refused.text("message")).isEqualTo(
				"您不能对这张工单执行“办结（有结果）”：只有当前处理人、其班组的班长或调度、首问负责人和管理人员可以。您可以添加备注，或请当前处理人转办给您。");
		assertThat(refused.body().get("field").isNull()).isTrue();
		Api.Response english = as("agent3").post(path(no, "resolve") + "?lang=en", action("result", "x"));
		assertThat(english.status()).isEqualTo(403);
		assertThat(english.text("message")).startsWith("You may not take the action").contains("holder's team");

		assertThat(state(no)).isEqualTo(before);
		assertThat(before.get("status")).isEqualTo("RESPONDED");
		assertThat(refusalsLogged(no, "agent3")).isEqualTo(2);
		// the holder can
		assertThat(as("agent").post(path(no, "resolve"), action("result", "已修复")).text("status")).isEqualTo("RESOLVED");
	}

	@Test
	void noWorkActionByAStrangerChangesAnything() {
		String no = recorded("agent");
		Map<String, Object> before = state(no);
		List<Map.Entry<String, Map<String, Object>>> attempts = List.of(
				Map.entry("dispatch", action("assigneeId", id("agent3"))), Map.entry("pause", action("reason", "等用户")),
				Map.entry("cancel", action("reason", "重复")), Map.entry("escalate", action("reason", "升级")),
				Map.entry("transfers", action("toStaffId", id("agent4"), "reason", "给乙班")),
				Map.entry("respond", action()), Map.entry("resolve", action("result", "x")), Map.entry("close", action()));
		for (var attempt : attempts) {
			Api.Response r = as("agent3").post(path(no, attempt.getKey()), attempt.getValue());
			assertThat(r.status()).as(attempt.getKey()).isEqualTo(403);
			assertThat(r.text("code")).as(attempt.getKey()).isEqualTo("TICKET_NOT_HOLDER");
		}
		// the lead of another team is a stranger here too
		assertThat(as("lead2").post(path(no, "cancel"), action("reason", "乙班班长撤销")).status()).isEqualTo(403);
		assertThat(state(no)).isEqualTo(before);
		assertThat(refusalsLogged(no, "agent3")).isEqualTo(attempts.size());
		assertThat(refusalsLogged(no, "lead2")).isEqualTo(1);
		// a note is open to the desk
		assertThat(as("agent3").post(path(no, "notes"), action("note", "用户又来电催问")).status()).isEqualTo(204);
	}

	@Test
	void theAssigneeAndTheFirstResponderCanActButAColleagueOfTheAssigneeCannot() {
		String no = recorded("agent");
		assertThat(as("agent").post(path(no, "dispatch"), action("assigneeId", id("agent3"))).text("assignee")).isEqualTo("agent3");
		// agent4 shares agent3's team, but a person holds the ticket
		assertThat(as("agent4").post(path(no, "respond"), action()).status()).isEqualTo(403);
		// the first responder calls the customer back
		Api.Response responded = as("agent").post(path(no, "respond"), action("note", "已回电告知处理进度"));
		assertThat(responded.status()).isEqualTo(200);
		assertThat(responded.text("status")).isEqualTo("RESPONDED");
		assertThat(jdbc.sql("select responded_by from ticket where ticket_no = ?").param(no).query(String.class).single())
			.isEqualTo("agent");
		// the assignee resolves
		assertThat(as("agent3").post(path(no, "resolve"), action("result", "已更换阀门")).text("status")).isEqualTo("RESOLVED");
	}

	@Test
	void anyMemberOfAHoldingTeamAndItsLeadCanActOthersCannot() {
		String no = recorded("agent");
		as("agent").post(path(no, "dispatch"), action("teamId", teamOf("agent3")));
		assertThat(as("agent2").post(path(no, "respond"), action()).status()).isEqualTo(403);
		assertThat(as("lead").post(path(no, "respond"), action()).status()).isEqualTo(403);
		assertThat(as("agent4").post(path(no, "respond"), action()).text("status")).isEqualTo("RESPONDED");
		assertThat(as("lead2").post(path(no, "resolve"), action("result", "乙班处理完毕")).text("status")).isEqualTo("RESOLVED");
	}

	@Test
	void aDispatcherRecordsTheCrewsProgressAndAManagerMayActOnAny() {
		String no = recorded("agent3");
		// team B's ticket: not the team A dispatcher's
		assertThat(as("dispatcher").post(path(no, "dispatch"), action("assigneeId", id("tech"))).status()).isEqualTo(403);
		as("agent3").post(path(no, "dispatch"), action("assigneeId", id("tech")));
		// a crew holds it now: the dispatch desk records its progress
		assertThat(as("dispatcher").post(path(no, "respond"), action("note", "维修一班已出发")).text("status")).isEqualTo("RESPONDED");
		assertThat(as("manager").post(path(no, "resolve"), action("result", "经理确认已修复")).text("status")).isEqualTo("RESOLVED");
	}

	@Test
	void theSixPointSevenRuleStillComesFirst() {
		Map<String, Object> complaint = repair(unique("投诉班长处理不当"));
		complaint.put("type", "COMPLAINT");
		complaint.put("aboutStaffId", id("lead"));
		String no = as("agent").post("/api/v1/tickets", complaint).text("ticketNo");
		// the lead of the holder's team, but the complaint is about him
		Api.Response r = as("lead").post(path(no, "cancel"), action("reason", "x"));
		assertThat(r.status()).isEqualTo(403);
		assertThat(r.text("code")).isEqualTo("TICKET_ABOUT_YOU");
		assertThat(jdbc.sql("select status from ticket where ticket_no = ?").param(no).query(String.class).single()).isEqualTo("RECORDED");
	}
}
