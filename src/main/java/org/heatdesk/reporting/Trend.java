package org.heatdesk.reporting;

/** How a figure moved against the previous period, read with its direction (lower may be better). */
public enum Trend {
	BETTER, WORSE, SAME, NONE
}
