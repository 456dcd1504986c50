package org.heatdesk.reporting;

/**
 * How a figure's day counts add up over a period and how its value reads.
 * <ul>
 * <li>{@code PERCENT}: numerator / denominator × 100 (calls answered within the limit / calls);</li>
 * <li>{@code COUNT}: the sum of the numerators (unauthorised reads; denominators unused);</li>
 * <li>{@code AVERAGE}: sum of numerators / sum of denominators (mean spot-check score: points / checks);</li>
 * <li>{@code MINUTES}: the sum of the numerators, in minutes (away time);</li>
 * <li>{@code MEDIAN_MINUTES}: the median of the merged per-minute histograms (intake to dispatch);</li>
 * <li>{@code BOOLEAN}: 1 when every day's numerator equals its denominator (audit chain intact).</li>
 * </ul>
 */
public enum FigureUnit {
	PERCENT, COUNT, AVERAGE, MINUTES, MEDIAN_MINUTES, BOOLEAN
}
