package org.heatdesk.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.heatdesk.reporting.FigureValue;

/**
 * One version of the appraisal's formula: the figures it reads, each with its weight and the rule
 * that turns its value into a score out of 100, and the weight of the lead's own assessment. The
 * weights add up to 100.
 *
 * <p>The total is the weighted mean of the scores that exist: a figure not measured (no module
 * computes it yet) or without cases in the month (no calls, no checks) is shown as such and left
 * out, its weight spread over the others, so that a missing figure never counts as a zero.
 */
record AppraisalFormula(int version, List<Item> items, int leadWeight, String note, String createdBy, Instant createdAt) {

	record Item(String code, int weight, AppraisalRule rule, BigDecimal parameter) {
	}

	enum State {
		/** Computed: it has a value and a score. */
		MEASURED,
		/** Measured by a module, but there were no cases in the month. */
		NO_CASES,
		/** No module computes this figure (yet), or not for one person. */
		NOT_MEASURED
	}

	/** One line of a computed appraisal. */
	record Line(String code, int weight, AppraisalRule rule, BigDecimal parameter, State state, BigDecimal value,
			BigDecimal score) {
	}

	/**
	 * The result: the lines, the score from the figures alone ({@code null} without any measured
	 * figure) and the total with the lead's score ({@code null} when neither exists).
	 */
	record Result(List<Line> lines, BigDecimal computedScore, BigDecimal total) {
	}

	/**
	 * Computes the month of one person.
	 * @param figures a figure's value by code, empty when no module computes it for this scope
	 * @param leadScore the lead's own assessment out of 100, or {@code null} while it is not given
	 */
	Result compute(Function<String, Optional<FigureValue>> figures, Integer leadScore) {
		List<Line> lines = new ArrayList<>();
		BigDecimal weighted = BigDecimal.ZERO;
		int weights = 0;
		for (Item item : items) {
			Optional<FigureValue> v = figures.apply(item.code());
			if (v.isEmpty() || !v.get().measured()) {
				lines.add(new Line(item.code(), item.weight(), item.rule(), item.parameter(), State.NOT_MEASURED, null, null));
			}
			else if (v.get().value() == null) {
				lines.add(new Line(item.code(), item.weight(), item.rule(), item.parameter(), State.NO_CASES, null, null));
			}
			else {
				BigDecimal score = item.rule().score(v.get().value(), item.parameter());
				lines.add(new Line(item.code(), item.weight(), item.rule(), item.parameter(), State.MEASURED, v.get().value(),
						score));
				if (item.weight() > 0) {
					weighted = weighted.add(score.multiply(BigDecimal.valueOf(item.weight())));
					weights += item.weight();
				}
			}
		}
		BigDecimal computed = weights == 0 ? null : weighted.divide(BigDecimal.valueOf(weights), 1, RoundingMode.HALF_UP);
		if (leadScore != null && leadWeight > 0) {
			weighted = weighted.add(BigDecimal.valueOf((long) leadScore * leadWeight));
			weights += leadWeight;
		}
		BigDecimal total = weights == 0 ? null : weighted.divide(BigDecimal.valueOf(weights), 1, RoundingMode.HALF_UP);
		return new Result(lines, computed, total);
	}
}
