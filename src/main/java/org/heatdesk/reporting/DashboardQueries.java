package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.heatdesk.platform.Company;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The service figures of the dashboards, counted from the raw records of a period (read through
 * {@link ReportingReads}, so from the replica where a site runs one). Calls are counted on the day
 * they rang, tickets on the day they were recorded, a deadline mark on the day its deadline fell.
 */
@Service
class DashboardQueries {

	static final String[] TYPES = { "REPAIR", "COMPLAINT", "INQUIRY", "SUGGESTION", "PRAISE" };

	/** The marks of a ticket with a deadline, and the columns that hold it (ticket and ticket_round alike). */
	static final String[][] MARKS = { { "DISPATCHED", "dispatch_due", "dispatched_at" },
			{ "RESPONDED", "respond_due", "responded_at" }, { "ON_SITE", "on_site_due", "on_site_at" },
			{ "RESOLVED", "resolve_due", "resolved_at" } };

	/** Periods up to this many days are drawn day by day, longer ones week by week. */
	static final int DAYS_BY_DAY = 31;

	static final int TOP = 10;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	private final Duration closedTtl;

	/** The tables of closed periods already computed, by period, scope and language. */
	private final Map<List<Object>, Kept> closed = new ConcurrentHashMap<>();

	DashboardQueries(ReportingReads reads, MessageSource messages, Clock clock, Company company,
			@Value("${heatdesk.reporting.dashboards.ttl:PT1H}") Duration closedTtl) {
		this.jdbc = reads.jdbc();
		this.messages = messages;
		this.clock = clock;
		this.zone = company.zone();
		this.closedTtl = closedTtl;
	}

	private record Kept(Instant at, FutureTask<List<DashboardTable>> task) {

		boolean expired(Instant now, Duration ttl) {
			return !at.plus(ttl).isAfter(now);
		}
	}

