package org.heatdesk.ticket.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.TicketScope;
import org.heatdesk.ticket.TicketType;

/**
 * One version of the deadline policy: a calendar and rules per type, category, priority and scope.
 * The most specific matching rule wins (category, then priority, then scope). Pure.
 * @param remindMinutes how long before a deadline its reminder goes out; shorter than every timed limit
 */
public record SlaPolicy(long id, int version, String note, MonthDay seasonStart, MonthDay seasonEnd, LocalTime workStart,
		LocalTime workEnd, Set<DayOfWeek> workDays, String createdBy, Instant createdAt, List<Rule> rules,
		int remindMinutes) {

	/** A rule; {@code null} criteria match anything, {@code null} limits set no deadline. */
	public record Rule(TicketType type, Long categoryId, Priority priority, TicketScope scope, String dispatchLimit,
			String respondLimit, String onSiteLimit, String resolveLimit) {

		int specificity(Long category, Long parentCategory) {
			int s = 0;
			if (categoryId != null) {
				s += categoryId.equals(category) ? 8 : 4;
			}
			if (priority != null) {
				s += 2;
			}
			if (scope != null) {
				s += 1;
			}
			return s;
		}

		boolean matches(TicketType t, Long category, Long parentCategory, Priority p, TicketScope sc) {
			return type == t && (categoryId == null || categoryId.equals(category) || categoryId.equals(parentCategory))
					&& (priority == null || priority == p) && (scope == null || scope == sc);
		}
	}

	public SlaCalendar calendar(ZoneId zone) {
		return new SlaCalendar(seasonStart, seasonEnd, workStart, workEnd, workDays, zone);
	}

	/** The rule that applies, or {@code null} when none does. */
	public Rule ruleFor(TicketType type, Long category, Long parentCategory, Priority priority, TicketScope scope) {
		return rules.stream()
			.filter(r -> r.matches(type, category, parentCategory, priority, scope))
			.max(Comparator.comparingInt(r -> r.specificity(category, parentCategory)))
			.orElse(null);
	}

	/** The deadlines of a ticket recorded at {@code recordedAt}. */
	public Deadlines deadlines(TicketType type, Long category, Long parentCategory, Priority priority, TicketScope scope,
			Instant recordedAt, ZoneId zone) {
		Rule rule = ruleFor(type, category, parentCategory, priority, scope);
		if (rule == null) {
			return new Deadlines(null, null, null, null);
		}
		SlaCalendar calendar = calendar(zone);
		return new Deadlines(due(rule.dispatchLimit(), recordedAt, calendar), due(rule.respondLimit(), recordedAt, calendar),
				due(rule.onSiteLimit(), recordedAt, calendar), due(rule.resolveLimit(), recordedAt, calendar));
	}

	private static Instant due(String limit, Instant start, SlaCalendar calendar) {
		Limit l = Limit.parse(limit);
		return l == null ? null : l.from(start, calendar);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof SlaPolicy p && p.id == id;
	}

	@Override
	public int hashCode() {
		return Objects.hash(id);
	}
}
