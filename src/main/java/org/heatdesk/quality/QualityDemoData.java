package org.heatdesk.quality;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.DemoDataSeeder;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's spot checks: this month's sample of both desk teams drawn from today's demo calls (with
 * a fixed seed), a few calls scored by the leads — one acknowledged, one waiting for the agent, one
 * disputed and waiting for the manager, one with a fatal item and its rectification —, an overdue
 * rectification and one closed on time, and three cases in the library.
 */
@Component
@Order(70)
class QualityDemoData implements DemoDataSeeder {

	private static final Logger log = LoggerFactory.getLogger(QualityDemoData.class);

	static final long SEED = 20261201L;

	private final SamplingPlans samples;

	private final SpotChecks checks;

	private final Rubrics rubrics;

	private final CaseLibrary cases;

	private final QualityPeople people;

	private final JdbcClient jdbc;

	QualityDemoData(SamplingPlans samples, SpotChecks checks, Rubrics rubrics, CaseLibrary cases, QualityPeople people,
			JdbcClient jdbc) {
		this.samples = samples;
		this.checks = checks;
		this.rubrics = rubrics;
		this.cases = cases;
		this.people = people;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "quality";
	}

	@Override
	public void seed() {
		Optional<StaffView> lead = people.staff().findByUsername("lead");
		Optional<StaffView> lead2 = people.staff().findByUsername("lead2");
		Optional<StaffView> manager = people.staff().findByUsername("manager");
		if (lead.isEmpty() || manager.isEmpty()) {
			return;
		}
		YearMonth month = YearMonth.now(people.clock().withZone(people.zone()));
		Long sampleA = draw(lead.get(), month);
		Long sampleB = lead2.map(l -> draw(l, month)).orElse(null);
		if (sampleA != null) {
			scoreTeam(sampleA, lead.get(), manager.get(), true);
		}
		if (sampleB != null) {
			scoreTeam(sampleB, lead2.get(), manager.get(), false);
		}
		rectificationsOnTheBoard(lead.get());
		caseLibrary(lead.get(), sampleA);
	}

	private Long draw(StaffView lead, YearMonth month) {
		if (lead.teamId() == null) {
			return null;
		}
		List<SamplingDraw.Candidate> candidates = samples.candidates(lead.teamId(), month);
		Map<Long, Integer> perAgent = new HashMap<>();
		candidates.forEach(c -> perAgent.merge(c.agentId(), 1, Integer::sum));
		int per = Math.min(3, perAgent.values().stream().mapToInt(Integer::intValue).min().orElse(0));
		if (per < 1) {
			log.info("demo: no calls of team {} this month yet, no spot-check sample", lead.teamName());
			return null;
		}
		return samples.draw(actor(lead), lead.teamId(), month, per, SEED).id();
	}

	private void scoreTeam(long sampleId, StaffView lead, StaffView manager, boolean all) {
		List<SpotChecks.Check> list = checks.ofSample(sampleId);
		int n = 0;
		for (SpotChecks.Check c : list) {
			StaffView agent = people.staff().find(c.agentId()).orElse(null);
			if (agent == null) {
				continue;
			}
			if (c.agentId() == lead.id()) {
				// the lead's own call is scored by the manager
				if (all && checks.find(c.id()).orElseThrow().status() == SpotChecks.Status.TO_SCORE) {
					checks.score(actor(manager), c.id(), scoring(Map.of(), Set.of(), "服务规范，三声齐全", null, null));
					checks.acknowledge(actor(agent), c.id());
				}
				continue;
			}
			LocalDate today = LocalDate.ofInstant(people.clock().instant(), people.zone());
			switch (n++) {
				case 0 -> {
					checks.score(actor(lead), c.id(), scoring(Map.of("GREETING", 5), Set.of(),
							"问候语没有报公司名称，其余规范", 3, "开头只说“您好”，没有报“金鼎供热客服中心”"));
					checks.acknowledge(actor(agent), c.id());
				}
				case 1 -> checks.score(actor(lead), c.id(), scoring(Map.of("PHRASES", 5, "OWNERSHIP", 5), Set.of(),
						"未说明首问负责和工单号", 40, "挂机前没有告知客户工单号和“我是您的首问责任人”"));
				case 2 -> {
					if (!all) {
						return;
					}
					checks.score(actor(lead), c.id(), scoring(Map.of("ACCURACY", 10, "COURTESY", 4), Set.of(),
							"停暖原因解释不准确", 65, "把“二次网检修”说成“热源故障”"));
					checks.dispute(actor(agent), c.id(), "当时调度通知的就是热源故障，我按通知答复的，请核实当天的停暖通知。");
				}
				case 3 -> {
					long arguing = rubrics.current().fatal().stream().filter(i -> i.code().equals("ARGUING")).findFirst()
						.orElseThrow().id();
					checks.score(actor(lead), c.id(), new SpotChecks.Scoring(points(Map.of()), Set.of(arguing),
							"与客户争执收费问题", List.of(new SpotChecks.NewComment(95, "客户质疑收费时坐席提高声音争辩")),
							today.plusDays(3), "与客户争执：重听本通录音，学习投诉安抚用语，在班前会复盘"));
				}
				default -> {
					return;
				}
			}
		}
	}

