package org.heatdesk.shift;

/**
 * The center's shifts: day, evening and night during the heating season, office hours outside it.
 * When each starts and ends is {@link RosterSettings}' business.
 */
enum RosterShiftKind {
	DAY, EVENING, NIGHT, OFFICE;

	boolean seasonal() {
		return this != OFFICE;
	}
}
