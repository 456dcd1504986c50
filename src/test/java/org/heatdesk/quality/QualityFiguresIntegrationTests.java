package org.heatdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.reporting.ComplianceFigure;
import org.heatdesk.reporting.ComplianceReports;
import org.heatdesk.reporting.DayCount;
import org.heatdesk.reporting.FigureValue;
import org.heatdesk.reporting.Period;
import org.heatdesk.reporting.Scope;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The five figures on a hand-made day, worked out by hand. */
@HeatDeskTest
class QualityFiguresIntegrationTests {

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

	@Autowired
	List<ComplianceFigure> figures;

	@Autowired
	ComplianceReports reports;

	private ComplianceFigure figure(String code) {
		return figures.stream().filter(f -> f.definition().code().equals(code)).findFirst().orElseThrow();
	}

	private static Optional<DayCount> of(List<DayCount> counts, Scope scope) {
		return counts.stream().filter(c -> c.scopeKind() == scope.kind() && c.scopeId() == scope.id()).findFirst();
	}

	private Map<Long, Integer> points(Map<String, Integer> lost) {
		Map<Long, Integer> m = new HashMap<>();
		for (Rubrics.Item i : rubrics.current().scored()) {
			m.put(i.id(), i.points() - lost.getOrDefault(i.code(), 0));
		}
		return m;
	}