	private SpotChecks.Scoring scoring(Map<String, Integer> lost, Set<Long> fatal, String summary, Integer mark,
			String remark) {
		return new SpotChecks.Scoring(points(lost), fatal, summary,
				mark == null ? List.of() : List.of(new SpotChecks.NewComment(mark, remark)), null, null);
	}

	private Map<Long, Integer> points(Map<String, Integer> lost) {
		Map<Long, Integer> m = new HashMap<>();
		for (Rubrics.Item i : rubrics.current().scored()) {
			m.put(i.id(), i.points() - lost.getOrDefault(i.code(), 0));
		}
		return m;
	}

	/** One overdue (written directly: the service refuses a deadline in the past) and one closed on time. */
	private void rectificationsOnTheBoard(StaffView lead) {
		Optional<StaffView> agent2 = people.staff().findByUsername("agent2");
		Optional<StaffView> agent = people.staff().findByUsername("agent");
		Instant now = people.clock().instant();
		LocalDate today = LocalDate.ofInstant(now, people.zone());
		agent2.ifPresent(a -> jdbc.sql("""
				insert into quality_rectification (finding, owner_id, team_id, due_at, created_by, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params("多次未使用标准道别语：抄写并背诵《服务用语》道别部分，班长抽听 3 通确认", a.id(), a.teamId(),
					Timestamp.from(today.atStartOfDay(people.zone()).toInstant()), lead.username(),
					Timestamp.from(now.minus(Duration.ofDays(5))))
			.update());
		agent.ifPresent(a -> jdbc.sql("""
				insert into quality_rectification (finding, owner_id, team_id, due_at, status, evidence, closed_by, closed_at,
				                                   created_by, created_at)
				values (?, ?, ?, ?, 'DONE', ?, ?, ?, ?, ?)""")
			.params("工单地址未写到单元和房号：复习工单必填项", a.id(), a.teamId(),
					Timestamp.from(today.atStartOfDay(people.zone()).toInstant()),
					"已复习工单填写规范，班长抽查本周 10 张工单地址均完整", a.username(),
					Timestamp.from(now.minus(Duration.ofDays(2))), lead.username(),
					Timestamp.from(now.minus(Duration.ofDays(4))))
			.update());
	}

	private void caseLibrary(StaffView lead, Long sampleId) {
		List<SpotChecks.Check> drawn = sampleId == null ? List.of() : checks.ofSample(sampleId);
		LocalDate today = LocalDate.ofInstant(people.clock().instant(), people.zone());
		// no refusals here: one thrown through a service would mark the whole seed's transaction for rollback
		if (drawn.isEmpty()) {
			return;
		}
		cases.create(actor(lead), new CaseLibrary.NewCase(CaseLibrary.Kind.GOOD, "停暖来电：先安抚，再说明原因和恢复时间",
				drawn.get(0).callId(), null, drawn.get(0).id(),
				"客户来电称家中暖气突然不热，情绪激动。坐席先致歉安抚，查询管网状态后说明是换热站检修，告知预计恢复时间，并主动留下工单号，承诺恢复后回访。",
				"遇到停暖来电：先安抚情绪，再查管网运行状态，说明原因和预计恢复时间，最后报工单号和首问责任。", today));
		cases.create(actor(lead), new CaseLibrary.NewCase(CaseLibrary.Kind.BAD, "与客户争执收费：反面案例",
				drawn.get(drawn.size() - 1).callId(), null, null,
				"客户质疑本季采暖费计算方式，坐席多次打断客户并提高声音争辩，客户要求投诉。",
				"收费疑问不在电话里争论：耐心听完，说明计费依据，必要时转收费部门并登记工单，始终使用服务用语。", today));
		cases.create(actor(lead), new CaseLibrary.NewCase(CaseLibrary.Kind.GOOD, "报修后主动告知维修进度",
				drawn.get(drawn.size() / 2).callId(), null, null,
				"客户报修卫生间暖气片漏水。坐席登记工单后立即派工，并在维修人员到场前主动回电告知预计到达时间，客户表示满意。",
				"报修工单在关键节点主动告知客户进度（9.3），能明显减少催办来电。", null));
	}

	private static Actor actor(StaffView s) {
		return Actor.person(s.username(), s.displayName());
	}
}
