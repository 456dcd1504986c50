package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.util.List;

/**
 * One table of the dashboards, already in the reader's language: the same rows feed the chart drawn
 * above it (the script reads the table, so chart and table cannot disagree), the xlsx sheet and the
 * PDF section. {@code chart} names how the script draws it ({@code bar}, {@code line}, {@code pie},
 * {@code hbar}, {@code treemap}); {@code plotted} the value columns the chart shows.
 */
record DashboardTable(String id, String title, String note, String chart, List<String> labelColumns,
		List<String> valueColumns, List<Integer> plotted, List<Row> rows) {

	DashboardTable {
		labelColumns = List.copyOf(labelColumns);
		valueColumns = List.copyOf(valueColumns);
		plotted = List.copyOf(plotted);
		rows = List.copyOf(rows);
	}

	/** A row: its labels (one per label column) and its values ({@code null}: no cases, shown as —). */
	record Row(List<String> labels, List<BigDecimal> values) {

		Row {
			labels = List.copyOf(labels);
			values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
		}
	}
}
