package org.heatdesk.dispatch;

/** A duty shift on a date: the day shift, or the night shift that starts that evening. */
public enum Shift {
	DAY, NIGHT
}
