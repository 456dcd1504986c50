package org.heatdesk.reporting;

/**
 * A figure's count for one day (in the company's zone) and one scope: what is added up over a
 * period. {@code minuteHistogram} only for {@link FigureUnit#MEDIAN_MINUTES}: element {@code i} is
 * how many cases took {@code i} whole minutes, the last element the cases that took longer (it is
 * {@link #HISTOGRAM_MINUTES} + 1 long); {@code null} otherwise.
 */
public record DayCount(ScopeKind scopeKind, long scopeId, long numerator, long denominator, int[] minuteHistogram) {

	/** Minutes a histogram counts one by one; longer cases fall into its last element. */
	public static final int HISTOGRAM_MINUTES = 1440;

	public DayCount {
		if (scopeKind == null || numerator < 0 || denominator < 0) {
			throw new IllegalArgumentException("a day count has a scope and counts that are not negative");
		}
		if (minuteHistogram != null && minuteHistogram.length != HISTOGRAM_MINUTES + 1) {
			throw new IllegalArgumentException("a minute histogram has " + (HISTOGRAM_MINUTES + 1) + " elements");
		}
	}

	public static DayCount of(Scope scope, long numerator, long denominator) {
		return new DayCount(scope.kind(), scope.id(), numerator, denominator, null);
	}
}
