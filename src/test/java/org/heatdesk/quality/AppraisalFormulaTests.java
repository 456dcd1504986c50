package org.heatdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.reporting.FigureDefinition;
import org.heatdesk.reporting.FigureUnit;
import org.heatdesk.reporting.FigureValue;
import org.heatdesk.reporting.ScopeKind;
import org.junit.jupiter.api.Test;

/**
 * The appraisal's arithmetic on a hand-made month: each figure's score by its rule, the weighted
 * mean of the scores that exist, a figure not measured or without cases left out (never a zero).
 */
class AppraisalFormulaTests {

	/** Version 1 as the migration seeds it. */
	static final AppraisalFormula V1 = new AppraisalFormula(1, List.of(
			item("calls.answered-in-limit", 20, AppraisalRule.PERCENT, null),
			item("tickets.resolved-on-time", 15, AppraisalRule.PERCENT, null),
			item("quality.mean-score", 20, AppraisalRule.SCORE, null),
			item("followup.satisfaction", 10, AppraisalRule.PERCENT, null),
			item("quality.rectifications-on-time", 5, AppraisalRule.PERCENT, null),
			item("shift.late-arrivals", 5, AppraisalRule.PENALTY, "10"),
			item("people.training-hours", 5, AppraisalRule.TARGET, "240")), 20, null, "system", null);

	@Test
	void aHandMadeMonth() {
		// the month of one agent: 96.0 % answered in the limit, 80.0 % resolved on time, a mean spot-check
		// score of 88.5, satisfaction not measured by any module, no rectification this month, two late
		// arrivals, 180 minutes of training
		Map<String, FigureValue> month = new HashMap<>();
		month.put("calls.answered-in-limit", value("calls.answered-in-limit", "96.0"));
		month.put("tickets.resolved-on-time", value("tickets.resolved-on-time", "80.0"));
		month.put("quality.mean-score", value("quality.mean-score", "88.5"));
		month.put("quality.rectifications-on-time", value("quality.rectifications-on-time", null));
		month.put("shift.late-arrivals", value("shift.late-arrivals", "2"));
		month.put("people.training-hours", value("people.training-hours", "180"));

		AppraisalFormula.Result r = V1.compute(code -> Optional.ofNullable(month.get(code)), 90);

		// scores: 96.0, 80.0, 88.5, —, —, 100 − 2 × 10 = 80.0, 180 / 240 × 100 = 75.0
		assertThat(r.lines()).extracting(AppraisalFormula.Line::score).containsExactly(dec("96.0"), dec("80.0"),
				dec("88.5"), null, null, dec("80.0"), dec("75.0"));
		assertThat(r.lines()).extracting(AppraisalFormula.Line::state).containsExactly(AppraisalFormula.State.MEASURED,
				AppraisalFormula.State.MEASURED, AppraisalFormula.State.MEASURED, AppraisalFormula.State.NOT_MEASURED,
				AppraisalFormula.State.NO_CASES, AppraisalFormula.State.MEASURED, AppraisalFormula.State.MEASURED);
		// figures only, over the weights that count (20 + 15 + 20 + 5 + 5 = 65):
		// 96.0×20 + 80.0×15 + 88.5×20 + 80.0×5 + 75.0×5 = 1920 + 1200 + 1770 + 400 + 375 = 5665; 5665 / 65 = 87.15… → 87.2
		assertThat(r.computedScore()).isEqualByComparingTo("87.2");
		// with the lead's 90 at weight 20: (5665 + 1800) / 85 = 87.82… → 87.8
		assertThat(r.total()).isEqualByComparingTo("87.8");

		// before the lead's score is given, the total is the figures' score
		assertThat(V1.compute(code -> Optional.ofNullable(month.get(code)), null).total()).isEqualByComparingTo("87.2");
	}

	@Test
	void aMonthWithoutAnyMeasuredFigureIsTheLeadsScoreAlone() {
		AppraisalFormula.Result r = V1.compute(code -> Optional.empty(), 85);
		assertThat(r.computedScore()).isNull();
		assertThat(r.total()).isEqualByComparingTo("85.0");
		assertThat(V1.compute(code -> Optional.empty(), null).total()).isNull();
	}

	@Test
	void rulesStayBetweenZeroAndHundred() {
		assertThat(AppraisalRule.PENALTY.score(dec("12"), dec("10"))).isEqualByComparingTo("0.0");
		assertThat(AppraisalRule.INVERSE_PERCENT.score(dec("4.0"), null)).isEqualByComparingTo("96.0");
		assertThat(AppraisalRule.TARGET.score(dec("300"), dec("240"))).isEqualByComparingTo("100.0");
		// 100 / 240 = 41.66… → 41.7
		assertThat(AppraisalRule.TARGET.score(dec("100"), dec("240"))).isEqualByComparingTo("41.7");
		assertThat(AppraisalRule.SCORE.score(dec("0"), null)).isEqualByComparingTo("0.0");
	}

	static AppraisalFormula.Item item(String code, int weight, AppraisalRule rule, String parameter) {
		return new AppraisalFormula.Item(code, weight, rule, parameter == null ? null : new BigDecimal(parameter));
	}

	static FigureValue value(String code, String value) {
		FigureDefinition d = new FigureDefinition(code, "x", FigureUnit.PERCENT, true, null, Set.of(ScopeKind.AGENT));
		return new FigureValue(d, true, value == null ? null : new BigDecimal(value), 0, 0, null);
	}

	static BigDecimal dec(String s) {
		return new BigDecimal(s);
	}
}
