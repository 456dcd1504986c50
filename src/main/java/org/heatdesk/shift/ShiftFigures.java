package org.heatdesk.shift;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shift module's figures of the compliance report: hand-overs on time (7(七)), late arrivals
 * (5.9) and minutes away beyond the breaks (5.11). Each counts a shift on the day it started.
 */
@Configuration(proxyBeanMethods = false)
class ShiftFigures {

	@Bean
	ComplianceFigure shiftHandoversOnTime(ReportingReads reads, Rosters rosters, MessageSource messages) {
		return new HandoversOnTime(reads, rosters, messages);
	}

	@Bean
	ComplianceFigure shiftLateArrivals(Rosters rosters, Attendance attendance, MessageSource messages) {
		return new AttendanceFigure(new FigureDefinition("shift.late-arrivals", "5.9", FigureUnit.COUNT, false, BigDecimal.ZERO,
				Set.of(ScopeKind.COMPANY, ScopeKind.TEAM, ScopeKind.AGENT)), rosters, attendance, messages, true);
	}

	@Bean
	ComplianceFigure shiftAwayMinutes(Rosters rosters, Attendance attendance, MessageSource messages) {
		return new AttendanceFigure(new FigureDefinition("shift.away-minutes", "5.11", FigureUnit.MINUTES, false, BigDecimal.ZERO,
				Set.of(ScopeKind.COMPANY, ScopeKind.TEAM, ScopeKind.AGENT)), rosters, attendance, messages, false);
	}

	/** Hand-overs into the shifts starting that day: opened ≥ 15 minutes before the start and signed by both by the start. */
	static final class HandoversOnTime implements ComplianceFigure {

		private final ReportingReads reads;

		private final Rosters rosters;

		private final MessageSource messages;

		HandoversOnTime(ReportingReads reads, Rosters rosters, MessageSource messages) {
			this.reads = reads;
			this.rosters = rosters;
			this.messages = messages;
		}

		@Override
		public FigureDefinition definition() {
			return new FigureDefinition("shift.handovers-on-time", "7(七)", FigureUnit.PERCENT, true, new BigDecimal("100"),
					Set.of(ScopeKind.COMPANY, ScopeKind.TEAM));
		}

		@Override
		public List<DayCount> count(Instant from, Instant to) {
			long lead = rosters.settings().handoverLead().toSeconds();
			List<DayCount> out = new ArrayList<>();
			long[] company = new long[2];
			reads.jdbc().sql("""
					select team_id, count(*) filter (where opened_at <= shift_starts_at - make_interval(secs => ?)
					                                 and signed_at <= shift_starts_at), count(*)
					from shift_handover where shift_starts_at >= ? and shift_starts_at < ? group by team_id order by team_id""")
				.params(lead, Timestamp.from(from), Timestamp.from(to))
				.query((rs, n) -> {
					out.add(DayCount.of(Scope.team(rs.getLong(1)), rs.getLong(2), rs.getLong(3)));
					company[0] += rs.getLong(2);
					company[1] += rs.getLong(3);
					return 1;
				})
				.list();
			if (company[1] > 0) {
				out.add(0, DayCount.of(Scope.COMPANY, company[0], company[1]));
			}
			return out;
		}

