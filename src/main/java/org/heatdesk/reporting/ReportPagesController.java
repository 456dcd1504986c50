package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.heatdesk.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The compliance report page {@code /reports} (period and scope pickers, every figure of the
 * standard with its target, value, previous value and trend; below-target lines marked), the
 * drill-down {@code /reports/figures/{code}} to the records behind a figure, and the targets
 * page {@code /reports/targets} where a manager sets them.
 */
@PageController
class ReportPagesController {

	static final int RECORDS = 200;

	private final ComplianceReports reports;

	private final ReportAccess access;

	private final ReportViews views;

	private final Targets targets;

	private final Clock clock;

	ReportPagesController(ComplianceReports reports, ReportAccess access, ReportViews views, Targets targets, Clock clock) {
		this.reports = reports;
		this.access = access;
		this.views = views;
		this.targets = targets;
		this.clock = clock;
	}

	@Bean
	static NavItem reportsNavItem() {
		return new NavItem("nav.reports", "nav.reports.description", "/reports", Roles.OPERATIONS_AND_AUDIT, 600, null);
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), reports.zone());
	}

	/** Reads the request; a bad period is shown above this month's report rather than as an error page. */
	private ReportRequest request(String period, String day, String from, String to, String scope, ReportAccess.Reader reader,
			Model model) {
		ReportRequest r;
		try {
			r = ReportRequest.parse(period, day, from, to, scope, today());
		}
		catch (HeatDeskException e) {
			model.addAttribute("error", e);
			r = ReportRequest.parse("month", null, null, null, scope, today());
		}
		Scope checked = access.check(reader, r.scope());
		return new ReportRequest(r.kind(), r.day(), r.period(), checked);
	}

	private void pickers(ReportRequest r, ReportAccess.Reader reader, String from, String to, Model model) {
		model.addAttribute("kind", r.kind());
		model.addAttribute("day", r.day());
		model.addAttribute("from", r.kind().equals("range") ? r.period().from() : from);
		model.addAttribute("to", r.kind().equals("range") ? r.period().to() : to);
		model.addAttribute("period", r.period());
		model.addAttribute("previous", r.period().previous());
		model.addAttribute("scopeKey", ReportRequest.key(r.scope()));
		model.addAttribute("kinds", List.of("day", "week", "month", "season", "range"));
		java.util.Map<String, List<Choice>> groups = new java.util.LinkedHashMap<>();
		for (ScopeDirectory.Named n : access.choices(reader)) {
			groups.computeIfAbsent(n.scope().kind().name(), k -> new java.util.ArrayList<>())
				.add(new Choice(ReportRequest.key(n.scope()), n.scope().kind().name(), n.name()));
		}
		model.addAttribute("groups", groups);
		model.addAttribute("zone", reports.zone().getId());
	}

	/** A scope as the picker offers it. */
	record Choice(String key, String kind, String name) {
	}

	@GetMapping("/reports")
	@PreAuthorize(Roles.OPERATIONS_AND_AUDIT)
	String report(@RequestParam(required = false) String period, @RequestParam(required = false) String day,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String scope, Authentication auth, Locale locale, Model model) {
		ReportAccess.Reader reader = access.reader(auth);
		ReportRequest r = request(period, day, from, to, scope, reader, model);
		ComplianceReport report = reports.report(r.period(), r.scope(), locale);
		pickers(r, reader, from, to, model);
		model.addAttribute("report", report);
		model.addAttribute("lines", report.lines().stream().map(l -> views.line(l, locale)).toList());
		model.addAttribute("below", report.lines().stream().filter(l -> Boolean.FALSE.equals(l.value().meetsTarget())).count());
		model.addAttribute("query", query(r));
		model.addAttribute("canSetTargets", auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_MANAGER")));
		return "reporting/report";
	}

	static String query(ReportRequest r) {
		String q = "period=" + r.kind() + "&scope=" + ReportRequest.key(r.scope());
		return r.kind().equals("range") ? q + "&from=" + r.period().from() + "&to=" + r.period().to() : q + "&day=" + r.day();
	}

	@GetMapping("/reports/figures/{code}")
	@PreAuthorize(Roles.OPERATIONS_AND_AUDIT)
	String figure(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String day, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String scope, Authentication auth,
			Locale locale, Model model) {
		FigureDefinition d = reports.catalogue().stream().filter(x -> x.code().equals(code)).findFirst()
			.orElseThrow(() -> HeatDeskException.notFound("REPORT_FIGURE_UNKNOWN"));
		ReportAccess.Reader reader = access.reader(auth);
		ReportRequest r = request(period, day, from, to, scope, reader, model);
		pickers(r, reader, from, to, model);
		model.addAttribute("code", code);
		model.addAttribute("query", query(r));
		// the figure measured, and cut by the scope asked for (a figure of the calls has no substation)
		java.util.Optional<ComplianceFigure> measured = reports.figure(code);
		java.util.Optional<ComplianceFigure> cut = measured.filter(f -> f.definition().scopes().contains(r.scope().kind()));
		ReportLine line = cut
			.map(f -> {
				FigureValue now = reports.compute(f, r.period(), r.scope());
				FigureValue before = reports.compute(f, r.period().previous(), r.scope());
				return new ReportLine(f.definition(), reports.name(code, locale), now, before, ComplianceReports.trend(d, now, before));
			})
			.orElse(new ReportLine(d, reports.name(code, locale), reports.notMeasured(d), null, Trend.NONE));
		model.addAttribute("line", views.line(line, locale));
		model.addAttribute("cut", measured.isEmpty() || cut.isPresent());
		List<FigureRecord> records = cut
			.map(f -> f.records(r.period().start(reports.zone()), r.period().end(reports.zone()), r.scope(), RECORDS + 1, locale))
			.orElse(List.of());
		// a dispatcher may not open a call's page: his drill-down names the call without the link
		boolean callPages = auth.getAuthorities().stream().map(a -> a.getAuthority())
			.anyMatch(a -> a.equals("ROLE_AGENT") || a.equals("ROLE_TEAM_LEAD") || a.equals("ROLE_MANAGER") || a.equals("ROLE_AUDITOR"));
		if (!callPages) {
			records = records.stream()
				.map(x -> x.link() != null && x.link().startsWith("/calls/")
						? new FigureRecord(x.kind(), x.reference(), x.detail(), x.at(), null) : x)
				.toList();
		}
		model.addAttribute("more", records.size() > RECORDS);
		model.addAttribute("records", records.size() > RECORDS ? records.subList(0, RECORDS) : records);
		model.addAttribute("limit", RECORDS);
		return "reporting/figure";
	}

	@GetMapping("/reports/targets")
	@PreAuthorize(Roles.MANAGER)
	String targets(Locale locale, Model model) {
		model.addAttribute("rows", reports.catalogue().stream()
			.map(d -> new TargetRow(d.code(), d.article(), reports.name(d.code(), locale), d.unit().name(),
					d.defaultTarget(), targets.target(d), targets.isSet(d.code()), reports.figure(d.code()).isPresent(),
					views.target(d.unit(), d.defaultTarget(), locale)))
			.toList());
		return "reporting/targets";
	}

	/** A figure's target as the targets page lists it. */
	record TargetRow(String code, String article, String name, String unit, BigDecimal defaultTarget, BigDecimal target,
			boolean set, boolean measured, String defaultText) {
	}

	@PostMapping("/reports/targets/{code}")
	@PreAuthorize(Roles.MANAGER)
	String setTarget(@PathVariable String code, @RequestParam(required = false) String target,
			@RequestParam(required = false) String reset, RedirectAttributes redirect) {
		FigureDefinition d = reports.catalogue().stream().filter(x -> x.code().equals(code)).findFirst()
			.orElseThrow(() -> HeatDeskException.notFound("REPORT_FIGURE_UNKNOWN"));
		try {
			BigDecimal value = null;
			if (reset == null) {
				if (target == null || target.isBlank()) {
					throw HeatDeskException.badInput("REPORT_TARGET_INVALID", "target");
				}
				try {
					value = new BigDecimal(target.trim());
				}
				catch (NumberFormatException e) {
					throw HeatDeskException.badInput("REPORT_TARGET_INVALID", "target");
				}
			}
			targets.set(d, value, Actor.current());
			redirect.addFlashAttribute("notice", "report.targets.saved");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:/reports/targets#target-" + code;
	}
}
