package org.heatdesk.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formatting helpers for the ticket pages ({@code ${tf}}): company-zone times, time left, tones. */
record TicketFormat(ZoneId zone, Instant now) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final Duration AMBER = Duration.ofMinutes(30);

	static TicketFormat of(ZoneId zone, Clock clock) {
		return new TicketFormat(zone, clock.instant());
	}

	public String time(Instant i) {
		return i == null ? "" : TIME.format(i.atZone(zone));
	}

	public boolean overdue(Instant due) {
		return due != null && due.isBefore(now);
	}

	/** The time between now and {@code due} as {@code h:mm} (or {@code Nd h:mm} beyond a day), without sign. */
	public String span(Instant due) {
		if (due == null) {
			return "";
		}
		Duration d = Duration.between(now, due).abs();
		long days = d.toDays();
		String hm = d.toHoursPart() + ":" + String.format("%02d", d.toMinutesPart());
		return days > 0 ? days + "d " + hm : hm;
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
