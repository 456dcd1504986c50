package org.heatdesk.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The service dashboards ({@code /reports/dashboards}): each chart drawn from the table below it,
 * and the same tables exported as xlsx or PDF. For the supervisors and audit.
 */
@PageController
class DashboardPagesController {

	/** Without dates the dashboards show the last seven days up to today. */
	static final int DEFAULT_DAYS = 7;

	private final DashboardQueries queries;

	private final ReportExport export;

	private final ReportAccess access;

	private final MessageSource messages;

	private final Company company;

	private final Clock clock;

	private final ZoneId zone;

	DashboardPagesController(DashboardQueries queries, ReportExport export, ReportAccess access, MessageSource messages,
			Company company, Clock clock) {
		this.queries = queries;
		this.export = export;
		this.access = access;
		this.messages = messages;
		this.company = company;
		this.clock = clock;
		this.zone = company.zone();
	}

	@GetMapping("/reports/dashboards")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	String dashboards(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Authentication auth, Model model) {
		Period period;
		try {
			period = period(from, to);
		}
		catch (HeatDeskException e) {
			model.addAttribute("errorKey", e.messageKey());
			model.addAttribute("errorArgs", e.args());
			period = defaultPeriod();
		}
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("period", period);
		model.addAttribute("tables", queries.tables(period, agents(auth), locale));
		LocalDate today = today();
		model.addAttribute("presets", List.of(
				new Preset("dash.preset.today", Period.day(today)),
				new Preset("dash.preset.week", new Period(today.minusDays(DEFAULT_DAYS - 1), today)),
				new Preset("dash.preset.month", new Period(today.withDayOfMonth(1), today)),
				new Preset("dash.preset.lastMonth", Period.month(java.time.YearMonth.from(today).minusMonths(1)))));
		return "reporting/dashboards";
	}

	/** A quick choice of period above the dashboards. */
	record Preset(String key, Period period) {
	}

	@GetMapping("/reports/dashboards/export.{format:xlsx|pdf}")
	@PreAuthorize(Roles.SUPERVISORS_AND_AUDIT)
	ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Authentication auth) {
		Period period = period(from, to);
		Locale locale = LocaleContextHolder.getLocale();
		ReportExport.Document document = new ReportExport.Document(company.name(),
				messages.getMessage("dash.title", null, locale), periodText(period, locale), madeAtText(locale),
				queries.tables(period, agents(auth), locale));
		return export.respond(format, "heatdesk-dashboards-" + period.from() + "_" + period.to(), document);
	}

	/**
	 * The agents the reader may see in the agents' table, as on {@code /reports}: everyone for a manager
	 * or an auditor, his team's people for a team lead (himself alone when he has no team).
	 */
	private Scope agents(Authentication auth) {
		return access.defaultScope(access.reader(auth));
	}

	String periodText(Period period, Locale locale) {
		return messages.getMessage("dash.export.period", new Object[] { period.from().toString(), period.to().toString() },
				locale);
	}

	String madeAtText(Locale locale) {
		return messages.getMessage("dash.export.madeAt",
				new Object[] { DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(clock.instant().atZone(zone)),
						zone.getId() },
				locale);
	}

	/** The period asked for: both dates, one of them (a single day), or none (the last seven days). */
	Period period(String from, String to) {
		if (blank(from) && blank(to)) {
			return defaultPeriod();
		}
		LocalDate f = date(blank(from) ? to : from, "from");
		LocalDate t = date(blank(to) ? from : to, "to");
		return new Period(f, t);
	}

	private Period defaultPeriod() {
		LocalDate today = today();
		return new Period(today.minusDays(DEFAULT_DAYS - 1), today);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	private static LocalDate date(String text, String field) {
		LocalDate date;
		try {
			date = LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw HeatDeskException.badInput("REPORT_DATE_INVALID", field, text);
		}
		if (!InputChecks.sensibleYear(date.getYear())) {
			throw HeatDeskException.badInput("REPORT_DATE_INVALID", field, text);
		}
		return date;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
