package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.platform.Company;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The front door of the compliance figures: a figure's value for a period and scope, every figure
 * at once, and the compliance report. Other modules (a person's monthly appraisal, the portal's
 * published figures) read figures here, never by counting for themselves.
 *
 * <p>Closed days are read from the roll-up once it holds them ({@link RollUps}); the other days,
 * the current one always, are counted live through the same {@link ComplianceFigure#count}, so a
 * period that spans both adds up the same numbers either way.
 */
@Service
public class ComplianceReports {

	private final Map<String, ComplianceFigure> figures = new LinkedHashMap<>();

	private final ZoneId zone;

	private final Clock clock;

	private final RollUps rollUps;

	private final Targets targets;

	private final ScopeDirectory scopes;

	private final MessageSource messages;

	private final LiveCounts live;

	ComplianceReports(List<ComplianceFigure> figures, Company company, Clock clock, RollUps rollUps, Targets targets,
			ScopeDirectory scopes, MessageSource messages, LiveCounts live) {
		figures.stream()
			.sorted(Comparator.comparing((ComplianceFigure f) -> FigureCatalogue.order(f.definition().code()))
				.thenComparing(f -> f.definition().code()))
			.forEach(f -> {
				if (this.figures.putIfAbsent(f.definition().code(), f) != null) {
					throw new IllegalStateException("two figures with the code " + f.definition().code());
				}
			});
		this.zone = company.zone();
		this.clock = clock;
		this.rollUps = rollUps;
		this.targets = targets;
		this.scopes = scopes;
		this.messages = messages;
		this.live = live;
	}

	/** The value of one figure, or empty when no module computes a figure with that code. */
	public Optional<FigureValue> value(String code, Period period, Scope scope) {
		ComplianceFigure figure = figures.get(code);
		if (figure == null || !figure.definition().scopes().contains(scope.kind())) {
			return Optional.empty();
		}
		return Optional.of(compute(figure, period, scope));
	}

	/** Every figure computed for the period and scope (those that can be cut by the scope's kind). */
	public List<FigureValue> values(Period period, Scope scope) {
		List<FigureValue> values = new ArrayList<>();
		RollUps.Snapshot rolled = rollUps.snapshot(period, scope, null);
		for (ComplianceFigure figure : figures.values()) {
			if (figure.definition().scopes().contains(scope.kind())) {
				values.add(compute(figure, period, scope, rolled));
			}
		}
		return values;
	}

	/** The figures known, by code. */
	public List<FigureDefinition> definitions() {
		return figures.values().stream().map(ComplianceFigure::definition).toList();
	}

	/**
	 * The compliance report: every figure of the standard in the catalogue's order, measured ones
	 * with their value, target, the previous period's value and the trend, the others "not measured"
	 * with their article. A measured figure that cannot be cut by the scope's kind (abandoned calls
	 * have no agent) is left out of that scope's report.
	 * @throws org.heatdesk.platform.HeatDeskException 404 {@code REPORT_SCOPE_UNKNOWN} for an unknown scope
	 */
	public ComplianceReport report(Period period, Scope scope, Locale locale) {
		String scopeName = scopes.name(scope, locale);
		List<ReportLine> lines = new ArrayList<>();
		RollUps.Snapshot rolledNow = rollUps.snapshot(period, scope, null);
		RollUps.Snapshot rolledBefore = rollUps.snapshot(period.previous(), scope, null);
		for (FigureDefinition d : catalogue()) {
			ComplianceFigure figure = figures.get(d.code());
			String name = name(d.code(), locale);
			if (figure == null) {
				lines.add(new ReportLine(d, name, notMeasured(d), null, Trend.NONE));
				continue;
			}
			if (!d.scopes().contains(scope.kind())) {
				continue;
			}
			FigureValue now = compute(figure, period, scope, rolledNow);
			FigureValue before = compute(figure, period.previous(), scope, rolledBefore);
			lines.add(new ReportLine(d, name, now, before, trend(d, now, before)));
		}
		return new ComplianceReport(period, scope, scopeName, clock.instant(), List.copyOf(lines));
	}

	/**
	 * The records behind a figure for the period and scope (the drill-down), those that miss the rule
	 * first, at most {@code limit}; empty when no module computes the figure or it cannot be cut by
	 * the scope's kind.
	 */
	public List<FigureRecord> records(String code, Period period, Scope scope, int limit, Locale locale) {
		ComplianceFigure figure = figures.get(code);
		if (figure == null || !figure.definition().scopes().contains(scope.kind())) {
			return List.of();
		}
		return figure.records(period.start(zone), period.end(zone), scope, limit, locale);
	}

	/**
	 * Every figure of the standard, in the report's order: the beans' definitions, the catalogue's for
	 * the figures no module computes yet (their value is "not measured").
	 */
	public List<FigureDefinition> catalogue() {
		List<FigureDefinition> all = new ArrayList<>();
		for (FigureDefinition d : FigureCatalogue.ALL) {
			ComplianceFigure f = figures.get(d.code());
			all.add(f == null ? d : f.definition());
		}
		figures.values().stream().map(ComplianceFigure::definition)
			.filter(d -> FigureCatalogue.find(d.code()) == null)
			.forEach(all::add);
		return all;
	}

	Optional<ComplianceFigure> figure(String code) {
		return Optional.ofNullable(figures.get(code));
	}

	/** A figure's short name in the reader's language (also for figures not measured yet). */
	public String name(String code, Locale locale) {
		String catalogued = messages.getMessage("report.catalogue." + code, null, code, locale);
		return messages.getMessage("report.figure." + code, null, catalogued, locale);
	}

	FigureValue notMeasured(FigureDefinition d) {
		return new FigureValue(d, false, null, 0, 0, targets.target(d));
	}

	static Trend trend(FigureDefinition d, FigureValue now, FigureValue before) {
		if (now == null || before == null || now.value() == null || before.value() == null) {
			return Trend.NONE;
		}
		int c = now.value().compareTo(before.value());
		if (c == 0) {
			return Trend.SAME;
		}
		return (c > 0) == d.higherIsBetter() ? Trend.BETTER : Trend.WORSE;
	}

	FigureValue compute(ComplianceFigure figure, Period period, Scope scope) {
		return compute(figure, period, scope, rollUps.snapshot(period, scope, figure.definition().code()));
	}

	/** The figure's value: the days {@code snapshot} holds rolled, the others counted live. */
	private FigureValue compute(ComplianceFigure figure, Period period, Scope scope, RollUps.Snapshot snapshot) {
		FigureDefinition d = figure.definition();
		Sum sum = new Sum();
		Set<LocalDate> rolled = snapshot.rolled(d.code());
		snapshot.counts(d.code()).forEach(sum::add);
		LocalDate today = LocalDate.now(clock.withZone(zone));
		for (LocalDate day = period.from(); !day.isAfter(period.to()) && !day.isAfter(today); day = day.plusDays(1)) {
			if (rolled.contains(day)) {
				continue;
			}
			for (DayCount c : live.count(figure, day, start(day), start(day.plusDays(1)))) {
				if (c.scopeKind() == scope.kind() && c.scopeId() == scope.id()) {
					sum.add(c);
				}
			}
		}
		return new FigureValue(d, true, valueOf(d.unit(), sum.numerator, sum.denominator, sum.allKept, sum.histogram),
				sum.numerator, sum.denominator, targets.target(d));
	}

	Instant start(LocalDate day) {
		return day.atStartOfDay(zone).toInstant();
	}

	ZoneId zone() {
		return zone;
	}

	private static final class Sum {

		long numerator;

		long denominator;

		boolean allKept = true;

		long[] histogram;

		void add(DayCount c) {
			numerator += c.numerator();
			denominator += c.denominator();
			allKept &= c.numerator() == c.denominator();
			if (c.minuteHistogram() != null) {
				if (histogram == null) {
					histogram = new long[c.minuteHistogram().length];
				}
				for (int i = 0; i < histogram.length; i++) {
					histogram[i] += c.minuteHistogram()[i];
				}
			}
		}
	}

	static BigDecimal valueOf(FigureUnit unit, long numerator, long denominator, boolean allKept, long[] histogram) {
		return switch (unit) {
			case PERCENT -> denominator == 0 ? null
					: BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
			case AVERAGE -> denominator == 0 ? null
					: BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
			case COUNT, MINUTES -> BigDecimal.valueOf(numerator);
			case BOOLEAN -> denominator == 0 ? null : allKept ? BigDecimal.ONE : BigDecimal.ZERO;
			case MEDIAN_MINUTES -> median(histogram);
		};
	}

	/** The lower median, in whole minutes, of a per-minute histogram; {@code null} when it is empty. */
	static BigDecimal median(long[] histogram) {
		if (histogram == null) {
			return null;
		}
		long total = 0;
		for (long h : histogram) {
			total += h;
		}
		if (total == 0) {
			return null;
		}
		long seen = 0;
		long middle = (total + 1) / 2;
		for (int i = 0; i < histogram.length; i++) {
			seen += histogram[i];
			if (seen >= middle) {
				return BigDecimal.valueOf(i);
			}
		}
		return BigDecimal.valueOf(histogram.length - 1);
	}
}
