package org.heatdesk.reporting;

import java.math.BigDecimal;

/**
 * A figure's value for a period and scope: the added-up counts and the value they give ({@code null}
 * when there were no cases: "no cases", never zero), with the target in force. {@code measured} is
 * false for a figure of the standard that no module computes yet: its value is {@code null}, and
 * pages show "not measured yet" with its article.
 */
public record FigureValue(FigureDefinition definition, boolean measured, BigDecimal value, long numerator,
		long denominator, BigDecimal target) {

	/** Whether the value keeps the target; {@code null} when there is no value or no target. */
	public Boolean meetsTarget() {
		if (value == null || target == null) {
			return null;
		}
		int c = value.compareTo(target);
		return definition.higherIsBetter() ? c >= 0 : c <= 0;
	}
}
