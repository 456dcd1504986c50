package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Company;
import org.springframework.stereotype.Service;

/**
 * The front door of the compliance figures: a figure's value for a period and scope, and every
 * figure at once. Other modules (a person's monthly appraisal, the portal's published figures)
 * read figures here, never by counting for themselves.
 *
 * <p>This first version counts every day live through {@link ComplianceFigure#count}; the roll-up of
 * closed days replaces that behind the same methods.
 */
@Service
public class ComplianceReports {

	private final Map<String, ComplianceFigure> figures = new LinkedHashMap<>();

	private final ZoneId zone;

	ComplianceReports(List<ComplianceFigure> figures, Company company) {
		figures.stream()
			.sorted(Comparator.comparing(f -> f.definition().code()))
			.forEach(f -> {
				if (this.figures.putIfAbsent(f.definition().code(), f) != null) {
					throw new IllegalStateException("two figures with the code " + f.definition().code());
				}
			});
		this.zone = company.zone();
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
		for (ComplianceFigure figure : figures.values()) {
			if (figure.definition().scopes().contains(scope.kind())) {
				values.add(compute(figure, period, scope));
			}
		}
		return values;
	}

	/** The figures known, by code. */
	public List<FigureDefinition> definitions() {
		return figures.values().stream().map(ComplianceFigure::definition).toList();
	}

	private FigureValue compute(ComplianceFigure figure, Period period, Scope scope) {
		long numerator = 0;
		long denominator = 0;
		boolean allKept = true;
		long[] histogram = null;
		for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
			for (DayCount c : figure.count(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant())) {
				if (c.scopeKind() != scope.kind() || c.scopeId() != scope.id()) {
					continue;
				}
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
		FigureDefinition d = figure.definition();
		return new FigureValue(d, true, valueOf(d.unit(), numerator, denominator, allKept, histogram), numerator,
				denominator, d.defaultTarget());
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
