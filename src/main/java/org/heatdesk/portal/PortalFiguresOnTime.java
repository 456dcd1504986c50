package org.heatdesk.portal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.platform.Company;
import org.heatdesk.reporting.ComplianceFigure;
import org.heatdesk.reporting.DayCount;
import org.heatdesk.reporting.FigureDefinition;
import org.heatdesk.reporting.FigureRecord;
import org.heatdesk.reporting.FigureUnit;
import org.heatdesk.reporting.Scope;
import org.heatdesk.reporting.ScopeKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code portal.figures-published-on-time} (5(一)): of the months whose service figures were due on
 * the portal, how many were published by the due day ({@code heatdesk.portal.figures-due-day} of the
 * following month, the 5th unless set). A month is counted on its due day, so a closed day's count
 * never changes; months before the portal's first publication were never due.
 */
@Component
class PortalFiguresOnTime implements ComplianceFigure {

	static final String CODE = "portal.figures-published-on-time";

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final int dueDay;

	private final MessageSource messages;

	PortalFiguresOnTime(JdbcClient jdbc, Company company, MessageSource messages,
			@Value("${heatdesk.portal.figures-due-day:5}") int dueDay) {
		if (dueDay < 1 || dueDay > 28) {
			throw new IllegalArgumentException("heatdesk.portal.figures-due-day is a day of every month, 1 to 28: " + dueDay);
		}
		this.jdbc = jdbc;
		this.zone = company.zone();
		this.messages = messages;
		this.dueDay = dueDay;
	}

	@Override
	public FigureDefinition definition() {
		return new FigureDefinition(CODE, "5(一)", FigureUnit.PERCENT, true, new BigDecimal("100"), Set.of(ScopeKind.COMPANY));
	}

	/** The day by the end of which month {@code m}'s figures are due on the portal. */
	LocalDate dueDay(YearMonth m) {
		return m.plusMonths(1).atDay(dueDay);
	}

	@Override
	public List<DayCount> count(Instant from, Instant to) {
		List<DayCount> counts = new ArrayList<>();
		long published = 0, due = 0;
		for (YearMonth m : dueIn(from, to)) {
			due++;
			Instant end = dueDay(m).plusDays(1).atStartOfDay(zone).toInstant();
			if (publishedAt(m).filter(at -> at.isBefore(end)).isPresent()) {
				published++;
			}
		}
		if (due > 0) {
			counts.add(DayCount.of(Scope.COMPANY, published, due));
		}
		return counts;
	}

	@Override
	public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale) {
		if (scope.kind() != ScopeKind.COMPANY) {
			return List.of();
		}
		List<FigureRecord> late = new ArrayList<>();
		List<FigureRecord> onTime = new ArrayList<>();
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		for (YearMonth m : dueIn(from, to)) {
			LocalDate due = dueDay(m);
			Instant end = due.plusDays(1).atStartOfDay(zone).toInstant();
			Optional<Instant> at = publishedAt(m);
			String link = "/portal/figures?month=" + m;
			if (at.isPresent() && at.get().isBefore(end)) {
				onTime.add(new FigureRecord("month", m.toString(), messages.getMessage("portal.figures.record.onTime",
						new Object[] { time.format(at.get().atZone(zone)), due.toString() }, locale), at.get(), link));
			}
			else {
				late.add(new FigureRecord("month", m.toString(), at.isPresent()
						? messages.getMessage("portal.figures.record.late",
								new Object[] { time.format(at.get().atZone(zone)), due.toString() }, locale)
						: messages.getMessage("portal.figures.record.missing", new Object[] { due.toString() }, locale),
						at.orElse(end), link));
			}
		}
		late.addAll(onTime);
		return late.stream().limit(Math.max(0, limit)).toList();
	}

	/** The months whose due day lies in {@code [from, to)} and that were due at all (from the first publication on). */
	private List<YearMonth> dueIn(Instant from, Instant to) {
		Optional<YearMonth> first = jdbc.sql("select min(month) from portal_figures_publication")
			.query((rs, n) -> rs.getDate(1) == null ? null : YearMonth.from(rs.getDate(1).toLocalDate()))
			.optional();
		List<YearMonth> months = new ArrayList<>();
		if (first.isEmpty()) {
			return months;
		}
		LocalDate day = LocalDate.ofInstant(from, zone);
		LocalDate last = LocalDate.ofInstant(to.minusNanos(1), zone);
		for (LocalDate d = day.withDayOfMonth(1); !d.isAfter(last); d = d.plusMonths(1)) {
			LocalDate dueThere = d.withDayOfMonth(dueDay);
			Instant start = dueThere.atStartOfDay(zone).toInstant();
			YearMonth m = YearMonth.from(d).minusMonths(1);
			if (!start.isBefore(from) && start.isBefore(to) && !m.isBefore(first.get())) {
				months.add(m);
			}
		}
		return months;
	}

	private Optional<Instant> publishedAt(YearMonth m) {
		return jdbc.sql("select published_at from portal_figures_publication where month = ?")
			.param(Date.valueOf(m.atDay(1)))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}
}
