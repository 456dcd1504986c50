package org.heatdesk.reporting;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.SqlValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's monthly figure set as published (5(一)): computed once a month has closed and kept,
 * so the portal shows what was published even when a record of that month is corrected later.
 * Publishing a month again replaces its rows with the same computation (idempotent).
 */
@Service
public class PublishedFigures {

	private static final Logger log = LoggerFactory.getLogger(PublishedFigures.class);

	/** How many closed months back the job publishes what is missing (after downtime). */
	static final int CATCH_UP_MONTHS = 3;

	/** A month is published once it has been closed this long (its last day's records have arrived). */
	static final Duration GRACE = Duration.ofHours(1);

	private final ComplianceReports reports;

	private final JdbcClient jdbc;

	private final Clock clock;

	PublishedFigures(ComplianceReports reports, JdbcClient jdbc, Clock clock) {
		this.reports = reports;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The figures published for the month, or empty when it has not been published (not closed yet). */
	public Optional<MonthFigures> month(YearMonth month) {
		Optional<Instant> computedAt = jdbc.sql("select computed_at from reporting_month where month = ?")
			.param(Date.valueOf(month.atDay(1)))
			.query((rs, n) -> SqlValues.instant(rs, "computed_at"))
			.optional();
		if (computedAt.isEmpty()) {
			return Optional.empty();
		}
		Map<String, FigureValue> stored = new HashMap<>();
		Map<String, FigureDefinition> known = new HashMap<>();
		reports.catalogue().forEach(d -> known.put(d.code(), d));
		jdbc.sql("select * from reporting_month_figure where month = ?").param(Date.valueOf(month.atDay(1)))
			.query((rs, n) -> {
				FigureDefinition d = known.get(rs.getString("code"));
				if (d != null) {
					stored.put(d.code(), new FigureValue(d, rs.getBoolean("measured"), rs.getBigDecimal("value"),
							rs.getLong("numerator"), rs.getLong("denominator"), rs.getBigDecimal("target")));
				}
				return null;
			})
			.list();
		List<FigureValue> figures = new ArrayList<>();
		for (FigureDefinition d : reports.catalogue()) {
			// a figure added after the month was published was not measured then
			figures.add(stored.getOrDefault(d.code(), new FigureValue(d, false, null, 0, 0, d.defaultTarget())));
		}
		return Optional.of(new MonthFigures(month, computedAt.get(), List.copyOf(figures)));
	}

	/** The months published, newest first. */
	public List<YearMonth> months() {
		return jdbc.sql("select month from reporting_month order by month desc")
			.query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate()))
			.list();
	}

	/** Computes and stores the month's company figures, replacing what was stored for it. */
	@Transactional
	MonthFigures publish(YearMonth month) {
		Period period = Period.month(month);
		Date key = Date.valueOf(month.atDay(1));
		Instant now = clock.instant();
		List<FigureValue> values = new ArrayList<>();
		for (FigureDefinition d : reports.catalogue()) {
			values.add(reports.figure(d.code()).filter(f -> d.scopes().contains(ScopeKind.COMPANY))
				.map(f -> reports.compute(f, period, Scope.COMPANY))
				.orElseGet(() -> reports.notMeasured(d)));
		}
		jdbc.sql("delete from reporting_month_figure where month = ?").param(key).update();
		jdbc.sql("""
				insert into reporting_month (month, computed_at) values (?, ?)
				on conflict (month) do update set computed_at = excluded.computed_at""")
			.params(key, SqlValues.ts(now))
			.update();
		for (FigureValue v : values) {
			jdbc.sql("""
					insert into reporting_month_figure (month, code, measured, value, numerator, denominator, target)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(key, v.definition().code(), v.measured(), v.value(), v.numerator(), v.denominator(), v.target())
				.update();
		}
		return month(month).orElseThrow();
	}

	/** Publishes the closed months of the last few that are not published yet. */
	@Scheduled(initialDelayString = "${heatdesk.reporting.publish.initial-delay:PT5M}", fixedDelayString = "PT10M")
	void publishClosedMonths() {
		try {
			LocalDate lastClosedDay = LocalDate.ofInstant(clock.instant().minus(GRACE), reports.zone()).minusDays(1);
			YearMonth last = YearMonth.from(lastClosedDay);
			if (!lastClosedDay.equals(last.atEndOfMonth())) {
				last = last.minusMonths(1);
			}
			List<YearMonth> done = months();
			for (int i = 0; i < CATCH_UP_MONTHS; i++) {
				YearMonth m = last.minusMonths(i);
				if (!done.contains(m)) {
					publish(m);
				}
			}
		}
		catch (RuntimeException e) {
			log.warn("publishing the closed months' figures failed; the next run tries again", e);
		}
	}
}
