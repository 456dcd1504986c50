package org.heatdesk.dispatch;

import java.math.BigDecimal;

/**
 * One band of a refund rule: a household temperature {@code t} with {@code from <= t < below}
 * refunds {@code percent} of the fee for the days below standard.
 * @param from the lowest temperature of the band, °C, or {@code null} for no lower bound
 * @param below the temperature the band stays below, °C
 */
public record RefundBand(BigDecimal from, BigDecimal below, int percent) {

	/** Whether {@code t} falls into the band. */
	public boolean holds(BigDecimal t) {
		return (from == null || t.compareTo(from) >= 0) && t.compareTo(below) < 0;
	}
}
