package org.heatdesk.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.Company;
import org.heatdesk.reporting.ComplianceReports;
import org.heatdesk.reporting.FigureUnit;
import org.heatdesk.reporting.FigureValue;
import org.heatdesk.reporting.MonthFigures;
import org.heatdesk.reporting.Period;
import org.heatdesk.reporting.PublishedFigures;
import org.heatdesk.reporting.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The monthly service figures on the portal (5(一), public supervision with numbers): the months
 * reporting has stored once they closed ({@link PublishedFigures}), published here as soon as they are
 * there (the day each was published is kept for {@code portal.figures-published-on-time}); and the
 * current month so far, from the live report, marked as provisional. Only the figures a customer
 * recognises are shown: calls answered within three rings, abandoned calls, tickets resolved and
 * technicians on site in time, intake to dispatch, satisfaction, complaints answered in time, rework.
 */
@Service
class PortalFigures {

	private static final Logger log = LoggerFactory.getLogger(PortalFigures.class);

	static final List<String> PUBLIC_CODES = List.of("calls.answered-in-limit", "calls.abandoned", "tickets.resolved-on-time",
			"tickets.on-site-on-time", "repairs.intake-to-dispatch", "followup.satisfaction", "complaints.answered-in-time",
			"repairs.rework");

	/** A month's figures change only when reporting stores them again; the current month's are live. */
	static final Duration CACHED_FOR = Duration.ofMinutes(5);

	/** One figure as the public reads it. */
	record Line(String code, FigureUnit unit, boolean higherIsBetter, boolean measured, BigDecimal value, long numerator,
			long denominator, BigDecimal target, Boolean meetsTarget) {

		public boolean hasValue() {
			return measured && value != null;
		}
	}

	/** A month's figures: published (kept as computed) or the current month so far ({@code provisional}). */
	record Month(YearMonth month, boolean provisional, Instant computedAt, Instant publishedAt, List<Line> lines) {
	}

	private final PublishedFigures published;

	private final ComplianceReports reports;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	private final PortalCache<List<YearMonth>> months;

	private final Map<YearMonth, PortalCache<Optional<Month>>> byMonth = new ConcurrentHashMap<>();

	private final PortalCache<Month> current;

	private final org.springframework.transaction.support.TransactionTemplate transaction;

	PortalFigures(PublishedFigures published, ComplianceReports reports, JdbcClient jdbc, AuditTrail audit, Clock clock,
			Company company, org.springframework.transaction.PlatformTransactionManager transactions) {
		this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.published = published;
		this.reports = reports;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.zone = company.zone();
		this.months = new PortalCache<>(Duration.ofMinutes(1), clock);
		this.current = new PortalCache<>(CACHED_FOR, clock);
	}

	/** The months published on the portal, newest first. */
	List<YearMonth> months() {
		return months.get(() -> jdbc.sql("select month from portal_figures_publication order by month desc")
			.query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate()))
			.list());
	}

	/** A published month's figures; empty when the month is not published (yet). */
	Optional<Month> month(YearMonth m) {
		if (!months().contains(m)) {
			return Optional.empty();
		}
		return byMonth.computeIfAbsent(m, k -> new PortalCache<>(CACHED_FOR, clock)).get(() -> read(m));
	}

	private Optional<Month> read(YearMonth m) {
		Optional<Instant> publishedAt = jdbc.sql("select published_at from portal_figures_publication where month = ?")
			.param(java.sql.Date.valueOf(m.atDay(1)))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
		return published.month(m).map(f -> new Month(m, false, f.computedAt(), publishedAt.orElse(null), lines(f.figures())));
	}

	/** The current month from its first day to now, live, for the page's "so far" tab. */
	Month currentMonth() {
		return current.get(() -> {
			YearMonth m = YearMonth.from(LocalDate.ofInstant(clock.instant(), zone));
			List<FigureValue> values = reports.values(Period.month(m), Scope.COMPANY);
			return new Month(m, true, clock.instant(), null, lines(values));
		});
	}

	private static List<Line> lines(List<FigureValue> values) {
		List<Line> lines = new ArrayList<>();
		for (String code : PUBLIC_CODES) {
			values.stream().filter(v -> v.definition().code().equals(code)).findFirst().ifPresent(v -> lines.add(new Line(code,
					v.definition().unit(), v.definition().higherIsBetter(), v.measured(), v.value(), v.numerator(), v.denominator(),
					v.target(), v.meetsTarget())));
		}
		return lines;
	}

	/**
	 * Publishes on the portal every month reporting has stored and the portal has not published yet,
	 * with the time it did (two nodes at once: one row wins). Runs a minute after the start and then
	 * every ten minutes, as reporting's own job does.
	 */
	@Scheduled(initialDelayString = "${heatdesk.portal.figures.initial-delay:PT1M}", fixedDelayString = "PT10M")
	void publishNewMonths() {
		try {
			publishNew();
		}
		catch (RuntimeException e) {
			log.warn("publishing the months' figures on the portal failed; the next run tries again", e);
		}
	}

	/** @return the months published now */
	List<YearMonth> publishNew() {
		List<YearMonth> done = new ArrayList<>();
		List<YearMonth> already = jdbc.sql("select month from portal_figures_publication")
			.query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate()))
			.list();
		for (YearMonth m : published.months()) {
			if (already.contains(m)) {
				continue;
			}
			Optional<MonthFigures> figures = published.month(m);
			if (figures.isEmpty()) {
				continue;
			}
			// the row and its audit in one transaction: a month published is a month audited
			boolean inserted = Boolean.TRUE.equals(transaction.execute(tx -> {
				int rows = jdbc.sql("""
						insert into portal_figures_publication (month, published_at, published_by) values (?, ?, ?)
						on conflict (month) do nothing""")
					.params(java.sql.Date.valueOf(m.atDay(1)), java.sql.Timestamp.from(clock.instant()), "system:portal-figures")
					.update();
				if (rows == 1) {
					audit.record(Actor.system("portal-figures"), "PORTAL_FIGURES_PUBLISHED", "portal_figures", m.toString(), null,
							Map.of("computedAt", figures.get().computedAt().toString()));
				}
				return rows == 1;
			}));
			if (inserted) {
				done.add(m);
			}
		}
		if (!done.isEmpty()) {
			months.clear();
		}
		return done;
	}
}
