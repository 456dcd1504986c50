package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.PropertyChecks.forAll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


import org.junit.jupiter.api.Test;

class CallTimelineTests {

	static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

	static final Duration LIMIT = Duration.ofSeconds(15);

	static CallTimeline.Step step(CtiEventType type, long second, String ext) {
		return new CallTimeline.Step(type, T0.plusSeconds(second), ext, null, "13900001111", "96123", null, null);
	}

	static List<CallTimeline.Step> normal() {
		return List.of(step(CtiEventType.RINGING, 0, "8001"), step(CtiEventType.ANSWERED, 8, "8001"),
				step(CtiEventType.HELD, 20, "8001"), step(CtiEventType.RESUMED, 30, "8001"),
				step(CtiEventType.ENDED, 68, "8001"),
				new CallTimeline.Step(CtiEventType.RECORDING_READY, T0.plusSeconds(70), null, null, null, null, null,
						"https://pbx.example/rec/1.wav"));
	}

	@Test
	void normalCallHasRingTalkAndHoldTimes() {
		CallTimeline.Facts f = CallTimeline.derive(normal(), LIMIT, null);
		assertThat(f.status()).isEqualTo(CallStatus.ENDED);
		assertThat(f.ringMillis()).isEqualTo(8_000);
		assertThat(f.holdMillis()).isEqualTo(10_000);
		// 68 s from answer to end, less 10 s on hold
		assertThat(f.talkMillis()).isEqualTo(50_000);
		assertThat(f.answeredExtension()).isEqualTo("8001");
		assertThat(f.withinLimit()).isTrue();
		assertThat(f.abandoned()).isFalse();
		assertThat(f.recordingUrl()).isEqualTo("https://pbx.example/rec/1.wav");
	}

	@Test
	void ringingCallHasNoFiguresYet() {
		var f = CallTimeline.derive(List.of(step(CtiEventType.RINGING, 0, "8001")), LIMIT, null);
		assertThat(f.status()).isEqualTo(CallStatus.RINGING);
		assertThat(f.ringingExtension()).isEqualTo("8001");
		assertThat(f.ringMillis()).isNull();
		assertThat(f.withinLimit()).isNull();
	}

	@Test
	void threeRingLimitIsInclusive() {
		var atLimit = CallTimeline.derive(List.of(step(CtiEventType.RINGING, 0, "8001"),
				step(CtiEventType.ANSWERED, 15, "8001")), LIMIT, null);
		assertThat(atLimit.withinLimit()).isTrue();
		var late = CallTimeline.derive(List.of(step(CtiEventType.RINGING, 0, "8001"),
				new CallTimeline.Step(CtiEventType.ANSWERED, T0.plusMillis(15_001), "8001", null, null, null, null, null)),
				LIMIT, null);
		assertThat(late.withinLimit()).isFalse();
		assertThat(late.ringMillis()).isEqualTo(15_001);
	}

	@Test
	void unansweredCallThatEndsIsAbandoned() {
		var f = CallTimeline.derive(List.of(step(CtiEventType.RINGING, 0, null), step(CtiEventType.ABANDONED, 25, null)),
				LIMIT, null);
		assertThat(f.status()).isEqualTo(CallStatus.ABANDONED);
		assertThat(f.abandoned()).isTrue();
		assertThat(f.withinLimit()).isFalse();
		assertThat(f.ringMillis()).isEqualTo(25_000);
		assertThat(f.talkMillis()).isNull();
	}

	@Test
	void transferMovesTheCallToTheTarget() {
		var f = CallTimeline.derive(List.of(step(CtiEventType.RINGING, 0, "8002"), step(CtiEventType.ANSWERED, 5, "8002"),
				new CallTimeline.Step(CtiEventType.TRANSFERRED, T0.plusSeconds(30), "8002", "8003", null, null, null, null),
				step(CtiEventType.ENDED, 90, "8003")), LIMIT, null);
		assertThat(f.transfers()).isEqualTo(1);
		assertThat(f.answeredExtension()).isEqualTo("8002");
		assertThat(f.currentExtension()).isEqualTo("8003");
		assertThat(f.talkMillis()).isEqualTo(85_000);
	}

	@Test
	void sweptCallWithoutEndIsMarked() {
		var f = CallTimeline.derive(List.of(step(CtiEventType.RINGING, 0, "8001"), step(CtiEventType.ANSWERED, 4, "8001")),
				LIMIT, T0.plusSeconds(7200));
		assertThat(f.status()).isEqualTo(CallStatus.SWEPT);
		assertThat(f.endedAt()).isNull();
	}

	@Test
	void orderAndRepetitionDoNotMatter() {
		forAll(200, generator -> {
			List<CallTimeline.Step> steps = new ArrayList<>(normal());
			java.util.Random random = new java.util.Random(generator.nextLong());
			int repeats = generator.nextInt(7);
			for (int i = 0; i < repeats; i++) {
				steps.add(steps.get(random.nextInt(steps.size())));
			}
			java.util.Collections.shuffle(steps, random);
			// the store drops exact repeats through its unique key; the derivation sees each event once
			List<CallTimeline.Step> stored = steps.stream().distinct().toList();
			assertThat(CallTimeline.derive(stored, LIMIT, null)).isEqualTo(CallTimeline.derive(normal(), LIMIT, null));
		});
	}

	@Test
	void anOutboundCallNotAnsweredIsEndedNotAbandonedAndOutsideTheThreeRingFigure() {
		var notReached = CallTimeline.derive(List.of(step(CtiEventType.RINGING, 0, "8001"), step(CtiEventType.ENDED, 25, "8001")),
				LIMIT, null, true);
		assertThat(notReached.status()).isEqualTo(CallStatus.ENDED);
		assertThat(notReached.abandoned()).isFalse();
		assertThat(notReached.withinLimit()).isNull();
		assertThat(notReached.answeredAt()).isNull();
		// the same events inbound: a caller who gave up after 25 s
		var gaveUp = CallTimeline.derive(List.of(step(CtiEventType.RINGING, 0, "8001"), step(CtiEventType.ENDED, 25, "8001")),
				LIMIT, null, false);
		assertThat(gaveUp.status()).isEqualTo(CallStatus.ABANDONED);
		assertThat(gaveUp.abandoned()).isTrue();
		assertThat(gaveUp.withinLimit()).isFalse();
		// answered after 20 s (over the limit for an inbound call): talk 8 → 68 less 10 s hold = 50 s
		var answered = CallTimeline.derive(normal(), LIMIT, null, true);
		assertThat(answered.status()).isEqualTo(CallStatus.ENDED);
		assertThat(answered.talkMillis()).isEqualTo(50_000L);
		assertThat(answered.withinLimit()).isNull();
		assertThat(answered.recordingUrl()).isEqualTo("https://pbx.example/rec/1.wav");
	}
}
