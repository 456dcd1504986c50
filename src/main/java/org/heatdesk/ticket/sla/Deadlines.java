package org.heatdesk.ticket.sla;

import java.time.Instant;

/** The computed deadline of each mark, or {@code null} where the policy sets none. */
public record Deadlines(Instant dispatch, Instant respond, Instant onSite, Instant resolve) {

	/** The deadlines after a pause: the counting time left at {@code pausedAt} runs again from {@code resumedAt}. */
	public Deadlines resumed(Instant pausedAt, Instant resumedAt, SlaCalendar calendar) {
		return new Deadlines(shift(dispatch, pausedAt, resumedAt, calendar), shift(respond, pausedAt, resumedAt, calendar),
				shift(onSite, pausedAt, resumedAt, calendar), shift(resolve, pausedAt, resumedAt, calendar));
	}

	private static Instant shift(Instant due, Instant pausedAt, Instant resumedAt, SlaCalendar calendar) {
		if (due == null || !due.isAfter(pausedAt)) {
			return due;
		}
		return calendar.plus(resumedAt, calendar.between(pausedAt, due));
	}
}
