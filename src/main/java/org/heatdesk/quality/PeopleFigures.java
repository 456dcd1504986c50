package org.heatdesk.quality;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people figures of the compliance report, read from the staff module's tables (training and
 * certificates are kept on the staff record): {@code people.training-hours} (4.6) and
 * {@code people.certificates-valid} (4(三)). Each is cut by the company, the team and the person.
 */
@Configuration(proxyBeanMethods = false)
class PeopleFigures {

	private static final Set<ScopeKind> SCOPES = Set.of(ScopeKind.COMPANY, ScopeKind.TEAM, ScopeKind.AGENT);

	@Bean
	ComplianceFigure peopleTrainingHours(ReportingReads reads, Company company, MessageSource messages) {
		return new TrainingMinutes(reads.jdbc(), company.zone(), messages);
	}

	@Bean
	ComplianceFigure peopleCertificatesValid(ReportingReads reads, Company company, MessageSource messages) {
		return new CertificatesValid(reads.jdbc(), company.zone(), messages);
	}

	/** Adds one case to the company's, the team's and the person's counts. */
	private static void add(Map<Scope, long[]> counts, long staffId, Long teamId, long numerator, long denominator) {
		List<Scope> scopes = new ArrayList<>(List.of(Scope.COMPANY, Scope.agent(staffId)));
		if (teamId != null) {
			scopes.add(Scope.team(teamId));
		}
		for (Scope s : scopes) {
			long[] c = counts.computeIfAbsent(s, k -> new long[2]);
			c[0] += numerator;
			c[1] += denominator;
		}
	}

	private static List<DayCount> days(Map<Scope, long[]> counts) {
		return counts.entrySet().stream().map(e -> DayCount.of(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
	}

	private static String where(Scope scope) {
		return switch (scope.kind()) {
			case TEAM -> " and m.team_id = " + scope.id();
			case AGENT -> " and m.id = " + scope.id();
			default -> "";
		};
	}

	/**
	 * Minutes of training attended, counted on the day of the session (a session is recorded once it
	 * has taken place): the numerator is the minutes, the denominator the attendances. Shown in
	 * minutes ({@link FigureUnit#MINUTES}); the people pages show hours. No default target: the
	 * managers set one per period if they wish.
	 */
	static final class TrainingMinutes implements ComplianceFigure {

		private static final FigureDefinition DEFINITION = new FigureDefinition("people.training-hours", "4.6",
				FigureUnit.MINUTES, true, null, SCOPES);

		private final JdbcClient jdbc;

		private final ZoneId zone;

		private final MessageSource messages;

		TrainingMinutes(JdbcClient jdbc, ZoneId zone, MessageSource messages) {
			this.jdbc = jdbc;
			this.zone = zone;
			this.messages = messages;
		}

		@Override
		public FigureDefinition definition() {
			return DEFINITION;
		}

		@Override
		public List<DayCount> count(Instant from, Instant to) {
			Map<Scope, long[]> counts = new LinkedHashMap<>();
			jdbc.sql("""
					select a.staff_id, m.team_id, s.minutes from staff_training_attendance a
					join staff_training_session s on s.id = a.session_id join staff_member m on m.id = a.staff_id
					where s.held_on >= ? and s.held_on < ?""")
				.params(Date.valueOf(LocalDate.ofInstant(from, zone)), Date.valueOf(LocalDate.ofInstant(to, zone)))
				.query((rs, n) -> {
					add(counts, rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3), 1);
					return null;
				})
				.list();
			return days(counts);
		}

		@Override
		public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale) {
			return jdbc.sql("""
					select s.id, s.topic, s.held_on, s.minutes, m.display_name from staff_training_attendance a
					join staff_training_session s on s.id = a.session_id join staff_member m on m.id = a.staff_id
					where s.held_on >= ? and s.held_on < ?""" + where(scope) + " order by s.held_on, m.employee_no limit ?")
				.params(Date.valueOf(LocalDate.ofInstant(from, zone)), Date.valueOf(LocalDate.ofInstant(to, zone)), limit)
				.query((rs, n) -> new FigureRecord("training", rs.getString(5) + " · " + rs.getString(2),
						messages.getMessage("people.figure.training.detail", new Object[] { rs.getInt(4) }, locale),
						rs.getDate(3).toLocalDate().atStartOfDay(zone).toInstant(), "/people/training"))
				.list();
		}
	}

	/**
	 * The desk's people (agents and team leads, active) holding a valid certificate on the day: one
	 * case per person and day, kept when a certificate of his was issued on or before the day and
	 * ends on or after it. Target 100 % (4(三): certified staff).
	 */
	static final class CertificatesValid implements ComplianceFigure {

		private static final FigureDefinition DEFINITION = new FigureDefinition("people.certificates-valid", "4(三)",
				FigureUnit.PERCENT, true, BigDecimal.valueOf(100), SCOPES);

		private static final String PEOPLE = """
				select m.id, m.team_id, m.display_name, exists (select 1 from staff_certificate c where c.staff_id = m.id
				  and c.issued_on <= :day and c.expires_on >= :day) as valid
				from staff_member m where m.active and m.created_at < :end
				  and exists (select 1 from staff_member_role r where r.staff_id = m.id and r.role in ('AGENT', 'TEAM_LEAD'))""";

		private final JdbcClient jdbc;

		private final ZoneId zone;

		private final MessageSource messages;

		CertificatesValid(JdbcClient jdbc, ZoneId zone, MessageSource messages) {
			this.jdbc = jdbc;
			this.zone = zone;
			this.messages = messages;
		}

		@Override
		public FigureDefinition definition() {
			return DEFINITION;
		}

		@Override
		public List<DayCount> count(Instant from, Instant to) {
			Map<Scope, long[]> counts = new LinkedHashMap<>();
			LocalDate last = LocalDate.ofInstant(to, zone).minusDays(1);
			for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
				jdbc.sql(PEOPLE)
					.param("day", Date.valueOf(day))
					.param("end", java.sql.Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
					.query((rs, n) -> {
						add(counts, rs.getLong(1), rs.getObject(2, Long.class), rs.getBoolean(4) ? 1 : 0, 1);
						return null;
					})
					.list();
			}
			return days(counts);
		}

		@Override
		public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale) {
			LocalDate day = LocalDate.ofInstant(to, zone).minusDays(1);
			return jdbc.sql(PEOPLE + where(scope) + " order by 4, m.employee_no limit :limit")
				.param("day", Date.valueOf(day))
				.param("end", java.sql.Timestamp.from(to))
				.param("limit", limit)
				.query((rs, n) -> new FigureRecord("staff", rs.getString(3),
						messages.getMessage(rs.getBoolean(4) ? "people.figure.certificate.valid" : "people.figure.certificate.missing",
								null, locale),
						day.atStartOfDay(zone).toInstant(), "/people/staff/" + rs.getLong(1)))
				.list();
		}
	}
}
