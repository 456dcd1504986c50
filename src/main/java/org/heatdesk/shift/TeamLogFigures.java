package org.heatdesk.shift;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.heatdesk.platform.Company;
import org.heatdesk.reporting.ComplianceFigure;
import org.heatdesk.reporting.DayCount;
import org.heatdesk.reporting.FigureDefinition;
import org.heatdesk.reporting.FigureRecord;
import org.heatdesk.reporting.FigureUnit;
import org.heatdesk.reporting.ReportingReads;
import org.heatdesk.reporting.Scope;
import org.heatdesk.reporting.ScopeKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The compliance figures of the team lead's records, each counted on the day its outcome is settled
 * so that a closed day's count never changes: a directive on the day of its deadline (4.8), an
 * incident on the day it was reported (4.5), a staff suggestion on the day its answer was due (5.8),
 * a briefing on the day of the shift it preceded (4.1). Cases whose outcome is not settled yet (a
 * deadline later today) wait for it.
 */
@Configuration
class TeamLogFigures {

	@Bean
	ComplianceFigure directivesOnTimeFigure(ReportingReads reads, Clock clock, MessageSource messages) {
		return new Figure(reads, clock, new FigureDefinition("shift.directives-on-time", "4.8", FigureUnit.PERCENT, true,
				BigDecimal.valueOf(100), EnumSet.of(ScopeKind.COMPANY, ScopeKind.TEAM, ScopeKind.AGENT))) {

			@Override
			public List<DayCount> count(Instant from, Instant to) {
				String base = """
						from shift_directive where due_at >= :from and due_at < :to and due_at < :now""";
				String hit = "count(*) filter (where done_at is not null and done_at <= due_at)";
				return counts("""
						select 'COMPANY', 0, %1$s, count(*) %2$s having count(*) > 0
						union all select 'TEAM', team_id, %1$s, count(*) %2$s and team_id is not null group by team_id
						union all select 'AGENT', owner_id, %1$s, count(*) %2$s group by owner_id""".formatted(hit, base), from, to);
			}

			@Override
			public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale) {
				return reads.jdbc().sql("""
						select id, title, due_at, done_at from shift_directive
						where due_at >= :from and due_at < :to and due_at < :now
						  and (:kind = 'COMPANY' or (:kind = 'TEAM' and team_id = :id) or (:kind = 'AGENT' and owner_id = :id))
						order by case when done_at is not null and done_at <= due_at then 1 else 0 end, due_at limit :limit""")
					.param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("now", Timestamp.from(clock.instant()))
					.param("kind", scope.kind().name()).param("id", scope.id()).param("limit", limit)
					.query((rs, i) -> {
						Timestamp done = rs.getTimestamp(4);
						boolean onTime = done != null && !done.after(rs.getTimestamp(3));
						return new FigureRecord("DIRECTIVE", rs.getString(2),
								messages.getMessage(onTime ? "shift.figure.directive.onTime" : "shift.figure.directive.late", null, locale),
								rs.getTimestamp(3).toInstant(), "/shift/directives#directive-" + rs.getLong(1));
					})
					.list();
			}
		};
	}

	@Bean
	ComplianceFigure incidentsReportedInTimeFigure(ReportingReads reads, Clock clock, MessageSource messages,
			@Value("${heatdesk.shift.incident-report-limit:60m}") Duration limit) {
		return new Figure(reads, clock, new FigureDefinition("shift.incidents-reported-in-time", "4.5", FigureUnit.PERCENT,
				true, BigDecimal.valueOf(100), EnumSet.of(ScopeKind.COMPANY, ScopeKind.TEAM))) {

			@Override
			public List<DayCount> count(Instant from, Instant to) {
				String base = "from shift_service_incident where reported_at >= :from and reported_at < :to";
				String hit = "count(*) filter (where reported_at <= occurred_at + make_interval(secs => %d))".formatted(limit.toSeconds());
				return counts("""
						select 'COMPANY', 0, %1$s, count(*) %2$s having count(*) > 0
						union all select 'TEAM', team_id, %1$s, count(*) %2$s and team_id is not null group by team_id"""
					.formatted(hit, base), from, to);
			}

			@Override
			public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit2, Locale locale) {
				return reads.jdbc().sql("""
						select id, kind, summary, occurred_at, reported_at,
						  reported_at <= occurred_at + make_interval(secs => :secs) as in_time
						from shift_service_incident where reported_at >= :from and reported_at < :to
						  and (:kind = 'COMPANY' or (:kind = 'TEAM' and team_id = :id))
						order by in_time, reported_at limit :limit""")
					.param("secs", limit.toSeconds()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
					.param("kind", scope.kind().name()).param("id", scope.id()).param("limit", limit2)
					.query((rs, i) -> new FigureRecord(rs.getString(2),
							messages.getMessage("shift.incidents.kind." + rs.getString(2), null, locale) + " #" + rs.getLong(1),
							ServiceIncidents.abbreviate(rs.getString(3)) + " · " + messages.getMessage(
									rs.getBoolean(6) ? "shift.inTime" : "shift.late", null, locale),
							rs.getTimestamp(5).toInstant(), "/shift/incidents#incident-" + rs.getLong(1)))
					.list();
			}
		};
	}

	@Bean
	ComplianceFigure suggestionsAnsweredInTimeFigure(ReportingReads reads, Clock clock, MessageSource messages) {
		return new Figure(reads, clock, new FigureDefinition("shift.suggestions-answered-in-time", "5.8", FigureUnit.PERCENT,
				true, BigDecimal.valueOf(100), EnumSet.of(ScopeKind.COMPANY, ScopeKind.TEAM))) {

			@Override
			public List<DayCount> count(Instant from, Instant to) {
				String base = "from shift_staff_suggestion where due_at >= :from and due_at < :to and due_at < :now";
				String hit = "count(*) filter (where answered_at is not null and answered_at <= due_at)";
				return counts("""
						select 'COMPANY', 0, %1$s, count(*) %2$s having count(*) > 0
						union all select 'TEAM', team_id, %1$s, count(*) %2$s and team_id is not null group by team_id"""
					.formatted(hit, base), from, to);
			}

			@Override
			public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale) {
				return reads.jdbc().sql("""
						select id, subject, due_at, answered_at is not null and answered_at <= due_at as in_time
						from shift_staff_suggestion where due_at >= :from and due_at < :to and due_at < :now
						  and (:kind = 'COMPANY' or (:kind = 'TEAM' and team_id = :id))
						order by in_time, due_at limit :limit""")
					.param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("now", Timestamp.from(clock.instant()))
					.param("kind", scope.kind().name()).param("id", scope.id()).param("limit", limit)
					.query((rs, i) -> new FigureRecord("STAFF_SUGGESTION", rs.getString(2),
							messages.getMessage(rs.getBoolean(4) ? "shift.suggestions.answeredInTime" : "shift.figure.suggestion.late",
									null, locale),
							rs.getTimestamp(3).toInstant(), "/shift/suggestions#suggestion-" + rs.getLong(1)))
					.list();
			}
		};
	}

	/**
	 * Briefings held per shift: the shifts of the roster that start on the day (a team, a day, a kind
	 * of shift), each kept when a briefing of that team and kind was held that day; a briefing held for
	 * a shift not on the roster counts as a shift with its briefing.
	 */
	@Bean
	ComplianceFigure briefingsHeldFigure(ReportingReads reads, Clock clock, MessageSource messages, Company company) {
		ZoneId zone = company.zone();
		return new Figure(reads, clock, new FigureDefinition("shift.briefings-held", "4.1", FigureUnit.PERCENT, true,
				BigDecimal.valueOf(100), EnumSet.of(ScopeKind.COMPANY, ScopeKind.TEAM))) {

			@Override
			public List<DayCount> count(Instant from, Instant to) {
				LocalDate day = from.atZone(zone).toLocalDate();
				return reads.jdbc().sql("""
						with shifts as (
						  select distinct team_id, kind from shift_roster_entry where starts_at >= :from and starts_at < :to
						  union select team_id, shift_code from shift_briefing where held_on = :day),
						held as (
						  select s.team_id, exists (select 1 from shift_briefing b
						    where b.team_id = s.team_id and b.held_on = :day and b.shift_code = s.kind) as held from shifts s)
						select 'COMPANY', 0, count(*) filter (where held), count(*) from held having count(*) > 0
						union all select 'TEAM', team_id, count(*) filter (where held), count(*) from held group by team_id""")
					.param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("day", day)
					.query((rs, i) -> new DayCount(ScopeKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3),
							rs.getLong(4), null))
					.list();
			}

			@Override
			public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale) {
				return reads.jdbc().sql("""
						select b.id, b.held_on, b.shift_code, b.topics, b.held_at, t.name from shift_briefing b
						left join staff_team t on t.id = b.team_id
						where b.held_on >= :first and b.held_on < :end and (:kind = 'COMPANY' or (:kind = 'TEAM' and b.team_id = :id))
						order by b.held_on, b.held_at limit :limit""")
					.param("first", from.atZone(zone).toLocalDate()).param("end", to.atZone(zone).toLocalDate())
					.param("kind", scope.kind().name()).param("id", scope.id()).param("limit", limit)
					.query((rs, i) -> new FigureRecord("BRIEFING",
							rs.getObject(2, LocalDate.class) + " " + (rs.getString(6) == null ? "" : rs.getString(6)) + " "
									+ messages.getMessage("shift.shift." + rs.getString(3), null, locale),
							ServiceIncidents.abbreviate(rs.getString(4)), rs.getTimestamp(5).toInstant(),
							"/shift/briefings?week=" + rs.getObject(2, LocalDate.class)))
					.list();
			}
		};
	}

	/** A figure whose day counts come from one query of (scope kind, scope id, numerator, denominator) rows. */
	abstract static class Figure implements ComplianceFigure {

		final ReportingReads reads;

		final Clock clock;

		private final FigureDefinition definition;

		Figure(ReportingReads reads, Clock clock, FigureDefinition definition) {
			this.reads = reads;
			this.clock = clock;
			this.definition = definition;
		}

		@Override
		public FigureDefinition definition() {
			return definition;
		}

		List<DayCount> counts(String sql, Instant from, Instant to) {
			JdbcClient jdbc = reads.jdbc();
			return jdbc.sql(sql)
				.param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.param("now", Timestamp.from(clock.instant()))
				.query((rs, i) -> new DayCount(ScopeKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						null))
				.list();
		}

		static final Set<String> NONE = Set.of();
	}
}
