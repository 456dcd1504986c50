package org.heatdesk.reporting;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roll-up of closed days: what {@link ComplianceFigure#count} gave for a day, stored per
 * figure and scope. Rolling a day replaces its rows and marks it rolled in one transaction, so a
 * day is either wholly live or wholly rolled, and rolling it again gives the same rows.
 */
@Component
class RollUps {

	private final JdbcClient primary;

	private final ReportingReads reads;

	private final Clock clock;

	RollUps(JdbcClient primary, ReportingReads reads, Clock clock) {
		this.primary = primary;
		this.reads = reads;
		this.clock = clock;
	}

	Set<LocalDate> rolledDays(String code, Period period) {
		return new HashSet<>(reads.jdbc()
			.sql("select day from reporting_day_rolled where code = ? and day between ? and ?")
			.params(code, Date.valueOf(period.from()), Date.valueOf(period.to()))
			.query((rs, n) -> rs.getDate(1).toLocalDate())
			.list());
	}

	List<DayCount> counts(String code, Period period, Scope scope) {
		return reads.jdbc()
			.sql("""
					select c.numerator, c.denominator, c.histogram from reporting_day_count c
					where c.code = ? and c.scope_kind = ? and c.scope_id = ? and c.day between ? and ?
					  and exists (select 1 from reporting_day_rolled r where r.code = c.code and r.day = c.day)""")
			.params(code, scope.kind().name(), scope.id(), Date.valueOf(period.from()), Date.valueOf(period.to()))
			.query((rs, n) -> new DayCount(scope.kind(), scope.id(), rs.getLong(1), rs.getLong(2), histogram(rs)))
			.list();
	}

	/** Counts the day {@code [from, to)} through the figure and stores it as the day's rows. */
	@Transactional
	void roll(ComplianceFigure figure, LocalDate day, Instant from, Instant to) {
		String code = figure.definition().code();
		List<DayCount> counts = figure.count(from, to);
		primary.sql("delete from reporting_day_count where code = ? and day = ?").params(code, Date.valueOf(day)).update();
		for (DayCount c : counts) {
			primary.sql("""
					insert into reporting_day_count (day, code, scope_kind, scope_id, numerator, denominator, histogram)
					values (?, ?, ?, ?, ?, ?, ?)
					on conflict (code, scope_kind, scope_id, day) do update
					  set numerator = excluded.numerator, denominator = excluded.denominator, histogram = excluded.histogram""")
				.params(Date.valueOf(day), code, c.scopeKind().name(), c.scopeId(), c.numerator(), c.denominator(),
						c.minuteHistogram())
				.update();
		}
		primary.sql("""
				insert into reporting_day_rolled (code, day, rolled_at) values (?, ?, ?)
				on conflict (code, day) do update set rolled_at = excluded.rolled_at""")
			.params(code, Date.valueOf(day), SqlValues.ts(clock.instant()))
			.update();
	}

	/** The days of the last {@code days} before {@code today} that the figure has not rolled yet, newest first. */
	List<LocalDate> missing(String code, LocalDate today, int days) {
		return primary.sql("""
				select d::date from generate_series(?::date - ?::int, ?::date - 1, interval '1 day') d
				where not exists (select 1 from reporting_day_rolled r where r.code = ? and r.day = d::date)
				order by d desc""")
			.params(Date.valueOf(today), days, Date.valueOf(today), code)
			.query((rs, n) -> rs.getDate(1).toLocalDate())
			.list();
	}

	private static int[] histogram(ResultSet rs) throws SQLException {
		Array a = rs.getArray(3);
		if (a == null) {
			return null;
		}
		Integer[] boxed = (Integer[]) a.getArray();
		int[] h = new int[boxed.length];
		for (int i = 0; i < h.length; i++) {
			h[i] = boxed[i];
		}
		return h;
	}
}