	/**
	 * Every table of the dashboards for the period; the agents' table only of the people {@code agents}
	 * covers (the company: everyone; a team: its members; an agent: himself), as {@code /reports} lets
	 * the reader see them.
	 */
	List<DashboardTable> tables(Period period, Scope agents, Locale locale) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		if (closedTtl.isZero() || closedTtl.isNegative() || !period.to().isBefore(today.minusDays(1))) {
			return compute(period, agents, locale);
		}
		// a period whose days have all closed: its tables are read from the raw rows once an hour (at 10
		// million tickets a month's take tens of seconds, docs/benchmarks.md), and the page, its download and
		// the readers arriving meanwhile share that reading
		List<Object> key = List.of(period, agents, locale);
		Instant now = clock.instant();
		Kept kept = closed.get(key);
		if (kept == null || kept.expired(now, closedTtl)) {
			Kept fresh = new Kept(now, new FutureTask<>(() -> compute(period, agents, locale)));
			boolean mine = kept == null ? closed.putIfAbsent(key, fresh) == null : closed.replace(key, kept, fresh);
			if (mine) {
				if (closed.size() > 500) {
					closed.values().removeIf(k -> k.expired(now, closedTtl) && k.task().isDone());
				}
				fresh.task().run();
			}
			kept = closed.getOrDefault(key, fresh);
			if (kept == fresh && !mine) {
				fresh.task().run();
			}
		}
		try {
			return kept.task().get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the dashboards were read", e);
		}
		catch (ExecutionException e) {
			closed.remove(key, kept);
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	private List<DashboardTable> compute(Period period, Scope agents, Locale locale) {
		Instant from = period.start(zone);
		Instant to = period.end(zone);
		List<DashboardTable> tables = new ArrayList<>();
		tables.add(callsByHour(from, to, locale));
		tables.add(callsByDay(period, from, to, locale));
		tables.add(ticketsByHour(from, to, locale));
		tables.add(ticketsByDay(period, from, to, locale));
		tables.add(ticketsByType(from, to, locale));
		tables.add(ticketsByCategory(from, to, locale));
		tables.add(network(from, to, locale));
		tables.add(marks(from, to, locale));
		tables.add(repairCauses(from, to, locale));
		tables.add(agents(from, to, agents, locale));
		tables.add(teams(from, to, locale));
		tables.add(season(period, locale));
		return tables;
	}

	DashboardTable callsByHour(Instant from, Instant to, Locale locale) {
		Map<Integer, BigDecimal[]> byHour = new LinkedHashMap<>();
		jdbc.sql("""
				select extract(hour from first_ring_at at time zone :zone)::int as h,
				       count(*) filter (where answered_at is not null or abandoned),
				       count(*) filter (where answered_at is not null),
				       count(*) filter (where abandoned),
				       count(*) filter (where within_limit and answered_at is not null)
				from contact_call
				where direction = 'INBOUND' and first_ring_at >= :from and first_ring_at < :to
				group by 1""")
			.param("zone", zone.getId()).param("from", ts(from)).param("to", ts(to))
			.query((rs, i) -> byHour.put(rs.getInt(1), new BigDecimal[] { num(rs, 2), num(rs, 3), num(rs, 4), num(rs, 5) }))
			.list();
		List<DashboardTable.Row> rows = new ArrayList<>();
		for (int h = 0; h < 24; h++) {
			BigDecimal[] v = byHour.getOrDefault(h, zeros(4));
			rows.add(row(List.of(String.format("%02d:00", h)), v[0], v[1], v[2], v[3], percent(v[3], v[1])));
		}
		return new DashboardTable("calls-by-hour", msg("dash.callsByHour", locale), null, "bar",
				List.of(msg("dash.col.hour", locale)), callColumns(locale), List.of(0, 1, 2), rows);
	}

	DashboardTable callsByDay(Period period, Instant from, Instant to, Locale locale) {
		String unit = period.days() <= DAYS_BY_DAY ? "day" : "week";
		List<DashboardTable.Row> rows = jdbc.sql("""
				select date_trunc('%s', first_ring_at at time zone :zone)::date as d,
				       count(*) filter (where answered_at is not null or abandoned),
				       count(*) filter (where answered_at is not null),
				       count(*) filter (where abandoned),
				       count(*) filter (where within_limit and answered_at is not null)
				from contact_call
				where direction = 'INBOUND' and first_ring_at >= :from and first_ring_at < :to
				group by 1 order by 1""".formatted(unit))
			.param("zone", zone.getId()).param("from", ts(from)).param("to", ts(to))
			.query((rs, i) -> row(List.of(rs.getObject(1, LocalDate.class).toString()), num(rs, 2), num(rs, 3), num(rs, 4),
					num(rs, 5), percent(num(rs, 5), num(rs, 3))))
			.list();
		return new DashboardTable("calls-by-day", msg("dash.callsBy." + unit, locale), null, "line",
				List.of(msg("dash.col." + unit, locale)), callColumns(locale), List.of(0, 1, 2), rows);
	}

	private List<String> callColumns(Locale locale) {
		return List.of(msg("dash.col.offered", locale), msg("dash.col.answered", locale), msg("dash.col.abandoned", locale),
				msg("dash.col.withinLimit", locale), msg("dash.col.withinLimitPercent", locale));
	}

	DashboardTable ticketsByHour(Instant from, Instant to, Locale locale) {
		Map<Integer, BigDecimal[]> byHour = new LinkedHashMap<>();
		jdbc.sql("select extract(hour from recorded_at at time zone :zone)::int, " + typeCounts() + """
				 from ticket where recorded_at >= :from and recorded_at < :to group by 1""")
			.param("zone", zone.getId()).param("from", ts(from)).param("to", ts(to))
			.query((rs, i) -> byHour.put(rs.getInt(1), typeValues(rs)))
			.list();
		List<DashboardTable.Row> rows = new ArrayList<>();
		for (int h = 0; h < 24; h++) {
			rows.add(new DashboardTable.Row(List.of(String.format("%02d:00", h)),
					Arrays.asList(byHour.getOrDefault(h, zeros(TYPES.length + 1)))));
		}
		return new DashboardTable("tickets-by-hour", msg("dash.ticketsByHour", locale), null, "stack",
				List.of(msg("dash.col.hour", locale)), typeColumns(locale), List.of(1, 2, 3, 4, 5), rows);
	}

	DashboardTable ticketsByDay(Period period, Instant from, Instant to, Locale locale) {
		String unit = period.days() <= DAYS_BY_DAY ? "day" : "week";
		List<DashboardTable.Row> rows = jdbc
			.sql("select date_trunc('%s', recorded_at at time zone :zone)::date, ".formatted(unit) + typeCounts() + """
					 from ticket where recorded_at >= :from and recorded_at < :to group by 1 order by 1""")
			.param("zone", zone.getId()).param("from", ts(from)).param("to", ts(to))
			.query((rs, i) -> new DashboardTable.Row(List.of(rs.getObject(1, LocalDate.class).toString()),
					Arrays.asList(typeValues(rs))))
			.list();
		return new DashboardTable("tickets-by-day", msg("dash.ticketsBy." + unit, locale), null, "line",
				List.of(msg("dash.col." + unit, locale)), typeColumns(locale), List.of(0, 1, 2), rows);
	}

	private static String typeCounts() {
		StringBuilder sql = new StringBuilder("count(*)");
		for (String type : TYPES) {
			sql.append(", count(*) filter (where type = '").append(type).append("')");
		}
		return sql.toString();
	}

	private static BigDecimal[] typeValues(ResultSet rs) throws SQLException {
		BigDecimal[] v = new BigDecimal[TYPES.length + 1];
		for (int c = 0; c < v.length; c++) {
			v[c] = num(rs, c + 2);
		}
		return v;
	}

	private List<String> typeColumns(Locale locale) {
		List<String> columns = new ArrayList<>();
		columns.add(msg("dash.col.tickets", locale));
		for (String type : TYPES) {
			columns.add(msg("ticket.type." + type, locale));
		}
		return columns;
	}

	DashboardTable ticketsByType(Instant from, Instant to, Locale locale) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select type, count(*) from ticket where recorded_at >= :from and recorded_at < :to group by type")
			.param("from", ts(from)).param("to", ts(to))
			.query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		List<DashboardTable.Row> rows = new ArrayList<>();
		for (String type : TYPES) {
			long n = counts.getOrDefault(type, 0L);
			rows.add(row(List.of(msg("ticket.type." + type, locale)), BigDecimal.valueOf(n),
					percent(BigDecimal.valueOf(n), BigDecimal.valueOf(total))));
		}
		return new DashboardTable("tickets-by-type", msg("dash.ticketsByType", locale), null, "pie",
				List.of(msg("dash.col.type", locale)),
				List.of(msg("dash.col.tickets", locale), msg("dash.col.share", locale)), List.of(0), rows);
	}

