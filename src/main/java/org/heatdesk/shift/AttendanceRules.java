package org.heatdesk.shift;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Lateness, early leaving and away time of one rostered shift, pure: from the person's clock-in and
 * clock-out and the presence periods in which he was away (5.9, 5.11, 8.1–8.2). Away time counts
 * only while he was at work (between his clock-in, or the start, and his clock-out, or the end);
 * breaks and meals count against the allowed breaks, training and meetings are work, any other
 * reason counts in full. Minutes are whole minutes, rounded down.
 */
final class AttendanceRules {

	/** Reasons of an away period that count against the allowed breaks. */
	static final List<String> BREAKS = List.of("BREAK", "MEAL");

	/** Reasons of an away period that are work, not absence from the post. */
	static final List<String> EXCUSED = List.of("TRAINING", "MEETING");

	record Away(String reason, Instant from, Instant to) {
	}

	/**
	 * @param clockIn the first clock-in for the shift, {@code null} if none
	 * @param clockOut the last clock-out, {@code null} while clocked in or never clocked in
	 * @param absent the shift ended without a clock-in
	 * @param breakMinutes away for a break or a meal during the shift
	 * @param otherAwayMinutes away for another reason
	 * @param awayBeyondMinutes away time beyond the allowed breaks (what counts against the person)
	 */
	record Result(Instant clockIn, Instant clockOut, boolean started, boolean late, long lateMinutes, boolean early,
			long earlyMinutes, boolean absent, long breakMinutes, long otherAwayMinutes, long awayBeyondMinutes) {
	}

	private AttendanceRules() {
	}

	static Result compute(Instant start, Instant end, Instant clockIn, Instant clockOut, List<Away> away,
			Duration allowedBreak, Duration lateGrace, Instant now) {
		boolean started = !now.isBefore(start);
		if (!started) {
			return new Result(clockIn, clockOut, false, false, 0, false, 0, false, 0, 0, 0);
		}
		boolean ended = !now.isBefore(end);
		long late = 0;
		boolean absent = false;
		if (clockIn == null) {
			absent = ended;
			late = ended ? 0 : Duration.between(start, now).toMinutes();
		}
		else if (clockIn.isAfter(start.plus(lateGrace))) {
			late = Duration.between(start, clockIn).toMinutes();
		}
		long early = 0;
		if (clockIn != null && clockOut != null && clockOut.isBefore(end)) {
			early = Duration.between(clockOut, end).toMinutes();
		}
		long breakSeconds = 0;
		long otherSeconds = 0;
		if (clockIn != null) {
			Instant from = clockIn.isAfter(start) ? clockIn : start;
			Instant until = clockOut != null ? clockOut : now;
			if (until.isAfter(end)) {
				until = end;
			}
			for (Away a : away) {
				Instant f = a.from().isAfter(from) ? a.from() : from;
				Instant t = a.to() == null ? now : a.to();
				if (t.isAfter(until)) {
					t = until;
				}
				if (!t.isAfter(f) || EXCUSED.contains(a.reason())) {
					continue;
				}
				long s = Duration.between(f, t).toSeconds();
				if (BREAKS.contains(a.reason())) {
					breakSeconds += s;
				}
				else {
					otherSeconds += s;
				}
			}
		}
		long breakMinutes = breakSeconds / 60;
		long otherMinutes = otherSeconds / 60;
		long beyond = Math.max(0, breakMinutes - allowedBreak.toMinutes()) + otherMinutes;
		return new Result(clockIn, clockOut, true, late > 0, late, early > 0, early, absent, breakMinutes, otherMinutes,
				beyond);
	}
}
