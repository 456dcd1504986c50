package org.heatdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sampling plans, scoring with fatal items, the agent's answer and the manager's decision, against PostgreSQL. */
@HeatDeskTest
class SpotChecksIntegrationTests {

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SamplingPlans samples;

	@Autowired
	SpotChecks checks;

	@Autowired
	Rubrics rubrics;

	@Autowired
	Rectifications rectifications;

	private final YearMonth month = YearMonth.now(QualityTestSupport.ZONE).minusMonths(2);

	/** Agent i gets calls[i] answered calls in the month, on days 1…n at 10:00. */
	private List<List<Long>> calls(QualityTestSupport.Crew crew, YearMonth m, int... counts) {
		List<List<Long>> all = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			List<Long> mine = new ArrayList<>();
			for (int d = 1; d <= counts[i]; d++) {
				mine.add(QualityTestSupport.call(jdbc, crew.agents().get(i), QualityTestSupport.in(m, d, 10), 90, true, null));
			}
			all.add(mine);
		}
		return all;
	}

	private long sampleRows(long teamId) {
		return jdbc.sql("select count(*) from quality_sample where team_id = ?").param(teamId).query(Long.class).single();
	}

	private static String code(Throwable t) {
		return ((HeatDeskException) t).code();
	}

	@Test
	void aLeadDrawsSoManyCallsPerAgentWithARecordedSeedThatRepeatsTheDraw() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 3);
		List<List<Long>> calls = calls(crew, month, 5, 4, 6);
		// agent 1's 5th call: a complaint answered late, 6 minutes long → weight 1 + 2 + 1 + 1 = 5
		String complaint = QualityTestSupport.complaint(jdbc, crew.agents().get(1), QualityTestSupport.in(month, 20, 9));
		long heavy = QualityTestSupport.call(jdbc, crew.agents().get(1), QualityTestSupport.in(month, 20, 9), 360, false,
				complaint);
		// a call of the month before is no candidate
		QualityTestSupport.call(jdbc, crew.agent(), QualityTestSupport.in(month.minusMonths(1), 28, 10), 60, true, null);

		SamplingPlans.Sample s = samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), month, 3, null);

		// candidates: 5 + 5 + 6 = 16; drawn: 3 per agent = 9
		assertThat(s.candidates()).isEqualTo(16);
		assertThat(s.perAgent()).isEqualTo(3);
		List<SpotChecks.Check> drawn = checks.ofSample(s.id());
		assertThat(drawn).hasSize(9);
		for (StaffView a : crew.agents()) {
			assertThat(drawn.stream().filter(c -> c.agentId() == a.id())).hasSize(3);
		}
		assertThat(drawn).allMatch(c -> c.status() == SpotChecks.Status.TO_SCORE);
		String reasons = jdbc.sql("select reasons || ':' || weight from quality_sample_candidate where sample_id = ? and call_id = ?")
			.params(s.id(), heavy).query(String.class).single();
		assertThat(reasons).isEqualTo("COMPLAINT,LONG,LATE:5");
		// the recorded seed over the recorded candidates gives the same calls
		List<Long> drawnIds = drawn.stream().map(SpotChecks.Check::callId).sorted().toList();
		assertThat(samples.reproduce(s.id())).isEqualTo(drawnIds);
		assertThat(samples.drawnCalls(s.id())).isEqualTo(drawnIds);
		// the pure draw with the seed recorded gives them too
		assertThat(SamplingDraw.draw(samples.candidates(crew.teamId(), month), 3, s.seed()).stream()
			.map(SamplingDraw.Candidate::callId).toList()).isEqualTo(drawnIds);
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'QUALITY_SAMPLE_DRAWN' and entity_id = ?")
			.param(String.valueOf(s.id())).query(Long.class).single()).isEqualTo(1);

		// a second draw of the month is refused; the lead adds a call that was not drawn
		assertThatThrownBy(() -> samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), month, 3, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_SAMPLE_EXISTS"));
		long notDrawn = calls.get(2).stream().filter(id -> !drawnIds.contains(id)).findFirst().orElseThrow();
		long added = samples.addCall(QualityTestSupport.as(crew.lead()), s.id(), notDrawn);
		assertThat(checks.find(added).orElseThrow().addedBy()).isEqualTo(crew.lead().username());
		assertThatThrownBy(() -> samples.addCall(QualityTestSupport.as(crew.lead()), s.id(), notDrawn))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_CALL_ALREADY_CHECKED"));
		long otherMonth = QualityTestSupport.call(jdbc, crew.agent(), QualityTestSupport.in(month.plusMonths(1), 2, 10), 60,
				true, null);
		assertThatThrownBy(() -> samples.addCall(QualityTestSupport.as(crew.lead()), s.id(), otherMonth))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_CALL_NOT_IN_MONTH"));
		// the added call is not part of the seeded draw, which still repeats
		assertThat(samples.reproduce(s.id())).isEqualTo(samples.drawnCalls(s.id()));
	}

	@Test
	void askingForMoreCallsThanAnAgentAnsweredIsRefusedAndNothingIsWritten() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 2);
		calls(crew, month, 6, 4);
		assertThatThrownBy(() -> samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), month, 5, null))
			.isInstanceOf(HeatDeskException.class)
			.satisfies(e -> {
				assertThat(code(e)).isEqualTo("QUALITY_SAMPLE_TOO_FEW_CALLS");
				assertThat(((HeatDeskException) e).field()).isEqualTo("perAgent");
				// the agent named, his 4 calls, the 5 asked
				assertThat(((HeatDeskException) e).args()).containsExactly(crew.agents().get(1).displayName(), 4, 5);
			});
		assertThat(sampleRows(crew.teamId())).isZero();
		// other refusals: a month not begun, 0 per agent, a month without calls, someone else's team
		assertThatThrownBy(() -> samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(),
				YearMonth.now(QualityTestSupport.ZONE).plusMonths(1), 1, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_MONTH_NOT_BEGUN"));
		assertThatThrownBy(() -> samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), month, 0, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_PER_AGENT_RANGE"));
		assertThatThrownBy(() -> samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), month.minusMonths(6), 1, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_SAMPLE_NO_CALLS"));
		QualityTestSupport.Crew other = QualityTestSupport.crew(staff, 1);
		assertThatThrownBy(() -> samples.draw(QualityTestSupport.as(other.lead()), crew.teamId(), month, 1, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_NOT_YOUR_TEAM"));
		assertThatThrownBy(() -> samples.draw(QualityTestSupport.as(crew.agent()), crew.teamId(), month, 1, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_NOT_YOUR_TEAM"));
		assertThat(sampleRows(crew.teamId())).isZero();
		// 4 per agent fits: 2 agents × 4 = 8
		assertThat(checks.ofSample(samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), month, 4, 42L).id()))
			.hasSize(8);
	}

	/** Points per item id: every scored item full except those in {@code lost} (code → points taken off). */
	private Map<Long, Integer> points(Map<String, Integer> lost) {
		Map<Long, Integer> m = new HashMap<>();
		for (Rubrics.Item i : rubrics.current().scored()) {
			m.put(i.id(), i.points() - lost.getOrDefault(i.code(), 0));
		}
		return m;
	}

	private long fatalId(String code) {
		return rubrics.current().fatal().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow().id();
	}

	private SpotChecks.Check oneCheck(QualityTestSupport.Crew crew, YearMonth m) {
		calls(crew, m, 2);
		SamplingPlans.Sample s = samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), m, 1, null);
		return checks.ofSample(s.id()).get(0);
	}

	@Test
	void aScoreAddsTheItemsAndAFatalItemMakesItZeroWithARectification() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 1);
		SpotChecks.Check c = oneCheck(crew, month);
		LocalDate in7 = LocalDate.now(QualityTestSupport.ZONE).plusDays(7);

		// greeting 10 → 5, phrases 15 → 10: 100 − 5 − 5 = 90; three voices (5 + 10 + 10) / 30 = 83 %;
		// phrases 10 / 15 = 67 %
		SpotChecks.Check scored = checks.score(QualityTestSupport.as(crew.lead()), c.id(), new SpotChecks.Scoring(
				points(Map.of("GREETING", 5, "PHRASES", 5)), Set.of(), "问候语未报公司名称",
				List.of(new SpotChecks.NewComment(12, "开头没有报公司名称")), null, null));
		assertThat(scored.status()).isEqualTo(SpotChecks.Status.SCORED);
		assertThat(scored.score()).isEqualTo(90);
		assertThat(scored.fatal()).isFalse();
		assertThat(scored.threeVoices()).isEqualTo(83);
		assertThat(scored.phrases()).isEqualTo(67);
		assertThat(checks.comments(c.id())).extracting(SpotChecks.Comment::mark).containsExactly("0:12");
		assertThat(rectifications.ofCheck(c.id())).isEmpty();
		assertThatThrownBy(() -> checks.score(QualityTestSupport.as(crew.lead()), c.id(),
				new SpotChecks.Scoring(points(Map.of()), Set.of(), null, List.of(), null, null)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_CHECK_ALREADY_SCORED"));

		// another call: rude (fatal) → 0 whatever the items say; needs a rectification deadline
		QualityTestSupport.Crew crew2 = QualityTestSupport.crew(staff, 1);
		SpotChecks.Check c2 = oneCheck(crew2, month);
		SpotChecks.Scoring rude = new SpotChecks.Scoring(points(Map.of()), Set.of(fatalId("RUDENESS")), "态度粗暴",
				List.of(), null, null);
		assertThatThrownBy(() -> checks.score(QualityTestSupport.as(crew2.lead()), c2.id(), rude))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_FATAL_NEEDS_RECTIFICATION"));
		assertThat(checks.find(c2.id()).orElseThrow().status()).isEqualTo(SpotChecks.Status.TO_SCORE);
		SpotChecks.Check zero = checks.score(QualityTestSupport.as(crew2.lead()), c2.id(), new SpotChecks.Scoring(
				points(Map.of()), Set.of(fatalId("RUDENESS")), "态度粗暴", List.of(), in7, "与客户说话语气生硬，需重新培训服务用语"));
		assertThat(zero.score()).isZero();
		assertThat(zero.fatal()).isTrue();
		List<Rectifications.Rectification> r = rectifications.ofCheck(c2.id());
		assertThat(r).hasSize(1);
		assertThat(r.get(0).ownerId()).isEqualTo(crew2.agent().id());
		assertThat(r.get(0).finding()).isEqualTo("与客户说话语气生硬，需重新培训服务用语");
		// due at the end of the 7th day in the company's zone
		assertThat(r.get(0).dueAt()).isEqualTo(in7.plusDays(1).atStartOfDay(QualityTestSupport.ZONE).toInstant());
	}

	@Test
	void badScoresAreRefusedAndNothingIsWritten() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 1);
		SpotChecks.Check c = oneCheck(crew, month);
		Rubrics.Item greeting = rubrics.current().scored().get(0);
		Map<Long, Integer> tooMany = points(Map.of());
		tooMany.put(greeting.id(), greeting.points() + 1);
		assertThatThrownBy(() -> checks.score(QualityTestSupport.as(crew.lead()), c.id(),
				new SpotChecks.Scoring(tooMany, Set.of(), null, List.of(), null, null)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_SCORE_ITEM_RANGE"));
		Map<Long, Integer> missing = points(Map.of());
		missing.remove(greeting.id());
		assertThatThrownBy(() -> checks.score(QualityTestSupport.as(crew.lead()), c.id(),
				new SpotChecks.Scoring(missing, Set.of(), null, List.of(), null, null)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_SCORE_ITEM_MISSING"));
		assertThatThrownBy(() -> checks.score(QualityTestSupport.as(crew.lead()), c.id(), new SpotChecks.Scoring(
				points(Map.of()), Set.of(greeting.id()), null, List.of(), null, null)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_SCORE_FATAL_UNKNOWN"));
		assertThatThrownBy(() -> checks.score(QualityTestSupport.as(crew.agent()), c.id(),
				new SpotChecks.Scoring(points(Map.of()), Set.of(), null, List.of(), null, null)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_OWN_CALL"));
		QualityTestSupport.Crew other = QualityTestSupport.crew(staff, 1);
		assertThatThrownBy(() -> checks.score(QualityTestSupport.as(other.lead()), c.id(),
				new SpotChecks.Scoring(points(Map.of()), Set.of(), null, List.of(), null, null)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_NOT_YOUR_TEAM"));
		assertThat(checks.find(c.id()).orElseThrow().status()).isEqualTo(SpotChecks.Status.TO_SCORE);
		assertThat(jdbc.sql("select count(*) from quality_check_item where check_id = ?").param(c.id()).query(Long.class)
			.single()).isZero();
	}

	@Test
	void aLeadCannotScoreHisOwnCallButAManagerCan() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 0);
		QualityTestSupport.call(jdbc, crew.lead(), QualityTestSupport.in(month, 3, 11), 120, true, null);
		SamplingPlans.Sample s = samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), month, 1, null);
		SpotChecks.Check c = checks.ofSample(s.id()).get(0);
		assertThat(c.agentId()).isEqualTo(crew.lead().id());
		assertThatThrownBy(() -> checks.score(QualityTestSupport.as(crew.lead()), c.id(),
				new SpotChecks.Scoring(points(Map.of()), Set.of(), null, List.of(), null, null)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_OWN_CALL"));
		assertThat(checks.score(QualityTestSupport.as(crew.manager()), c.id(),
				new SpotChecks.Scoring(points(Map.of()), Set.of(), null, List.of(), null, null)).score()).isEqualTo(100);
	}

	@Test
	void theAgentAcknowledgesOrDisputesAndAManagerWhoDidNotScoreDecides() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 2);
		calls(crew, month, 1, 1);
		SamplingPlans.Sample s = samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), month, 1, null);
		SpotChecks.Check a = checks.ofSample(s.id()).stream().filter(c -> c.agentId() == crew.agents().get(0).id())
			.findFirst().orElseThrow();
		SpotChecks.Check b = checks.ofSample(s.id()).stream().filter(c -> c.agentId() == crew.agents().get(1).id())
			.findFirst().orElseThrow();
		checks.score(QualityTestSupport.as(crew.lead()), a.id(),
				new SpotChecks.Scoring(points(Map.of("COURTESY", 4)), Set.of(), null, List.of(), null, null));
		checks.score(QualityTestSupport.as(crew.manager()), b.id(),
				new SpotChecks.Scoring(points(Map.of("ACCURACY", 10)), Set.of(), null, List.of(), null, null));

		// agent 0 acknowledges 96 (= 100 − 4): settled at 96
		assertThatThrownBy(() -> checks.acknowledge(QualityTestSupport.as(crew.agents().get(1)), a.id()))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_NOT_YOUR_CHECK"));
		SpotChecks.Check acked = checks.acknowledge(QualityTestSupport.as(crew.agents().get(0)), a.id());
		assertThat(acked.status()).isEqualTo(SpotChecks.Status.ACKNOWLEDGED);
		assertThat(acked.finalScore()).isEqualTo(96);
		assertThat(acked.settledAt()).isNotNull();
		assertThatThrownBy(() -> checks.dispute(QualityTestSupport.as(crew.agents().get(0)), a.id(), "晚了"))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_CHECK_NOT_OPEN"));

		// agent 1 disputes 90 (= 100 − 10) without a reason: refused; with one: disputed, not settled
		assertThatThrownBy(() -> checks.dispute(QualityTestSupport.as(crew.agents().get(1)), b.id(), "  "))
			.satisfies(e -> assertThat(code(e)).isEqualTo("REQUIRED"));
		SpotChecks.Check disputed = checks.dispute(QualityTestSupport.as(crew.agents().get(1)), b.id(),
				"答复内容与知识库一致，不应扣分");
		assertThat(disputed.status()).isEqualTo(SpotChecks.Status.DISPUTED);
		assertThat(disputed.settledAt()).isNull();
		// the lead cannot decide; the manager who scored it cannot; another manager revises to 100
		assertThatThrownBy(() -> checks.decide(QualityTestSupport.as(crew.lead()), b.id(), SpotChecks.Decision.UPHELD,
				null, "维持")).satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_DECIDE_MANAGER_ONLY"));
		assertThatThrownBy(() -> checks.decide(QualityTestSupport.as(crew.manager()), b.id(), SpotChecks.Decision.UPHELD,
				null, "维持")).satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_DECIDE_OWN_CHECK"));
		assertThatThrownBy(() -> checks.decide(QualityTestSupport.as(crew.manager2()), b.id(), SpotChecks.Decision.REVISED,
				101, "改判")).satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_REVISED_SCORE_RANGE"));
		SpotChecks.Check decided = checks.decide(QualityTestSupport.as(crew.manager2()), b.id(),
				SpotChecks.Decision.REVISED, 100, "核对知识库，答复准确");
		assertThat(decided.status()).isEqualTo(SpotChecks.Status.DECIDED);
		assertThat(decided.score()).isEqualTo(90);
		assertThat(decided.finalScore()).isEqualTo(100);
		assertThat(decided.settledAt()).isNotNull();
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'QUALITY_CHECK_DECIDED' and entity_id = ?")
			.param(String.valueOf(b.id())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRubricWhosePointsDoNotAddUpIsRefusedAndAManagerPublishesANewVersion() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 1);
		Rubrics.Rubric before = rubrics.current();
		List<Rubrics.NewItem> same = before.items().stream()
			.map(i -> new Rubrics.NewItem(i.code(), i.nameZh(), i.nameEn(), i.points(), i.fatal(), i.aspect())).toList();
		List<Rubrics.NewItem> short5 = new ArrayList<>(same);
		Rubrics.Item first = before.scored().get(0);
		short5.set(0, new Rubrics.NewItem(first.code(), first.nameZh(), first.nameEn(), first.points() - 5, false,
				first.aspect()));
		// 100 − 5 = 95
		assertThatThrownBy(() -> rubrics.publish(QualityTestSupport.as(crew.manager()), "少 5 分", short5))
			.satisfies(e -> {
				assertThat(code(e)).isEqualTo("QUALITY_RUBRIC_POINTS");
				assertThat(((HeatDeskException) e).args()).containsExactly(95, 100);
			});
		List<Rubrics.NewItem> fatalWithPoints = new ArrayList<>(same);
		fatalWithPoints.add(new Rubrics.NewItem("SHOUTING", "大声喊叫", "Shouting", 5, true, null));
		assertThatThrownBy(() -> rubrics.publish(QualityTestSupport.as(crew.manager()), "x", fatalWithPoints))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_RUBRIC_FATAL_POINTS"));
		assertThatThrownBy(() -> rubrics.publish(QualityTestSupport.as(crew.lead()), "x", same))
			.satisfies(e -> assertThat(code(e)).isEqualTo("QUALITY_RUBRIC_MANAGER_ONLY"));
		assertThat(rubrics.current().version()).isEqualTo(before.version());
		Rubrics.Rubric after = rubrics.publish(QualityTestSupport.as(crew.manager()), "重新发布（内容不变）", same);
		assertThat(after.version()).isEqualTo(before.version() + 1);
		assertThat(after.scored().stream().mapToInt(Rubrics.Item::points).sum()).isEqualTo(100);
		assertThat(after.fatal()).extracting(Rubrics.Item::code).containsExactly("RUDENESS", "DATA_LEAK", "ARGUING");
	}
}
