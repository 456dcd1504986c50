package org.heatdesk.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Formatting helpers for the ticket pages ({@code ${tf}}): company-zone times, time left, tones. Public
 * for the policy page in {@code ticket.sla}.
 */
public record TicketFormat(ZoneId zone, Instant now) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final Duration AMBER = Duration.ofMinutes(30);

	public static TicketFormat of(ZoneId zone, Clock clock) {
		return new TicketFormat(zone, clock.instant());
	}

	public String time(Instant i) {
		return i == null ? "" : TIME.format(i.atZone(zone));
	}

	public boolean overdue(Instant due) {
		return due != null && due.isBefore(now);
	}

	/**
	 * The message key of the time between now and {@code due}, without sign: {@code ticket.span.days}
	 * beyond a day (超时 8天19:15), {@code ticket.span.hours} beyond an hour (2小时05分), else
	 * {@code ticket.span.minutes}; its arguments are {@link #spanArgs}.
	 */
	public String spanKey(Instant due) {
		Duration d = between(due);
		return d.toDays() > 0 ? "ticket.span.days" : d.toHours() > 0 ? "ticket.span.hours" : "ticket.span.minutes";
	}

	/** Days, hours and minutes (two digits) for {@link #spanKey}; the minutes alone below an hour. */
	public Object[] spanArgs(Instant due) {
		Duration d = between(due);
		String minutes = String.format("%02d", d.toMinutesPart());
		if (d.toDays() > 0) {
			return new Object[] { String.valueOf(d.toDays()), String.valueOf(d.toHoursPart()), minutes };
		}
		if (d.toHours() > 0) {
			return new Object[] { String.valueOf(d.toHours()), minutes };
		}
		return new Object[] { String.valueOf(d.toMinutes()) };
	}

	private Duration between(Instant due) {
		return due == null ? Duration.ZERO : Duration.between(now, due).abs();
	}

	/** {@code ok}, {@code warn} (within 30 minutes) or {@code bad} (passed); empty without a deadline. */
	public String tone(Instant due) {
		if (due == null) {
			return "";
		}
		if (due.isBefore(now)) {
			return "bad";
		}
		return Duration.between(now, due).compareTo(AMBER) <= 0 ? "warn" : "ok";
	}

	/** A phone as {@code 138****5678}. */
	public String masked(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone == null ? "" : "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}
}
