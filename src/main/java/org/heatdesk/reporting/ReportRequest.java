package org.heatdesk.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;

/**
 * A report as a page or the API asks for it: the kind of period and its day (or a range), and the
 * scope as {@code company}, {@code team:7}, {@code agent:12}, {@code substation:3}, {@code community:40}.
 * Bad input is refused with the reporting codes (nothing is guessed).
 */
record ReportRequest(String kind, LocalDate day, Period period, Scope scope) {

	static final MonthDay SEASON_START = MonthDay.of(11, 15);

	static final MonthDay SEASON_END = MonthDay.of(3, 15);

	static ReportRequest parse(String kind, String day, String from, String to, String scope, LocalDate today) {
		String k = kind == null || kind.isBlank() ? (from != null && !from.isBlank() ? "range" : "month") : kind.trim();
		LocalDate d = day == null || day.isBlank() ? today : date(day, "day");
		Period period = switch (k) {
			case "day" -> Period.day(d);
			case "week" -> {
				LocalDate monday = d.with(DayOfWeek.MONDAY);
				yield new Period(monday, monday.plusDays(6));
			}
			case "month" -> Period.month(YearMonth.from(d));
			case "season" -> season(d);
			case "range" -> new Period(from == null || from.isBlank() ? null : date(from, "from"),
					to == null || to.isBlank() ? null : date(to, "to"));
			default -> throw HeatDeskException.badInput("REPORT_PERIOD_INVALID", "period");
		};
		return new ReportRequest(k, d, period, scope(scope));
	}

	/** The heating season the day falls in (15 November to 15 March); outside it, the season before. */
	static Period season(LocalDate d) {
		int startYear = MonthDay.from(d).isBefore(SEASON_START) ? d.getYear() - 1 : d.getYear();
		return new Period(SEASON_START.atYear(startYear), SEASON_END.atYear(startYear + 1));
	}

	/** A date as {@code 2026-11-30}, in the years a record can hold ({@link InputChecks#sensibleYear}). */
	static LocalDate date(String text, String field) {
		LocalDate date;
		try {
			date = LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("REPORT_PERIOD_INVALID", field);
		}
		if (!InputChecks.sensibleYear(date.getYear())) {
			throw HeatDeskException.badInput("REPORT_PERIOD_INVALID", field);
		}
		return date;
	}

	/** {@code null} or blank: no scope chosen (the reader's default). */
	static Scope scope(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.trim().toLowerCase(java.util.Locale.ROOT);
		if (t.equals("company")) {
			return Scope.COMPANY;
		}
		int colon = t.indexOf(':');
		if (colon < 0) {
			throw HeatDeskException.badInput("REPORT_SCOPE_INVALID", "scope");
		}
		ScopeKind kind;
		long id;
		try {
			kind = ScopeKind.valueOf(t.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
			id = Long.parseLong(t.substring(colon + 1));
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("REPORT_SCOPE_INVALID", "scope");
		}
		if (kind == ScopeKind.COMPANY || id <= 0) {
			throw HeatDeskException.badInput("REPORT_SCOPE_INVALID", "scope");
		}
		return new Scope(kind, id);
	}

	static String key(Scope scope) {
		return scope.kind() == ScopeKind.COMPANY ? "company" : scope.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + scope.id();
	}
}
