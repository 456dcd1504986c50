package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.heatdesk.platform.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/compliance}: the compliance report as JSON, for the period
 * ({@code period=day|week|month|season&day=…} or {@code from=…&to=…}) and scope
 * ({@code company}, {@code team:7}, …) the caller may see. Refusals: 400 {@code REPORT_PERIOD_*},
 * {@code REPORT_SCOPE_INVALID}; 403 {@code REPORT_SCOPE_FORBIDDEN}; 404 {@code REPORT_SCOPE_UNKNOWN}.
 */
@RestController
class ReportApiController {

	private final ComplianceReports reports;

	private final ReportAccess access;

	private final Clock clock;

	ReportApiController(ComplianceReports reports, ReportAccess access, Clock clock) {
		this.reports = reports;
		this.access = access;
		this.clock = clock;
	}

	record PeriodJson(LocalDate from, LocalDate to) {
	}

	record ScopeJson(String key, String kind, long id, String name) {
	}

	record LineJson(String code, String article, String name, String unit, boolean higherIsBetter, boolean measured,
			BigDecimal value, long numerator, long denominator, BigDecimal target, Boolean meetsTarget, BigDecimal previous,
			Trend trend) {
	}

	record ReportJson(PeriodJson period, PeriodJson previousPeriod, ScopeJson scope, Instant madeAt, List<LineJson> lines) {
	}

	@GetMapping("/api/v1/reports/compliance")
	@PreAuthorize(Roles.OPERATIONS_AND_AUDIT)
	ReportJson compliance(@RequestParam(required = false) String period, @RequestParam(required = false) String day,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String scope, Authentication auth, Locale locale) {
		ReportRequest r = ReportRequest.parse(period, day, from, to, scope, LocalDate.ofInstant(clock.instant(), reports.zone()));
		Scope checked = access.check(access.reader(auth), r.scope());
		ComplianceReport report = reports.report(r.period(), checked, locale);
		return new ReportJson(new PeriodJson(r.period().from(), r.period().to()),
				new PeriodJson(r.period().previous().from(), r.period().previous().to()),
				new ScopeJson(ReportRequest.key(checked), checked.kind().name(), checked.id(), report.scopeName()), report.madeAt(),
				report.lines().stream().map(l -> new LineJson(l.definition().code(), l.definition().article(), l.name(),
						l.definition().unit().name(), l.definition().higherIsBetter(), l.measured(), l.value().value(),
						l.value().numerator(), l.value().denominator(), l.value().target(), l.value().meetsTarget(),
						l.previous() == null ? null : l.previous().value(), l.trend())).toList());
	}
}
