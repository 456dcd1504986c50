package org.heatdesk.ticket.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit to a mark as written in the policy: {@code 15m}, {@code 8h} (counting time), {@code EOD}
 * (the end of the same counting day, 当天) or {@code 3d} (the end of the third counting day after).
 */
public record Limit(Duration duration, Integer days) {

	private static final Pattern FORMAT = Pattern.compile("(\\d{1,5})([mhd])");

	public static Limit parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		if (t.equalsIgnoreCase("EOD")) {
			return new Limit(null, 0);
		}
		Matcher m = FORMAT.matcher(t.toLowerCase(java.util.Locale.ROOT));
		if (!m.matches()) {
			throw new IllegalArgumentException(text);
		}
		int n = Integer.parseInt(m.group(1));
		return switch (m.group(2)) {
			case "m" -> new Limit(Duration.ofMinutes(n), null);
			case "h" -> new Limit(Duration.ofHours(n), null);
			default -> new Limit(null, n);
		};
	}

	public static boolean valid(String text) {
		try {
			parse(text);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	public Instant from(Instant start, SlaCalendar calendar) {
		return duration != null ? calendar.plus(start, duration) : calendar.endOfCountingDay(start, days);
	}
}
