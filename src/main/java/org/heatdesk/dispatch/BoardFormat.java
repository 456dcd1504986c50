package org.heatdesk.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times and deadlines on the board and the workload view ({@code ${bf}}): company-zone times, time left, tones. */
record BoardFormat(ZoneId zone, Instant now) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	/** A deadline within this turns amber. */
	private static final Duration AMBER = Duration.ofMinutes(30);

	public String time(Instant i) {
		return i == null ? "" : TIME.format(i.atZone(zone));
	}

	public boolean overdue(Instant due) {
		return due != null && due.isBefore(now);
	}

	/** The key of the span between now and {@code due}: days and hours, hours and minutes, or minutes. */
	public String spanKey(Instant due) {
		Duration d = between(due);
		return d.toDays() > 0 ? "dispatch.board.span.days"
				: d.toHours() > 0 ? "dispatch.board.span.hours" : "dispatch.board.span.minutes";
	}

	public Object[] spanArgs(Instant due) {
		Duration d = between(due);
		if (d.toDays() > 0) {
			return new Object[] { String.valueOf(d.toDays()), String.valueOf(d.toHoursPart()) };
		}
		if (d.toHours() > 0) {
			return new Object[] { String.valueOf(d.toHours()), String.format("%02d", d.toMinutesPart()) };
		}
		return new Object[] { String.valueOf(d.toMinutes()) };
	}

	/** {@code bad} when passed, {@code warn} within 30 minutes, else {@code ok}; empty without a deadline. */
	public String tone(Instant due) {
		if (due == null) {
			return "";
		}
		return due.isBefore(now) ? "bad" : due.isBefore(now.plus(AMBER)) ? "warn" : "ok";
	}

	private Duration between(Instant due) {
		return due == null ? Duration.ZERO : Duration.between(now, due).abs();
	}
}
