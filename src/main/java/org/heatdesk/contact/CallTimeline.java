package org.heatdesk.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Derives a call's figures from all of its events, whatever order they arrived in: the events are
 * sorted by time (ties in the order a call lives) and read once. Pure, so it is tested alone.
 */
final class CallTimeline {

	private CallTimeline() {
	}

	/** One stored event. */
	record Step(CtiEventType type, Instant at, String extension, String targetExtension, String caller, String dialled,
			String queue, String recordingUrl) {
	}

	/** What a call's events say about it. */
	record Facts(CallStatus status, String caller, String dialled, String queue, String ringingExtension,
			Instant firstRingAt, Instant answeredAt, Instant endedAt, Long ringMillis, Long talkMillis, long holdMillis,
			String answeredExtension, String currentExtension, int transfers, boolean abandoned, Boolean withinLimit,
			String recordingUrl, Instant lastEventAt) {
	}

	static final Comparator<Step> ORDER = Comparator.comparing(Step::at).thenComparing(s -> s.type().rank());

	/**
	 * @param steps every event of the call, in any order, without duplicates
	 * @param answerLimit the three-ring limit: a call answered within it counts as answered in time
	 * @param sweptAt when the sweep closed the call, or {@code null}
	 */
	static Facts derive(List<Step> steps, Duration answerLimit, Instant sweptAt) {
		return derive(steps, answerLimit, sweptAt, false);
	}

	/**
	 * @param outbound a call the agent makes: it is not offered to the center, so an end without an
	 *        answer is the customer not reached (status {@code ENDED}, not abandoned) and the three-ring
	 *        limit does not apply ({@code withinLimit} stays {@code null})
	 */
	static Facts derive(List<Step> steps, Duration answerLimit, Instant sweptAt, boolean outbound) {
		Facts f = inbound(steps, answerLimit, sweptAt);
		if (!outbound) {
			return f;
		}
		CallStatus status = f.status() == CallStatus.ABANDONED ? CallStatus.ENDED : f.status();
		return new Facts(status, f.caller(), f.dialled(), f.queue(), f.ringingExtension(), f.firstRingAt(),
				f.answeredAt(), f.endedAt(), f.ringMillis(), f.talkMillis(), f.holdMillis(), f.answeredExtension(),
				f.currentExtension(), f.transfers(), false, null, f.recordingUrl(), f.lastEventAt());
	}

	private static Facts inbound(List<Step> steps, Duration answerLimit, Instant sweptAt) {
		List<Step> sorted = steps.stream().sorted(ORDER).toList();
		String caller = null;
		String dialled = null;
		String queue = null;
		String ringingExt = null;
		Instant firstRing = null;
		Instant answered = null;
		String answeredExt = null;
		String currentExt = null;
		Instant ended = null;
		Instant abandonedAt = null;
		Instant heldSince = null;
		long hold = 0;
		int transfers = 0;
		String recording = null;
		Instant last = null;
		for (Step s : sorted) {
			last = s.at();
			caller = s.caller() != null ? s.caller() : caller;
			dialled = s.dialled() != null ? s.dialled() : dialled;
			queue = s.queue() != null ? s.queue() : queue;
			switch (s.type()) {
				case RINGING -> {
					if (firstRing == null) {
						firstRing = s.at();
					}
					if (answered == null && s.extension() != null) {
						ringingExt = s.extension();
					}
				}
				case ANSWERED -> {
					if (answered == null) {
						answered = s.at();
						answeredExt = s.extension();
					}
					currentExt = s.extension() != null ? s.extension() : currentExt;
				}
				case HELD -> {
					if (heldSince == null) {
						heldSince = s.at();
					}
				}
				case RESUMED -> {
					if (heldSince != null) {
						hold += Duration.between(heldSince, s.at()).toMillis();
						heldSince = null;
					}
				}
				case TRANSFERRED -> {
					transfers++;
					if (s.targetExtension() != null) {
						currentExt = s.targetExtension();
					}
				}
				case ENDED -> {
					if (ended == null || s.at().isAfter(ended)) {
						ended = s.at();
					}
				}
				case ABANDONED -> {
					if (abandonedAt == null) {
						abandonedAt = s.at();
					}
				}
				case RECORDING_READY -> recording = s.recordingUrl() != null ? s.recordingUrl() : recording;
			}
		}
		// the first event seen stands in for the ring when the switch never sent RINGING
		Instant start = firstRing != null ? firstRing : sorted.isEmpty() ? null : sorted.get(0).at();
		Instant end = ended != null ? ended : abandonedAt;
		if (heldSince != null && end != null) {
			hold += Duration.between(heldSince, end).toMillis();
		}
		boolean abandoned = answered == null && end != null;
		Long ringMillis = null;
		if (answered != null) {
			ringMillis = Duration.between(start, answered).toMillis();
		}
		else if (abandoned) {
			ringMillis = Duration.between(start, end).toMillis();
		}
		Long talkMillis = null;
		if (answered != null && end != null) {
			talkMillis = Math.max(0, Duration.between(answered, end).toMillis() - hold);
		}
		Boolean within = null;
		if (answered != null) {
			within = ringMillis <= answerLimit.toMillis();
		}
		else if (abandoned) {
			within = Boolean.FALSE;
		}
		CallStatus status;
		if (end != null) {
			status = answered != null ? CallStatus.ENDED : CallStatus.ABANDONED;
		}
		else if (sweptAt != null) {
			status = CallStatus.SWEPT;
		}
		else {
			status = answered != null ? CallStatus.TALKING : CallStatus.RINGING;
		}
		if (status == CallStatus.SWEPT && answered != null && talkMillis == null) {
			talkMillis = Math.max(0, Duration.between(answered, last).toMillis() - hold);
		}
		return new Facts(status, caller, dialled, queue, ringingExt, start, answered, end, ringMillis, talkMillis, hold,
				answeredExt, currentExt, transfers, abandoned, within, recording, last);
	}
}