	DashboardTable ticketsByCategory(Instant from, Instant to, Locale locale) {
		String name = zh(locale) ? "c.name_zh" : "c.name_en";
		List<Object[]> raw = jdbc.sql("""
				select t.type, coalesce(%s, ''), count(*) from ticket t left join ticket_category c on c.id = t.category_id
				where t.recorded_at >= :from and t.recorded_at < :to
				group by t.type, 2 order by 3 desc, 1, 2""".formatted(name))
			.param("from", ts(from)).param("to", ts(to))
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getLong(3) })
			.list();
		long total = raw.stream().mapToLong(r -> (Long) r[2]).sum();
		List<DashboardTable.Row> rows = raw.stream()
			.map(r -> row(List.of(msg("ticket.type." + r[0], locale),
					((String) r[1]).isEmpty() ? msg("dash.noCategory", locale) : (String) r[1]),
					BigDecimal.valueOf((Long) r[2]), percent(BigDecimal.valueOf((Long) r[2]), BigDecimal.valueOf(total))))
			.toList();
		return new DashboardTable("tickets-by-category", msg("dash.ticketsByCategory", locale), null, "hbar",
				List.of(msg("dash.col.type", locale), msg("dash.col.category", locale)),
				List.of(msg("dash.col.tickets", locale), msg("dash.col.share", locale)), List.of(0), rows);
	}

	/**
	 * Every community of the network with its customers, tickets and complaints, and the complaints
	 * per 1,000 customers: where the complaints come from. Communities without customers have no rate.
	 */
	DashboardTable network(Instant from, Instant to, Locale locale) {
		List<DashboardTable.Row> rows = jdbc.sql("""
				with customers as (select community_id, count(*) as n from customer group by community_id),
				     tickets as (select community_id, count(*) as n, count(*) filter (where type = 'COMPLAINT') as complaints
				                 from ticket where recorded_at >= :from and recorded_at < :to and community_id is not null
				                 group by community_id)
				select s.code || ' ' || s.name, n.name, coalesce(c.n, 0), coalesce(t.n, 0), coalesce(t.complaints, 0)
				from network_community n join network_substation s on s.id = n.substation_id
				left join customers c on c.community_id = n.id
				left join tickets t on t.community_id = n.id
				order by s.code, n.name""")
			.param("from", ts(from)).param("to", ts(to))
			.query((rs, i) -> {
				BigDecimal customers = num(rs, 3);
				BigDecimal complaints = num(rs, 5);
				BigDecimal rate = customers.signum() == 0 ? null
						: complaints.multiply(BigDecimal.valueOf(1000)).divide(customers, 2, RoundingMode.HALF_UP);
				return row(List.of(rs.getString(1), rs.getString(2)), customers, num(rs, 4), complaints, rate);
			})
			.list();
		return new DashboardTable("network", msg("dash.network", locale), msg("dash.network.note", locale), "treemap",
				List.of(msg("dash.col.substation", locale), msg("dash.col.community", locale)),
				List.of(msg("dash.col.customers", locale), msg("dash.col.tickets", locale),
						msg("dash.col.complaints", locale), msg("dash.col.complaintRate", locale)),
				List.of(0, 3), rows);
	}

	/**
	 * For each mark: the deadlines that fell in the period and have passed (each round of a reopened
	 * ticket counts, its first rounds from {@code ticket_round}), those reached by the deadline, those
	 * missed, and the share kept. Cancelled tickets owe no marks.
	 */
	DashboardTable marks(Instant from, Instant to, Locale locale) {
		Instant until = to.isBefore(clock.instant()) ? to : clock.instant();
		List<DashboardTable.Row> rows = new ArrayList<>();
		for (String[] mark : MARKS) {
			String due = mark[1];
			String at = mark[2];
			Object[] counts = jdbc.sql("""
					select count(*), count(*) filter (where %2$s is not null and %2$s <= %1$s) from (
					  select %1$s, %2$s from ticket where cancelled_at is null and %1$s >= :from and %1$s < :until
					  union all
					  select %1$s, %2$s from ticket_round where %1$s >= :from and %1$s < :until) m""".formatted(due, at))
				.param("from", ts(from)).param("until", ts(until))
				.query((rs, i) -> new Object[] { num(rs, 1), num(rs, 2) })
				.single();
			BigDecimal owed = (BigDecimal) counts[0];
			BigDecimal kept = (BigDecimal) counts[1];
			rows.add(row(List.of(msg("ticket.mark." + mark[0], locale)), owed, kept, owed.subtract(kept), percent(kept, owed)));
		}
		return new DashboardTable("marks", msg("dash.marks", locale), msg("dash.marks.note", locale), "bar",
				List.of(msg("dash.col.mark", locale)),
				List.of(msg("dash.col.due", locale), msg("dash.col.kept", locale), msg("dash.col.missed", locale),
						msg("dash.col.keptPercent", locale)),
				List.of(1, 2), rows);
	}

	/** The repair categories recorded most often: what breaks. */
	DashboardTable repairCauses(Instant from, Instant to, Locale locale) {
		String name = zh(locale) ? "c.name_zh" : "c.name_en";
		List<Object[]> raw = jdbc.sql("""
				select coalesce(%s, ''), count(*)
				from ticket t left join ticket_category c on c.id = t.category_id
				where t.type = 'REPAIR' and t.recorded_at >= :from and t.recorded_at < :to
				group by 1 order by 2 desc, 1""".formatted(name))
			.param("from", ts(from)).param("to", ts(to))
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.list();
		long total = raw.stream().mapToLong(r -> (Long) r[1]).sum();
		List<DashboardTable.Row> rows = raw.stream()
			.limit(TOP)
			.map(r -> row(List.of(((String) r[0]).isEmpty() ? msg("dash.noCategory", locale) : (String) r[0]),
					BigDecimal.valueOf((Long) r[1]), percent(BigDecimal.valueOf((Long) r[1]), BigDecimal.valueOf(total))))
			.toList();
		return new DashboardTable("repair-causes", msg("dash.repairCauses", locale), null, "hbar",
				List.of(msg("dash.col.cause", locale)),
				List.of(msg("dash.col.repairs", locale), msg("dash.col.share", locale)), List.of(0), rows);
	}

	/** Every person of the scope who answered a call or recorded a ticket in the period. */
	DashboardTable agents(Instant from, Instant to, Scope scope, Locale locale) {
		List<DashboardTable.Row> rows = jdbc.sql("""
				with calls as (select answered_staff_id as sid, count(*) as answered,
				                      count(*) filter (where within_limit) as within, avg(talk_ms) / 1000.0 as talk
				               from contact_call where direction = 'INBOUND' and first_ring_at >= :from and first_ring_at < :to
				                 and answered_staff_id is not null group by 1),
				     tickets as (select first_responder_id as sid, count(*) as recorded,
				                        count(*) filter (where status in ('RESOLVED', 'CLOSED')) as resolved
				                 from ticket where recorded_at >= :from and recorded_at < :to group by 1)
				select m.display_name, coalesce(tm.name, ''), coalesce(c.answered, 0), coalesce(c.within, 0), c.talk,
				       coalesce(t.recorded, 0), coalesce(t.resolved, 0)
				from staff_member m left join staff_team tm on tm.id = m.team_id
				left join calls c on c.sid = m.id left join tickets t on t.sid = m.id
				where (c.sid is not null or t.sid is not null)
				  and (:kind = 'COMPANY' or :kind = 'TEAM' and m.team_id = :id or :kind = 'AGENT' and m.id = :id)
				order by coalesce(c.answered, 0) desc, coalesce(t.recorded, 0) desc, m.display_name""")
			.param("from", ts(from)).param("to", ts(to)).param("kind", scope.kind().name()).param("id", scope.id())
			.query((rs, i) -> row(List.of(rs.getString(1), rs.getString(2)), num(rs, 3), num(rs, 4),
					percent(num(rs, 4), num(rs, 3)),
					rs.getBigDecimal(5) == null ? null : rs.getBigDecimal(5).setScale(0, RoundingMode.HALF_UP), num(rs, 6),
					num(rs, 7)))
			.list();
		return new DashboardTable("agents", msg("dash.agents", locale), null, "hbar",
				List.of(msg("dash.col.agent", locale), msg("dash.col.team", locale)),
				List.of(msg("dash.col.answered", locale), msg("dash.col.withinLimit", locale),
						msg("dash.col.withinLimitPercent", locale), msg("dash.col.talkSeconds", locale),
						msg("dash.col.recorded", locale), msg("dash.col.resolved", locale)),
				List.of(0, 4), rows);
	}

	/** Each team: its people at work in the period, calls, tickets recorded, tickets it holds open now. */
	DashboardTable teams(Instant from, Instant to, Locale locale) {
		List<DashboardTable.Row> rows = jdbc.sql("""
				with calls as (select m.team_id, count(distinct m.id) as people, count(*) as answered,
				                      count(*) filter (where c.within_limit) as within
				               from contact_call c join staff_member m on m.id = c.answered_staff_id
				               where c.direction = 'INBOUND' and c.first_ring_at >= :from and c.first_ring_at < :to group by 1),
				     tickets as (select m.team_id, count(*) as recorded from ticket t join staff_member m on m.id = t.first_responder_id
				                 where t.recorded_at >= :from and t.recorded_at < :to group by 1),
				     held as (select assignee_team_id as team_id, count(*) as open from ticket
				              where status not in ('RESOLVED', 'CLOSED', 'CANCELLED') and assignee_team_id is not null group by 1)
				select tm.name, coalesce(c.people, 0), coalesce(c.answered, 0), coalesce(c.within, 0),
				       coalesce(t.recorded, 0), coalesce(h.open, 0)
				from staff_team tm left join calls c on c.team_id = tm.id left join tickets t on t.team_id = tm.id
				left join held h on h.team_id = tm.id
				order by tm.code""")
			.param("from", ts(from)).param("to", ts(to))
			.query((rs, i) -> row(List.of(rs.getString(1)), num(rs, 2), num(rs, 3), num(rs, 4), percent(num(rs, 4), num(rs, 3)),
					num(rs, 5), num(rs, 6)))
			.list();
		return new DashboardTable("teams", msg("dash.teams", locale), null, "bar", List.of(msg("dash.col.team", locale)),
				List.of(msg("dash.col.people", locale), msg("dash.col.answered", locale), msg("dash.col.withinLimit", locale),
						msg("dash.col.withinLimitPercent", locale), msg("dash.col.recorded", locale),
						msg("dash.col.openNow", locale)),
				List.of(1, 4), rows);
	}

	/**
	 * This season's first cold week against last season's: the first seven days of the heating season
	 * (the season's start from the deadline policy in force, e.g. 11-15), the season being the one the
	 * period ends in (or the last one begun before it).
	 */
	DashboardTable season(Period period, Locale locale) {
		MonthDay start = MonthDay.parse("--" + jdbc.sql("select season_start from ticket_policy order by version desc limit 1")
			.query(String.class)
			.optional()
			.orElse("11-15"));
		LocalDate thisStart = start.atYear(period.to().getYear());
		if (thisStart.isAfter(period.to())) {
			thisStart = start.atYear(period.to().getYear() - 1);
		}
		LocalDate lastStart = start.atYear(thisStart.getYear() - 1);
		BigDecimal[] last = week(lastStart);
		BigDecimal[] current = week(thisStart);
		String[] measures = { "calls", "answered", "withinLimitPercent", "abandonedPercent", "tickets", "repairs",
				"complaints" };
		List<DashboardTable.Row> rows = new ArrayList<>();
		for (int m = 0; m < measures.length; m++) {
			rows.add(row(List.of(msg("dash.season." + measures[m], locale)), last[m], current[m], change(last[m], current[m])));
		}
		return new DashboardTable("season", msg("dash.season", locale),
				msg("dash.season.note", locale, lastStart, lastStart.plusDays(6), thisStart, thisStart.plusDays(6)), "hbar",
				List.of(msg("dash.col.measure", locale)),
				List.of(msg("dash.col.lastSeason", locale, lastStart.getYear() + "–" + (lastStart.getYear() + 1)),
						msg("dash.col.thisSeason", locale, thisStart.getYear() + "–" + (thisStart.getYear() + 1)),
						msg("dash.col.change", locale)),
				// counts and shares side by side would share one axis: the chart shows the change of each
				List.of(2), rows);
	}

	/** Calls, answered, % within limit, % abandoned, tickets, repairs, complaints of the seven days from {@code start}. */
	private BigDecimal[] week(LocalDate start) {
		Instant from = start.atStartOfDay(zone).toInstant();
		Instant to = start.plusDays(7).atStartOfDay(zone).toInstant();
		BigDecimal[] calls = jdbc.sql("""
				select count(*) filter (where answered_at is not null or abandoned), count(*) filter (where answered_at is not null),
				       count(*) filter (where within_limit and answered_at is not null), count(*) filter (where abandoned)
				from contact_call where direction = 'INBOUND' and first_ring_at >= :from and first_ring_at < :to""")
			.param("from", ts(from)).param("to", ts(to))
			.query((rs, i) -> new BigDecimal[] { num(rs, 1), num(rs, 2), num(rs, 3), num(rs, 4) })
			.single();
		BigDecimal[] tickets = jdbc.sql("""
				select count(*), count(*) filter (where type = 'REPAIR'), count(*) filter (where type = 'COMPLAINT')
				from ticket where recorded_at >= :from and recorded_at < :to""")
			.param("from", ts(from)).param("to", ts(to))
			.query((rs, i) -> new BigDecimal[] { num(rs, 1), num(rs, 2), num(rs, 3) })
			.single();
		return new BigDecimal[] { calls[0], calls[1], percent(calls[2], calls[1]), percent(calls[3], calls[0]), tickets[0],
				tickets[1], tickets[2] };
	}

	/** The change from {@code before} to {@code after} in per cent of {@code before}; none from nothing. */
	static BigDecimal change(BigDecimal before, BigDecimal after) {
		if (before == null || after == null || before.signum() == 0) {
			return null;
		}
		return after.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
	}

	/** {@code part / whole} in per cent, one decimal; none when the whole is zero. */
	static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		if (whole == null || part == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
	}

	private static DashboardTable.Row row(List<String> labels, BigDecimal... values) {
		return new DashboardTable.Row(labels, Arrays.asList(values));
	}

	private static BigDecimal num(ResultSet rs, int column) throws SQLException {
		return BigDecimal.valueOf(rs.getLong(column));
	}

	private static BigDecimal[] zeros(int n) {
		BigDecimal[] v = new BigDecimal[n];
		Arrays.fill(v, BigDecimal.ZERO);
		return v;
	}

	private static java.sql.Timestamp ts(Instant at) {
		return java.sql.Timestamp.from(at);
	}

	private static boolean zh(Locale locale) {
		return "zh".equals(locale.getLanguage());
	}

	private String msg(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
