package org.heatdesk.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.heatdesk.platform.SqlValues;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A figure whose cases one SQL query lists. The query (named parameters {@code :from}, {@code :to},
 * the day's bounds, and {@code :tz}, the company's zone) gives one row per case with the columns
 * {@code agent_id, team_id, substation_id, community_id} (the scopes the case falls in, null where
 * it has none), {@code num, den} (what the case adds to the counts), {@code minutes} (for a median,
 * else null), {@code ok} (whether the case keeps the rule; null when the rule has no yes or no),
 * {@code ref, at, link, note} (the case as its drill-down shows it: its number, its time, its page,
 * a short language-neutral detail). Counting and drill-down read the same cases, so the records
 * behind a figure are the ones it counted.
 */
class SqlFigure implements ComplianceFigure {

	private final FigureDefinition definition;

	private final String kind;

	private final String cases;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final MessageSource messages;

	SqlFigure(FigureDefinition definition, String kind, String cases, ReportingReads reads, ZoneId zone,
			MessageSource messages) {
		this.definition = definition;
		this.kind = kind;
		this.cases = cases;
		this.jdbc = reads.jdbc();
		this.zone = zone;
		this.messages = messages;
	}

	@Override
	public FigureDefinition definition() {
		return definition;
	}

	@Override
	public List<DayCount> count(Instant from, Instant to) {
		boolean median = definition.unit() == FigureUnit.MEDIAN_MINUTES;
		String m = median ? "least(greatest(minutes, 0), " + DayCount.HISTOGRAM_MINUTES + ")" : "null::int";
		// one pass over the day's cases for every scope (grouping sets); grouping(column) is 0 in the rows of that column's set
		List<ScopeKind> cut = new ArrayList<>();
		List<String> sets = new ArrayList<>();
		StringBuilder select = new StringBuilder();
		for (ScopeKind k : ScopeKind.values()) {
			if (!definition.scopes().contains(k)) {
				continue;
			}
			if (k == ScopeKind.COMPANY) {
				sets.add(median ? "(m)" : "()");
				continue;
			}
			cut.add(k);
			sets.add("(" + column(k) + (median ? ", m" : "") + ")");
			select.append("grouping(").append(column(k)).append(") as g_").append(column(k)).append(", ").append(column(k)).append(", ");
		}
		String sql = "with c as (" + cases + "), g as (select agent_id, team_id, substation_id, community_id, " + m
				+ " as m, num, den from c) select " + select + (median ? "m" : "null::int as m")
				+ ", sum(num)::bigint as n, sum(den)::bigint as d, count(*) as cases from g group by grouping sets ("
				+ String.join(", ", sets) + ")";
		Map<String, long[]> counts = new LinkedHashMap<>();
		Map<String, int[]> histograms = new LinkedHashMap<>();
		jdbc.sql(sql).param("from", SqlValues.ts(from)).param("to", SqlValues.ts(to)).param("tz", zone.getId())
			.query(rs -> {
				ScopeKind k = ScopeKind.COMPANY;
				long id = 0;
				for (ScopeKind c : cut) {
					if (rs.getInt("g_" + column(c)) == 0) {
						k = c;
						id = rs.getLong(column(c));
						if (rs.wasNull()) {
							// the cases without that scope (no agent, no community)
							return;
						}
					}
				}
				if (rs.getLong("cases") == 0) {
					// the company's row of a day without cases
					return;
				}
				String key = k + ":" + id;
				long[] nd = counts.computeIfAbsent(key, x -> new long[2]);
				nd[0] += rs.getLong("n");
				nd[1] += rs.getLong("d");
				if (median) {
					int minute = rs.getInt("m");
					if (!rs.wasNull()) {
						histograms.computeIfAbsent(key, x -> new int[DayCount.HISTOGRAM_MINUTES + 1])[minute] += (int) rs.getLong("d");
					}
				}
			});
		List<DayCount> result = new ArrayList<>();
		counts.forEach((key, nd) -> {
			int colon = key.indexOf(':');
			result.add(new DayCount(ScopeKind.valueOf(key.substring(0, colon)), Long.parseLong(key.substring(colon + 1)), nd[0],
					nd[1], median ? histograms.getOrDefault(key, new int[DayCount.HISTOGRAM_MINUTES + 1]) : null));
		});
		return result;
	}

	@Override
	public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale) {
		String where = scope.kind() == ScopeKind.COMPANY ? "true" : column(scope.kind()) + " = :scope";
		String sql = "with c as (" + cases + ") select ref, at, link, ok, note, minutes from c where " + where
				+ " order by ok nulls first, minutes desc nulls last, at, ref limit :limit";
		var query = jdbc.sql(sql).param("from", SqlValues.ts(from)).param("to", SqlValues.ts(to)).param("tz", zone.getId())
			.param("limit", limit);
		if (scope.kind() != ScopeKind.COMPANY) {
			query = query.param("scope", scope.id());
		}
		return query.query((rs, n) -> {
			Boolean ok = (Boolean) rs.getObject("ok");
			StringBuilder detail = new StringBuilder();
			if (ok != null) {
				detail.append(messages.getMessage(ok ? "report.record.kept" : "report.record.missed", null, locale));
			}
			Object minutes = rs.getObject("minutes");
			if (minutes != null) {
				append(detail, messages.getMessage("report.record.minutes", new Object[] { minutes }, locale));
			}
			String note = rs.getString("note");
			if (note != null && !note.isBlank()) {
				append(detail, note);
			}
			return new FigureRecord(kind, rs.getString("ref"), detail.toString(), SqlValues.instant(rs, "at"), rs.getString("link"));
		}).list();
	}

	private static void append(StringBuilder b, String text) {
		if (!b.isEmpty()) {
			b.append(" · ");
		}
		b.append(text);
	}

	private static String column(ScopeKind k) {
		return switch (k) {
			case COMPANY -> "0";
			case TEAM -> "team_id";
			case AGENT -> "agent_id";
			case SUBSTATION -> "substation_id";
			case COMMUNITY -> "community_id";
		};
	}
}
