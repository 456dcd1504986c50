package org.heatdesk.shift;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reading the forms of the lead's records (local times and dates in the company's zone, ids) and
 * answering them.
 */
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

	/**
	 * Does what a form asks and goes {@code back}: with the notice {@code notice}, its argument what
	 * {@code action} returned, when it is done; with the refusal, shown above the page, when it is not.
	 */
	static String act(RedirectAttributes redirect, String back, String notice, Supplier<Object> action) {
		try {
			Object arg = action.get();
			redirect.addFlashAttribute("notice", notice);
			redirect.addFlashAttribute("noticeArg", arg);
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return back;
	}
}
