package org.heatdesk.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One measurable rule of the service standard (a row of STANDARD-TRACE's "compliance figure"
 * column), as a Spring bean. The reporting module finds every bean of this type, rolls up closed
 * days through {@link #count} and computes the current day live with the same method, so the two
 * always agree. Modules built after reporting contribute their figures by declaring a bean of
 * this type (the figure's SQL reads that module's own tables).
 *
 * <p>A day's count must not change once the day has closed: count a case on the day its outcome
 * is settled (a ticket's mark on the day its deadline falls, a call on the day it rang, a
 * hand-over on the day its shift started), so that a rolled-up day stays true.
 */
public interface ComplianceFigure {

	FigureDefinition definition();

	/**
	 * The counts of the day {@code [from, to)} for every scope of {@link FigureDefinition#scopes()}
	 * that has cases (the company's row too, when it has cases). Scopes without cases are left out.
	 */
	List<DayCount> count(Instant from, Instant to);

	/**
	 * The records behind the figure in {@code [from, to)} for one scope, the ones that miss the rule
	 * first (late, overdue, refused), at most {@code limit}.
	 */
	List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale);
}
