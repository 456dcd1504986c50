package org.heatdesk.shift;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;

/** Reading the forms of the lead's records: local times and dates in the company's zone, ids. */
final class TeamLogForms {

	private TeamLogForms() {
	}

	/** A {@code datetime-local} value in the company's zone; {@code null} when blank. */
	static Instant instant(String value, String field, ZoneId zone) {
		String v = InputChecks.trim(value);
		if (v == null) {
			return null;
		}
		try {
			return InputChecks.instant(LocalDateTime.parse(v).atZone(zone).toInstant(), field);
		}
		catch (DateTimeException e) {
			throw HeatDeskException.badInput("SHIFT_TIME_FORMAT", field);
		}
	}

	/** A {@code date} value; {@code null} when blank. */
	static LocalDate date(String value, String field) {
		String v = InputChecks.trim(value);
		if (v == null) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(v);
			if (!InputChecks.sensibleYear(d.getYear())) {
				throw InputChecks.dateOutOfRange(field);
			}
			return d;
		}
		catch (DateTimeException e) {
			throw HeatDeskException.badInput("SHIFT_TIME_FORMAT", field);
		}
	}

	/** A number; {@code null} when blank. */
	static Long id(String value, String field) {
		String v = InputChecks.trim(value);
		if (v == null) {
			return null;
		}
		try {
			return Long.valueOf(v);
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput("BAD_PARAMETER", field, field);
		}
	}
}