		@Override
		public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale) {
			long lead = rosters.settings().handoverLead().toSeconds();
			DateTimeFormatter f = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(rosters.zone());
			return reads.jdbc().sql("""
					select h.id, t.name, h.shift_starts_at, h.status, h.escalated_at is not null,
					       (h.opened_at <= h.shift_starts_at - make_interval(secs => :lead) and h.signed_at <= h.shift_starts_at) as on_time
					from shift_handover h left join staff_team t on t.id = h.team_id
					where h.shift_starts_at >= :from and h.shift_starts_at < :to and (:team = 0 or h.team_id = :team)
					order by on_time nulls first, h.shift_starts_at limit :limit""")
				.param("lead", lead)
				.param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.param("team", scope.kind() == ScopeKind.TEAM ? scope.id() : 0L)
				.param("limit", limit)
				.query((rs, n) -> {
					Instant start = rs.getTimestamp(3).toInstant();
					String status = messages.getMessage("shift.handover.status." + rs.getString(4), null, rs.getString(4), locale);
					String detail = status + (rs.getBoolean(5) ? " · " + messages.getMessage("shift.handover.escalated", null, locale) : "")
							+ (rs.getBoolean(6) ? " · " + messages.getMessage("shift.handover.onTime", null, locale)
									: " · " + messages.getMessage("shift.handover.late", null, locale));
					return new FigureRecord("HANDOVER", rs.getString(2) + " " + f.format(start), detail, start,
							"/shift/handovers/" + rs.getLong(1));
				})
				.list();
		}
	}

	/** Late arrivals (a count of shifts) or minutes away beyond the breaks, from {@link Attendance}. */
	static final class AttendanceFigure implements ComplianceFigure {

		private final FigureDefinition definition;

		private final Rosters rosters;

		private final Attendance attendance;

		private final MessageSource messages;

		private final boolean lateness;

		AttendanceFigure(FigureDefinition definition, Rosters rosters, Attendance attendance, MessageSource messages,
				boolean lateness) {
			this.definition = definition;
			this.rosters = rosters;
			this.attendance = attendance;
			this.messages = messages;
			this.lateness = lateness;
		}

		@Override
		public FigureDefinition definition() {
			return definition;
		}

		private List<Attendance.ShiftLine> lines(Instant from, Instant to) {
			Instant now = rosters.clock().instant();
			// the shifts that started in the day, each counted once its start has passed
			List<Rosters.RosterEntry> started = rosters.between(from, to.plus(Duration.ofDays(1))).stream()
				.filter(e -> !e.startsAt().isBefore(from) && e.startsAt().isBefore(to) && !e.startsAt().isAfter(now))
				.toList();
			return attendance.lines(started, now);
		}

		private long value(AttendanceRules.Result r) {
			return lateness ? (r.late() || r.absent() ? 1 : 0) : r.awayBeyondMinutes();
		}

		@Override
		public List<DayCount> count(Instant from, Instant to) {
			List<Attendance.ShiftLine> lines = lines(from, to);
			if (lines.isEmpty()) {
				return List.of();
			}
			Map<Scope, long[]> sums = new HashMap<>();
			for (Attendance.ShiftLine l : lines) {
				long v = value(l.result());
				for (Scope s : List.of(Scope.COMPANY, Scope.team(l.entry().teamId()), Scope.agent(l.entry().staffId()))) {
					long[] c = sums.computeIfAbsent(s, k -> new long[2]);
					c[0] += v;
					c[1] += 1;
				}
			}
			return sums.entrySet().stream()
				.sorted(Comparator.comparing((Map.Entry<Scope, long[]> e) -> e.getKey().kind()).thenComparing(e -> e.getKey().id()))
				.map(e -> DayCount.of(e.getKey(), e.getValue()[0], e.getValue()[1]))
				.toList();
		}

		@Override
		public List<FigureRecord> records(Instant from, Instant to, Scope scope, int limit, Locale locale) {
			DateTimeFormatter f = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(rosters.zone());
			return lines(from, to).stream()
				.filter(l -> switch (scope.kind()) {
					case TEAM -> l.entry().teamId() == scope.id();
					case AGENT -> l.entry().staffId() == scope.id();
					default -> true;
				})
				.sorted(Comparator.comparing((Attendance.ShiftLine l) -> -value(l.result())).thenComparing(l -> l.entry().startsAt()))
				.limit(limit)
				.map(l -> {
					AttendanceRules.Result r = l.result();
					String detail = lateness
							? (r.absent() ? messages.getMessage("shift.attendance.col.absent", null, locale)
									: messages.getMessage("shift.attendance.col.lateMinutes", null, locale) + " " + r.lateMinutes())
							: messages.getMessage("shift.attendance.col.away", null, locale) + " " + r.awayBeyondMinutes();
					String kind = messages.getMessage("shift.kind." + l.entry().kind(), null, locale);
					return new FigureRecord("SHIFT", l.entry().staffName() + " " + kind + " " + f.format(l.entry().startsAt()),
							detail, l.entry().startsAt(), "/shift/attendance?team=" + l.entry().teamId() + "&month="
									+ java.time.YearMonth.from(l.entry().startsAt().atZone(rosters.zone())));
				})
				.toList();
		}
	}
}
