package org.heatdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The phrase library: seeded with chapter 7 word for word, filled in for the caller, changed only
 * through a draft another manager approves, every version kept and audited.
 */
@HeatDeskTest
class PhrasesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Phrases phrases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Test
	void theComplaintPhrasesSayTheCompanyAndTheCallersSurname() {
		List<Phrases.Said> said = phrases.said(List.of(PhraseScenario.COMPLAINT, PhraseScenario.APOLOGY), "李", null, "1001");
		List<String> texts = said.stream().map(Phrases.Said::text).toList();
		// chapter 7 (二) "用户电话投诉时", 金鼎公司 as the company's short name, the title unknown
		assertThat(texts).contains("李先生/女士您好！金鼎公司供热客服中心！请问您有什么需要帮忙的？",
				"对不起，李先生/女士，我们会立即处理这个问题，会在最短时间给您答复。", "先生/女士，请问您贵姓？",
				// chapter 7 (三) 道歉规范用语
				"对不起，这是我们的失误。", "谢谢您的批评，我们一定注意改进。");
		// complaint phrases come before the apologies, as asked
		assertThat(said.get(0).scenario()).isEqualTo(PhraseScenario.COMPLAINT);
		assertThat(said.get(said.size() - 1).scenario()).isEqualTo(PhraseScenario.APOLOGY);

		List<String> outbound = phrases.said(List.of(PhraseScenario.OUTBOUND), "李", "女士", null).stream()
			.map(Phrases.Said::text).toList();
		assertThat(outbound).contains("女士，您好，我是金鼎公司供热客服中心，请问您是李业主吗？", "谢谢您，再见！");
		// without an employee number the greeting that names it is not offered, rather than said with a gap
		assertThat(phrases.said(List.of(PhraseScenario.GREETING), "李", null, null)).extracting(Phrases.Said::text)
			.contains("您好！金鼎公司供热客服中心！").noneMatch(t -> t.contains("号接线员"));
		List<String> acknowledge = phrases.said(List.of(PhraseScenario.ACKNOWLEDGE), "李", "先生", null).stream()
			.map(Phrases.Said::text).toList();
		assertThat(acknowledge).contains("好的，李先生，您反映的情况我已经记下了。");
	}

	@Test
	void theFragmentFillsInTheSurnameFromAMaskedNameAndTheAgentsNumber() {
		TestStaff.Account agent = TestStaff.create(staff, "phr", Role.AGENT);
		String employeeNo = staff.findByUsername(agent.username()).orElseThrow().employeeNo();
		PageSession s = PageSession.login(port, agent.username());
		HttpResponse<String> r = s.get("/knowledge/phrases?scenario=GREETING,CLARIFY&surname=%E7%8E%8B**");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("您好！金鼎公司供热客服中心！")
			.contains("对不起，先生/女士，您刚才讲的问题我没听清楚，请您重述一遍好吗？")
			.contains("data-shortcut=\"1\"")
			.contains("金鼎公司供热客服中心，" + (employeeNo == null ? "" : employeeNo) + "号接线员为您服务");
		HttpResponse<String> outbound = s.get("/knowledge/phrases?scenario=OUTBOUND&surname=%E7%8E%8B&title=%E5%85%88%E7%94%9F");
		assertThat(outbound.body()).contains("先生，您好，我是金鼎公司供热客服中心，请问您是王业主吗？");
		assertThat(s.get("/knowledge/phrases?scenario=NOPE").statusCode()).isEqualTo(400);
	}

	@Test
	void aDraftIsSeenOnlyOnceAnotherManagerApprovesItAndEveryVersionStays() {
		String marker = "测试" + UUID.randomUUID().toString().substring(0, 8);
		Actor lead = Actor.person("lead-" + marker, "班长");
		Actor manager = Actor.person("mgr-" + marker, "经理");
		Actor other = Actor.person("mgr2-" + marker, "经理二");

		long v1 = phrases.draft(null, PhraseScenario.CLOSING, marker + "，{surname}{title}再见！", lead);
		long phraseId = jdbc.sql("select phrase_id from knowledge_phrase_version where id = ?").param(v1).query(Long.class).single();
		assertThat(closing("赵")).noneMatch(t -> t.startsWith(marker));
		// the author may not approve his own words
		assertThatThrownBy(() -> phrases.approve(v1, lead)).isInstanceOf(HeatDeskException.class)
			.extracting(e -> ((HeatDeskException) e).code()).isEqualTo("PHRASE_OWN_DRAFT");
		phrases.approve(v1, manager);
		assertThat(closing("赵")).contains(marker + "，赵先生/女士再见！");

		// the manager's own edit waits for another manager; the approved words stay meanwhile
		long v2 = phrases.draft(phraseId, null, marker + "，祝您生活愉快！", manager);
		assertThatThrownBy(() -> phrases.approve(v2, manager)).isInstanceOf(HeatDeskException.class);
		assertThat(closing("赵")).contains(marker + "，赵先生/女士再见！").doesNotContain(marker + "，祝您生活愉快！");
		phrases.approve(v2, other);
		assertThat(closing("赵")).contains(marker + "，祝您生活愉快！").doesNotContain(marker + "，赵先生/女士再见！");

		List<Phrases.Version> versions = phrases.versions(phraseId);
		assertThat(versions).extracting(Phrases.Version::version).containsExactly(2, 1);
		assertThat(versions).extracting(Phrases.Version::status).containsExactly("APPROVED", "APPROVED");
		assertThat(versions.get(1).text()).isEqualTo(marker + "，{surname}{title}再见！");
		assertThat(jdbc.sql("""
				select action from platform_audit_event where entity_type = 'knowledge_phrase' and entity_id = ? order by id""")
			.param(String.valueOf(phraseId)).query(String.class).list())
			.containsExactly("PHRASE_DRAFTED", "PHRASE_APPROVED", "PHRASE_DRAFTED", "PHRASE_APPROVED");

		// an unknown placeholder is refused, nothing written
		assertThatThrownBy(() -> phrases.draft(phraseId, null, "您好{name}", lead)).isInstanceOf(HeatDeskException.class)
			.extracting(e -> ((HeatDeskException) e).code()).isEqualTo("PHRASE_PLACEHOLDER_UNKNOWN");
		assertThat(phrases.versions(phraseId)).hasSize(2);
	}

	@Test
	void onThePagesALeadDraftsAndTheManagerCannotApproveHisOwnDraft() {
		TestStaff.Account lead = TestStaff.create(staff, "phl", Role.TEAM_LEAD, Role.AGENT);
		TestStaff.Account manager = TestStaff.create(staff, "phm", Role.MANAGER);
		String words = "页面测试" + UUID.randomUUID().toString().substring(0, 6) + "，{title}请稍候。";
		PageSession m = PageSession.login(port, manager.username());
		assertThat(m.post("/knowledge/phrases/drafts", Map.of("scenario", "ACKNOWLEDGE", "text", words)).statusCode())
			.isEqualTo(302);
		// the browser follows the redirect: the notice is shown once
		assertThat(m.get("/knowledge/phrases/manage").body()).contains("草稿已保存");
		long own = jdbc.sql("select id from knowledge_phrase_version where text = ?").param(words).query(Long.class).single();
		HttpResponse<String> refused = m.post("/knowledge/phrases/drafts/" + own + "/approve", Map.of());
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(m.get("/knowledge/phrases/manage").body()).contains("不能审批自己起草的用语");
		assertThat(jdbc.sql("select status from knowledge_phrase_version where id = ?").param(own).query(String.class).single())
			.isEqualTo("DRAFT");

		// a team lead drafts, but approving is a manager's
		PageSession l = PageSession.login(port, lead.username());
		assertThat(l.get("/knowledge/phrases/manage").body()).contains(words);
		assertThat(l.post("/knowledge/phrases/drafts/" + own + "/approve", Map.of()).statusCode()).isEqualTo(403);
		// an agent neither drafts nor sees the maintenance page
		TestStaff.Account agent = TestStaff.create(staff, "pha", Role.AGENT);
		PageSession a = PageSession.login(port, agent.username());
		assertThat(a.get("/knowledge/phrases/manage").statusCode()).isEqualTo(403);
		assertThat(a.post("/knowledge/phrases/drafts", Map.of("scenario", "CLOSING", "text", "x")).statusCode()).isEqualTo(403);
	}

	@Test
	void theThreeVoicesAreKeptWithTheCall() {
		TestStaff.Account agent = TestStaff.create(staff, "phv", Role.AGENT);
		PageSession s = PageSession.login(port, agent.username());
		long call = 900_000_000L + (System.nanoTime() % 1_000_000L);
		HttpResponse<String> r = s.post("/knowledge/voices", Map.of("call", String.valueOf(call), "voice", "GREET"));
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("id=\"voice-GREET\"");
		assertThat(jdbc.sql("select voice || ':' || ticked_by from knowledge_call_voice where call_id = ?").param(call)
			.query(String.class).list()).containsExactly("GREET:" + agent.username());
		assertThat(s.get("/knowledge/voices?call=" + call).body()).containsPattern("value=\"GREET\"[^>]*checked");
	}

	private List<String> closing(String surname) {
		return phrases.said(List.of(PhraseScenario.CLOSING), surname, null, null).stream().map(Phrases.Said::text).toList();
	}
}
