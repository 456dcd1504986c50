package org.heatdesk.reporting;

/**
 * One line of the compliance report: the figure, its name in the reader's language, its value for
 * the period, the value of the period before ({@code null} when the figure is not measured) and the
 * trend between them.
 */
public record ReportLine(FigureDefinition definition, String name, FigureValue value, FigureValue previous, Trend trend) {

	/** Whether a module computes this figure; a line that is not is shown as "not measured yet". */
	public boolean measured() {
		return value.measured();
	}
}
