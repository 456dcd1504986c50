package org.heatdesk.reporting;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.PastDaysChanged;
import org.heatdesk.platform.SqlValues;
import org.springframework.context.event.EventListener;
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

	/**
	 * What the roll-up holds for the period and scope, for every figure (or the one {@code code}): the
	 * days each figure has rolled and the scope's counts of them. One statement, so a day rolled
	 * meanwhile is either in both or in neither: never counted twice nor lost.
	 */
	Snapshot snapshot(Period period, Scope scope, String code) {
		Map<String, Set<LocalDate>> rolled = new HashMap<>();
		Map<String, List<DayCount>> counts = new HashMap<>();
		reads.jdbc()
			.sql("""
					select r.code, r.day, c.numerator, c.denominator, c.histogram from reporting_day_rolled r
					left join reporting_day_count c on c.code = r.code and c.day = r.day and c.scope_kind = ? and c.scope_id = ?
					where r.day between ? and ? and (cast(? as varchar) is null or r.code = ?)""")
			.params(scope.kind().name(), scope.id(), Date.valueOf(period.from()), Date.valueOf(period.to()), code, code)
			.query(rs -> {
				String c = rs.getString(1);
				rolled.computeIfAbsent(c, x -> new HashSet<>()).add(rs.getDate(2).toLocalDate());
				long numerator = rs.getLong(3);
				if (!rs.wasNull()) {
					counts.computeIfAbsent(c, x -> new ArrayList<>())
						.add(new DayCount(scope.kind(), scope.id(), numerator, rs.getLong(4), histogram(rs, 5)));
				}
			});
		return new Snapshot(rolled, counts);
	}

	/** The rolled days of a period and their counts for one scope, by figure code. */
	record Snapshot(Map<String, Set<LocalDate>> rolled, Map<String, List<DayCount>> counts) {

		Set<LocalDate> rolled(String code) {
			return rolled.getOrDefault(code, Set.of());
		}

		List<DayCount> counts(String code) {
			return counts.getOrDefault(code, List.of());
		}
	}

	/**
	 * Takes the days {@code from}–{@code to} out of the roll-up for the figures concerned: they are counted live
	 * again until the roll-up job rolls them anew (newest first). For records entered after their day
	 * was rolled (a training session recorded a week late).
	 */
	@EventListener
	void reopen(PastDaysChanged changed) {
		primary.sql("delete from reporting_day_rolled where day between ? and ? and (cast(? as varchar) is null or code like ? || '%')")
			.params(Date.valueOf(changed.from()), Date.valueOf(changed.to()), changed.figures(), changed.figures())
			.update();
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

	/**
	 * The day-figures of the last {@code days} before {@code today} to roll, newest day first and the
	 * figures of a day in the order of {@code codes}: those not rolled yet, and those of the last
	 * {@code settle} days rolled before {@code staleBefore} (rolled again now and then while late records
	 * of them may still come in). One statement for all figures.
	 */
	List<DayFigure> missing(List<String> codes, LocalDate today, int days, int settle, Instant staleBefore) {
		return primary.sql("""
				select c.code, d::date from unnest(cast(? as varchar[])) with ordinality c(code, o)
				cross join generate_series(?::date - ?::int, ?::date - 1, interval '1 day') d
				where not exists (select 1 from reporting_day_rolled r where r.code = c.code and r.day = d::date
				                    and (r.day < ?::date - ?::int or r.rolled_at >= ?))
				order by d desc, c.o""")
			.params(codes.toArray(String[]::new), Date.valueOf(today), days, Date.valueOf(today), Date.valueOf(today), settle,
					SqlValues.ts(staleBefore))
			.query((rs, n) -> new DayFigure(rs.getString(1), rs.getDate(2).toLocalDate()))
			.list();
	}

	record DayFigure(String code, LocalDate day) {
	}

	private static int[] histogram(ResultSet rs, int column) throws SQLException {
		Array a = rs.getArray(column);
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