	@Test
	void theFiguresOfAHandMadeDay() {
		QualityTestSupport.Crew crew = QualityTestSupport.crew(staff, 2);
		YearMonth month = YearMonth.now(QualityTestSupport.ZONE).minusMonths(3);
		long a = crew.agents().get(0).id();
		long b = crew.agents().get(1).id();
		QualityTestSupport.call(jdbc, crew.agents().get(0), QualityTestSupport.in(month, 4, 10), 60, true, null);
		QualityTestSupport.call(jdbc, crew.agents().get(1), QualityTestSupport.in(month, 4, 11), 60, true, null);
		SamplingPlans.Sample s = samples.draw(QualityTestSupport.as(crew.lead()), crew.teamId(), month, 1, null);
		SpotChecks.Check ca = checks.ofSample(s.id()).stream().filter(c -> c.agentId() == a).findFirst().orElseThrow();
		SpotChecks.Check cb = checks.ofSample(s.id()).stream().filter(c -> c.agentId() == b).findFirst().orElseThrow();
		LocalDate today = LocalDate.now(QualityTestSupport.ZONE);
		// A: greeting −5, phrases −5 → 90, three voices 25/30 = 83, phrases 10/15 = 67; acknowledged
		checks.score(QualityTestSupport.as(crew.lead()), ca.id(), new SpotChecks.Scoring(
				points(Map.of("GREETING", 5, "PHRASES", 5)), Set.of(), null, List.of(), today, "问候语"));
		checks.acknowledge(QualityTestSupport.as(crew.agents().get(0)), ca.id());
		// B: accuracy −20 → 80 (three voices 100, phrases 100); disputed, revised to 85
		checks.score(QualityTestSupport.as(crew.lead()), cb.id(), new SpotChecks.Scoring(
				points(Map.of("ACCURACY", 20)), Set.of(), null, List.of(), null, null));
		checks.dispute(QualityTestSupport.as(crew.agents().get(1)), cb.id(), "答复无误");
		checks.decide(QualityTestSupport.as(crew.manager()), cb.id(), SpotChecks.Decision.REVISED, 85, "部分扣分");
		// A's rectification (due at the end of today) closed now: on time
		long r = rectifications.ofCheck(ca.id()).get(0).id();
		rectifications.close(QualityTestSupport.as(crew.agents().get(0)), r, "已重读服务用语");

		Instant from = today.atStartOfDay(QualityTestSupport.ZONE).toInstant();
		Instant to = today.plusDays(1).atStartOfDay(QualityTestSupport.ZONE).toInstant();
		Scope team = Scope.team(crew.teamId());

		// both drawn calls scored today, before their deadline: 2 / 2
		List<DayCount> checked = figure(QualityFigures.CALLS_SPOT_CHECKED).count(from, to);
		assertThat(of(checked, team)).get().extracting(DayCount::numerator, DayCount::denominator).containsExactly(2L, 2L);
		assertThat(of(checked, Scope.agent(a))).get().extracting(DayCount::numerator, DayCount::denominator)
			.containsExactly(1L, 1L);
		// final scores 90 + 85 = 175 over 2
		assertThat(of(figure(QualityFigures.MEAN_SCORE).count(from, to), team)).get()
			.extracting(DayCount::numerator, DayCount::denominator).containsExactly(175L, 2L);
		assertThat(of(figure(QualityFigures.MEAN_SCORE).count(from, to), Scope.agent(b))).get()
			.extracting(DayCount::numerator).isEqualTo(85L);
		// three voices 83 + 100 = 183; phrases 67 + 100 = 167
		assertThat(of(figure(QualityFigures.THREE_VOICES).count(from, to), team)).get()
			.extracting(DayCount::numerator, DayCount::denominator).containsExactly(183L, 2L);
		assertThat(of(figure(QualityFigures.PHRASES).count(from, to), team)).get()
			.extracting(DayCount::numerator, DayCount::denominator).containsExactly(167L, 2L);
		// one rectification, closed by its deadline
		assertThat(of(figure(QualityFigures.RECTIFICATIONS_ON_TIME).count(from, to), Scope.agent(a))).get()
			.extracting(DayCount::numerator, DayCount::denominator).containsExactly(1L, 1L);
		// through the front door: the team's mean score of the day, 175 / 2 = 87.5
		FigureValue mean = reports.value(QualityFigures.MEAN_SCORE, Period.day(today), team).orElseThrow();
		assertThat(mean.value()).isEqualByComparingTo(new BigDecimal("87.5"));
		assertThat(figure(QualityFigures.MEAN_SCORE).records(from, to, team, 10, java.util.Locale.CHINA)).hasSize(2);

		// another team's drawn call whose deadline passed yesterday unscored: missed on yesterday, 0 / 1
		QualityTestSupport.Crew late = QualityTestSupport.crew(staff, 1);
		QualityTestSupport.call(jdbc, late.agent(), QualityTestSupport.in(month, 6, 10), 60, true, null);
		SamplingPlans.Sample ls = samples.draw(QualityTestSupport.as(late.lead()), late.teamId(), month, 1, null);
		Instant yesterdayNoon = from.minusSeconds(12 * 3600);
		jdbc.sql("update quality_check set due_at = ? where sample_id = ?").params(Timestamp.from(yesterdayNoon), ls.id())
			.update();
		List<DayCount> yesterday = figure(QualityFigures.CALLS_SPOT_CHECKED).count(from.minusSeconds(86400), from);
		assertThat(of(yesterday, Scope.team(late.teamId()))).get().extracting(DayCount::numerator, DayCount::denominator)
			.containsExactly(0L, 1L);
		// a rectification overdue since yesterday noon, still open: late on yesterday, 0 / 1
		jdbc.sql("""
				insert into quality_rectification (finding, owner_id, team_id, due_at, created_by, created_at)
				values ('逾期整改', ?, ?, ?, 'test', ?)""")
			.params(late.agent().id(), late.teamId(), Timestamp.from(yesterdayNoon), Timestamp.from(yesterdayNoon.minusSeconds(86400)))
			.update();
		assertThat(of(figure(QualityFigures.RECTIFICATIONS_ON_TIME).count(from.minusSeconds(86400), from),
				Scope.agent(late.agent().id()))).get().extracting(DayCount::numerator, DayCount::denominator)
			.containsExactly(0L, 1L);
		assertThat(rectifications.find(r).orElseThrow().onTime(Instant.now())).isTrue();
	}
}
