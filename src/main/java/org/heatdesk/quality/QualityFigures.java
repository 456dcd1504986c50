package org.heatdesk.quality;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.heatdesk.reporting.ComplianceFigure;
import org.heatdesk.reporting.DayCount;
import org.heatdesk.reporting.FigureDefinition;
import org.heatdesk.reporting.FigureRecord;
import org.heatdesk.reporting.FigureUnit;
import org.heatdesk.reporting.ReportingReads;
import org.heatdesk.reporting.Scope;
import org.heatdesk.reporting.ScopeKind;
import org.heatdesk.platform.SqlValues;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The quality module's figures of the compliance report (4.4, 5.4, 7(四)), each a {@link ComplianceFigure}
 * over this module's own tables, cut by company, team and agent. Every case is counted on the day its
 * outcome is settled, so a closed day never changes:
 * <ul>
 * <li>a drawn call is checked in time on the day it is scored (by its sample's deadline), or missed on
 * the day that deadline passes;</li>
 * <li>a score (and its three-voices and phrases parts) counts on the day the agent acknowledged it or a
 * manager decided the dispute;</li>
 * <li>a rectification is on time on the day it is closed by its deadline, or late on the day the
 * deadline passes.</li>
 * </ul>
 * Each SQL yields one row per case with its agent, team, numerator and denominator; the day's counts
 * are its sums grouped by company, team and agent.
 */
@Configuration(proxyBeanMethods = false)
class QualityFigures {

	static final String CALLS_SPOT_CHECKED = "quality.calls-spot-checked";

	static final String MEAN_SCORE = "quality.mean-score";

	static final String RECTIFICATIONS_ON_TIME = "quality.rectifications-on-time";

	static final String THREE_VOICES = "quality.three-voices-score";

	static final String PHRASES = "quality.phrase-score";

	private static final Set<ScopeKind> SCOPES = Set.of(ScopeKind.COMPANY, ScopeKind.TEAM, ScopeKind.AGENT);

	@Bean
	ComplianceFigure qualityCallsSpotChecked(ReportingReads reads, MessageSource messages, QualityPeople people) {
		return new Figure(reads, messages, people,
				new FigureDefinition(CALLS_SPOT_CHECKED, "4.4", FigureUnit.PERCENT, true, new BigDecimal("100"), SCOPES),
				"""
				select agent_id, team_id, 1 as num, 1 as den from quality_check
				where scored_at >= :from and scored_at < :to and scored_at <= due_at
				union all
				select agent_id, team_id, 0, 1 from quality_check
				where due_at >= :from and due_at < :to and due_at <= now() and (scored_at is null or scored_at > due_at)
				""",
				"""
				select id, agent_id, team_id, call_id, status, score, final_score, coalesce(scored_at, due_at) as at,
				       (scored_at is null or scored_at > due_at) as missed
				from quality_check
				where ((scored_at >= :from and scored_at < :to and scored_at <= due_at)
				    or (due_at >= :from and due_at < :to and due_at <= now() and (scored_at is null or scored_at > due_at)))
				""", "check");
	}

	@Bean
	ComplianceFigure qualityMeanScore(ReportingReads reads, MessageSource messages, QualityPeople people) {
		return settledScore(reads, messages, people, MEAN_SCORE, "4.4", "final_score", new BigDecimal("90"));
	}

	@Bean
	ComplianceFigure qualityThreeVoicesScore(ReportingReads reads, MessageSource messages, QualityPeople people) {
		return settledScore(reads, messages, people, THREE_VOICES, "5.4", "three_voices", new BigDecimal("95"));
	}

	@Bean
	ComplianceFigure qualityPhraseScore(ReportingReads reads, MessageSource messages, QualityPeople people) {
		return settledScore(reads, messages, people, PHRASES, "7(四)", "phrases", new BigDecimal("90"));
	}

	private static ComplianceFigure settledScore(ReportingReads reads, MessageSource messages, QualityPeople people,
			String code, String article, String column, BigDecimal target) {
		return new Figure(reads, messages, people,
				new FigureDefinition(code, article, FigureUnit.AVERAGE, true, target, SCOPES),
				"select agent_id, team_id, " + column + " as num, 1 as den from quality_check"
						+ " where settled_at >= :from and settled_at < :to and " + column + " is not null",
				"select id, agent_id, team_id, call_id, status, score, " + column + " as final_score, settled_at as at,"
						+ " (" + column + " < 60) as missed from quality_check"
						+ " where settled_at >= :from and settled_at < :to and " + column + " is not null",
				"check");
	}

	@Bean
	ComplianceFigure qualityRectificationsOnTime(ReportingReads reads, MessageSource messages, QualityPeople people) {
		return new Figure(reads, messages, people,
				new FigureDefinition(RECTIFICATIONS_ON_TIME, "4.4", FigureUnit.PERCENT, true, new BigDecimal("100"), SCOPES),
				"""
				select owner_id as agent_id, team_id, 1 as num, 1 as den from quality_rectification
				where closed_at >= :from and closed_at < :to and closed_at <= due_at
				union all
				select owner_id, team_id, 0, 1 from quality_rectification
				where due_at >= :from and due_at < :to and due_at <= now() and (closed_at is null or closed_at > due_at)
				""",
				"""
				select id, owner_id as agent_id, team_id, null::bigint as call_id, status, null::int as score, null::int as final_score,
				       coalesce(closed_at, due_at) as at, (closed_at is null or closed_at > due_at) as missed
				from quality_rectification
				where ((closed_at >= :from and closed_at < :to and closed_at <= due_at)
				    or (due_at >= :from and due_at < :to and due_at <= now() and (closed_at is null or closed_at > due_at)))
				""", "rectification");
	}

	/** A figure from two queries: the cases of a day (agent, team, num, den) and the records behind them. */
	static final class Figure implements ComplianceFigure {

		private final ReportingReads reads;

		private final MessageSource messages;

		private final QualityPeople people;

		private final FigureDefinition definition;

		private final String cases;

		private final String records;

		private final String kind;

		Figure(ReportingReads reads, MessageSource messages, QualityPeople people, FigureDefinition definition,
				String cases, String records, String kind) {
			this.reads = reads;
			this.messages = messages;
			this.people = people;
			this.definition = definition;
			this.cases = cases;
			this.records = records;
			this.kind = kind;
		}

		@Override
		public FigureDefinition definition() {
			return definition;
		}

		@Override
		public List<DayCount> count(Instant from, Instant to) {
			String sql = "select grouping(team_id) as gt, grouping(agent_id) as ga, team_id, agent_id,"
					+ " sum(num) as num, sum(den) as den from (" + cases + ") c"
					+ " group by grouping sets ((), (team_id), (agent_id))";
			return reads.jdbc().sql(sql).params(window(from, to)).query((rs, n) -> {
				long num = rs.getLong("num");
				long den = rs.getLong("den");
				if (rs.getInt("gt") == 1 && rs.getInt("ga") == 1) {
					return DayCount.of(Scope.COMPANY, num, den);
				}
				if (rs.getInt("gt") == 0) {
					Long team = (Long) rs.getObject("team_id", Long.class);
					return team == null ? null : DayCount.of(Scope.team(team), num, den);
				}
				return DayCount.of(Scope.agent(rs.getLong("agent_id")), num, den);
			}).list().stream().filter(d -> d != null && d.denominator() > 0).toList();
		}

		@Override
		public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale) {
			Map<String, Object> p = window(from, to);
			StringBuilder sql = new StringBuilder("select * from (").append(records).append(") r");
			if (scope.kind() == ScopeKind.AGENT) {
				sql.append(" where agent_id = :scope");
				p.put("scope", scope.id());
			}
			else if (scope.kind() == ScopeKind.TEAM) {
				sql.append(" where team_id = :scope");
				p.put("scope", scope.id());
			}
			else if (scope.kind() != ScopeKind.COMPANY) {
				return List.of();
			}
			sql.append(" order by missed desc, at, id limit :limit");
			p.put("limit", limit);
			List<FigureRecord> list = new ArrayList<>();
			reads.jdbc().sql(sql.toString()).params(p).query((rs, n) -> {
				long id = rs.getLong("id");
				String who = people.name(rs.getLong("agent_id"));
				Object fin = rs.getObject("final_score");
				String status = messages.getMessage("check".equals(kind) ? "quality.status." + rs.getString("status")
						: "quality.rectification.status." + rs.getString("status"), null, rs.getString("status"), locale);
				String detail = rs.getBoolean("missed")
						? messages.getMessage("quality.figure.record.missed", new Object[] { status }, locale)
						: status + (fin == null ? "" : " · " + fin);
				String link = "check".equals(kind) ? "/quality/checks/" + id : "/quality/rectifications";
				return list.add(new FigureRecord(kind, who + " #" + id, detail, SqlValues.instant(rs, "at"), link));
			}).list();
			return list;
		}

		private static Map<String, Object> window(Instant from, Instant to) {
			Map<String, Object> p = new HashMap<>();
			p.put("from", Timestamp.from(from));
			p.put("to", Timestamp.from(to));
			return p;
		}
	}
}
