package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.heatdesk.platform.Company;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Roles;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The compliance report of {@code /reports} as an xlsx or PDF file: the same request (period, day,
 * range, scope), the same access rules (a scope the reader may not see is refused), the same lines —
 * each figure with its article, value, target, the previous period's value and whether it keeps the
 * target or is not measured yet.
 */
@PageController
class ReportExportController {

	private final ComplianceReports reports;

	private final ReportAccess access;

	private final ReportExport export;

	private final MessageSource messages;

	private final Company company;

	private final java.time.Clock clock;

	ReportExportController(ComplianceReports reports, ReportAccess access, ReportExport export, MessageSource messages,
			Company company, java.time.Clock clock) {
		this.reports = reports;
		this.access = access;
		this.export = export;
		this.messages = messages;
		this.company = company;
		this.clock = clock;
	}

	@GetMapping("/reports/export.{format:xlsx|pdf}")
	@PreAuthorize(Roles.OPERATIONS_AND_AUDIT)
	ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam(required = false) String period,
			@RequestParam(required = false) String day, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String scope, Authentication auth,
			Locale locale) {
		ReportAccess.Reader reader = access.reader(auth);
		ReportRequest r = ReportRequest.parse(period, day, from, to, scope,
				java.time.LocalDate.ofInstant(clock.instant(), company.zone()));
		Scope checked = access.check(reader, r.scope());
		ComplianceReport report = reports.report(r.period(), checked, locale);
		return export.respond(format, "heatdesk-compliance-" + r.period().from() + "_" + r.period().to(),
				document(report, locale));
	}

	/** The report as the export's document: its heading and one table of every figure. */
	ReportExport.Document document(ComplianceReport report, Locale locale) {
		ZoneId zone = company.zone();
		String title = messages.getMessage("dash.export.complianceTitle", new Object[] { report.scopeName() }, locale);
		String period = messages.getMessage("dash.export.period",
				new Object[] { report.period().from().toString(), report.period().to().toString() }, locale);
		String madeAt = messages.getMessage("dash.export.madeAt",
				new Object[] { DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(report.madeAt().atZone(zone)), zone.getId() },
				locale);
		return new ReportExport.Document(company.name(), title, period, madeAt, List.of(table(report, locale)));
	}

	DashboardTable table(ComplianceReport report, Locale locale) {
		List<DashboardTable.Row> rows = new ArrayList<>();
		for (ReportLine line : report.lines()) {
			FigureValue v = line.value();
			String state = !line.measured() ? msg("dash.export.state.notMeasured", locale)
					: v.value() == null ? msg("dash.export.state.noCases", locale)
					: Boolean.FALSE.equals(v.meetsTarget()) ? msg("dash.export.state.below", locale)
					: Boolean.TRUE.equals(v.meetsTarget()) ? msg("dash.export.state.kept", locale) : "";
			List<BigDecimal> values = new ArrayList<>();
			values.add(v.value());
			values.add(v.target());
			values.add(line.previous() == null ? null : line.previous().value());
			values.add(line.measured() ? BigDecimal.valueOf(v.numerator()) : null);
			values.add(line.measured() ? BigDecimal.valueOf(v.denominator()) : null);
			rows.add(new DashboardTable.Row(List.of(line.definition().article(), line.name(),
					msg("dash.export.unit." + line.definition().unit().name(), locale), state,
					msg("dash.export.trend." + line.trend().name(), locale)), values));
		}
		return new DashboardTable("compliance", msg("dash.export.complianceSheet", locale), null, "none",
				List.of(msg("dash.export.col.article", locale), msg("dash.export.col.figure", locale),
						msg("dash.export.col.unit", locale), msg("dash.export.col.state", locale),
						msg("dash.export.col.trend", locale)),
				List.of(msg("dash.export.col.value", locale), msg("dash.export.col.target", locale),
						msg("dash.export.col.previous", locale), msg("dash.export.col.numerator", locale),
						msg("dash.export.col.denominator", locale)),
				List.of(), rows);
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
