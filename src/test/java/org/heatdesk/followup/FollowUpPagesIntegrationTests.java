package org.heatdesk.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The follow-up's pages as their users open them, with rows: the work page's refusal, the complaint
 * replies (a lead sees every complaint, an agent those he holds, the ticket page links to the reply),
 * the suggestions and the settings of the manager; who may not open them.
 */
@HeatDeskTest
class FollowUpPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBadFormIsRefusedOnTheWorkPageAndNothingIsStored() {
		FollowUpTestSupport.Crew crew = FollowUpTestSupport.crew(staff);
		String no = FollowUpTestSupport.resolved(port, crew.agent().username(), "REPAIR", "页面回访 " + UUID.randomUUID(), "已修好");
		long id = FollowUpTestSupport.followUpOf(jdbc, no, 1);
		PageSession lead = PageSession.login(port, crew.lead().username());

		HttpResponse<String> page = lead.get("/followups/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(no).contains("先生/女士，您好，我是金鼎公司供热客服中心");

		HttpResponse<String> refused = lead.post("/followups/" + id + "/outcome", Map.of("satisfaction", "HAPPY", "solved", "yes"));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/followups/" + id);
		assertThat(lead.get("/followups/" + id).body()).contains("满意度只能是：非常满意、满意、一般、不满意。");
		assertThat(jdbc.sql("select status from followup_follow_up where id = ?").param(id).query(String.class).single())
			.isEqualTo("QUEUED");
		assertThat(FollowUpTestSupport.ticketStatus(jdbc, no)).isEqualTo("RESOLVED");

		assertThat(lead.get("/followups").body()).contains("followup-" + id);
		// a dispatcher has no follow-up queue
		assertThat(PageSession.login(port, "dispatcher").get("/followups").statusCode()).isEqualTo(403);
	}

	@Test
	void complaintsAreListedByDeadlineAndAnsweredFromTheTicketPagesLink() {
		FollowUpTestSupport.Crew crew = FollowUpTestSupport.crew(staff);
		String no = FollowUpTestSupport.resolved(port, crew.agent().username(), "COMPLAINT", "投诉态度 " + UUID.randomUUID(), "已致歉");
		FollowUpTestSupport.Crew other = FollowUpTestSupport.crew(staff);

		// the ticket page shows the complaint's reply card with the link to the reply form
		PageSession holder = PageSession.login(port, crew.agent().username());
		String ticketPage = holder.get("/tickets/" + no).body();
		assertThat(ticketPage).contains("投诉答复（10.5）").contains("尚未答复").contains("/followups/complaints?ticket=" + no);
		// the holder sees his complaint; another agent does not; a lead sees all
		assertThat(holder.get("/followups/complaints").body()).contains("complaint-" + no);
		assertThat(PageSession.login(port, other.agent().username()).get("/followups/complaints").body())
			.doesNotContain("complaint-" + no);
		assertThat(PageSession.login(port, other.lead().username()).get("/followups/complaints").body())
			.contains("complaint-" + no);

		String form = holder.get("/followups/complaints?ticket=" + no).body();
		assertThat(form).contains("答复工单 " + no);
		HttpResponse<String> missingHow = holder.post("/followups/complaints/" + no + "/reply", Map.of("reply", "已致歉"));
		assertThat(missingHow.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select replied_at is null from followup_complaint where ticket_no = ?").param(no).query(Boolean.class)
			.single()).isTrue();
		assertThat(holder.post("/followups/complaints/" + no + "/reply", Map.of("reply", "已向您致歉", "how", "CALL"))
			.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select reply from followup_complaint where ticket_no = ?").param(no).query(String.class).single())
			.isEqualTo("已向您致歉");
		assertThat(holder.get("/tickets/" + no).body()).contains("由 " + crew.agent().username() + " 答复");
	}

	@Test
	void theManagerAnswersSuggestionsAndChangesSettings() {
		FollowUpTestSupport.Crew crew = FollowUpTestSupport.crew(staff);
		String text = "建议小区加装温度显示屏 " + UUID.randomUUID().toString().substring(0, 6);
		String no = FollowUpTestSupport.resolved(port, crew.agent().username(), "SUGGESTION", text, "已转相关部门");
		long id = jdbc.sql("select id from followup_suggestion where ticket_no = ?").param(no).query(Long.class).single();
		PageSession manager = PageSession.login(port, "manager");

		String list = manager.get("/followups/suggestions").body();
		assertThat(list).contains("suggestion-" + id).contains(text).contains("按月统计");
		manager.post("/followups/suggestions/" + id + "/answer", Map.of("answer", "感谢，明年试点"));
		assertThat(jdbc.sql("select answer from followup_suggestion where id = ?").param(id).query(String.class).single())
			.isEqualTo("感谢，明年试点");

		String settingsPage = manager.get("/followups/settings").body();
		assertThat(settingsPage).contains("rule-INQUIRY").contains("回访比例");
		int before = jdbc.sql("select due_days from followup_rule where ticket_type = 'INQUIRY'").query(Integer.class).single();
		manager.post("/followups/settings/INQUIRY", Map.of("rate", "abc", "days", "2"));
		assertThat(manager.get("/followups/settings").body()).contains("回访比例应是 0 到 100 的整数。");
		manager.post("/followups/settings/INQUIRY", Map.of("rate", "30", "days", String.valueOf(before == 3 ? 2 : 3)));
		assertThat(jdbc.sql("select due_days from followup_rule where ticket_type = 'INQUIRY'").query(Integer.class).single())
			.isEqualTo(before == 3 ? 2 : 3);
		manager.post("/followups/settings/INQUIRY", Map.of("rate", "30", "days", String.valueOf(before)));

		PageSession agent = PageSession.login(port, crew.agent().username());
		assertThat(agent.get("/followups/settings").statusCode()).isEqualTo(403);
		assertThat(agent.get("/followups/suggestions").statusCode()).isEqualTo(403);
	}
}
