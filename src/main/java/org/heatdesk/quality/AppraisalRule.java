package org.heatdesk.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a figure's value becomes a score out of 100 in the appraisal. Labels: {@code appraisal.rule.<name>}.
 */
enum AppraisalRule {

	/** A percentage where more is better: the percentage itself (answered in the limit 96.0 % → 96.0). */
	PERCENT,
	/** A percentage where less is better: 100 minus it (abandoned 4.0 % → 96.0). */
	INVERSE_PERCENT,
	/** Already a score out of 100 (the mean spot-check score). */
	SCORE,
	/** A count where less is better: 100 minus {@code parameter} points per case, not below 0 (2 late arrivals at 10 → 80). */
	PENALTY,
	/** Toward a target: value / {@code parameter} × 100, at most 100 (180 training minutes of 240 → 75). */
	TARGET;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** The score of {@code value}, between 0 and 100, with one decimal. */
	BigDecimal score(BigDecimal value, BigDecimal parameter) {
		BigDecimal s = switch (this) {
			case PERCENT, SCORE -> value;
			case INVERSE_PERCENT -> HUNDRED.subtract(value);
			case PENALTY -> HUNDRED.subtract(value.multiply(parameter));
			case TARGET -> parameter.signum() <= 0 ? HUNDRED : value.multiply(HUNDRED).divide(parameter, 1, RoundingMode.HALF_UP);
		};
		if (s.compareTo(BigDecimal.ZERO) < 0) {
			s = BigDecimal.ZERO;
		}
		if (s.compareTo(HUNDRED) > 0) {
			s = HUNDRED;
		}
		return s.setScale(1, RoundingMode.HALF_UP);
	}

	/** Whether the rule needs a parameter (points per case, the target). */
	boolean parameterised() {
		return this == PENALTY || this == TARGET;
	}
}
