package org.heatdesk.contact.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AmiTranslatorTests {

	final AmiTranslator translator = new AmiTranslator("hotline");

	final Instant now = Instant.parse("2026-11-27T03:00:00Z");

	@Test
	void extensionIsReadFromTheChannelName() {
		assertThat(AmiTranslator.extension("PJSIP/8001-0000002a")).isEqualTo("8001");
		assertThat(AmiTranslator.extension("SIP/8100-00000001")).isEqualTo("8100");
		assertThat(AmiTranslator.extension("PJSIP/trunk-00000001")).isNull();
		assertThat(AmiTranslator.extension(null)).isNull();
	}

	@Test
	void timestampWithMicrosecondsBecomesTheEventTime() {
		var events = translator.translate(Map.of("Event", "Hangup", "Uniqueid", "1.1", "Linkedid", "1.1",
				"Timestamp", "1764212400.250000"), now);
		assertThat(events).singleElement().satisfies(e -> {
			assertThat(e.type()).isEqualTo("ENDED");
			assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1764212400L, 250_000_000L));
		});
		var noStamp = translator.translate(Map.of("Event", "Hangup", "Uniqueid", "1.1", "Linkedid", "1.1"), now);
		assertThat(noStamp.get(0).time()).isEqualTo(now);
	}

	@Test
	void agentLegsAndOtherEventsSayNothing() {
		assertThat(translator.translate(Map.of("Event", "Hangup", "Uniqueid", "1.2", "Linkedid", "1.1"), now)).isEmpty();
		assertThat(translator.translate(Map.of("Event", "Newchannel", "Uniqueid", "1.2", "Linkedid", "1.1",
				"Channel", "PJSIP/8001-00000002"), now)).isEmpty();
		assertThat(translator.translate(Map.of("Event", "BridgeEnter", "Uniqueid", "1.1", "Linkedid", "1.1",
				"Channel", "PJSIP/trunk-00000001"), now)).isEmpty();
		assertThat(translator.translate(Map.of("Event", "VarSet", "Uniqueid", "1.1"), now)).isEmpty();
		assertThat(translator.translate(Map.of("Response", "Success"), now)).isEmpty();
	}

	@Test
	void dialBeginFallsBackToTheDialString() {
		var events = translator.translate(Map.of("Event", "DialBegin", "Uniqueid", "1.1", "Linkedid", "1.1",
				"DestChannel", "Local/queue@agents-0001;1", "DialString", "PJSIP/8004", "CallerIDNum", "13800001234"), now);
		assertThat(events).singleElement().satisfies(e -> {
			assertThat(e.type()).isEqualTo("RINGING");
			assertThat(e.extension()).isEqualTo("8004");
			assertThat(e.callId()).isEqualTo("1.1");
		});
	}

	@Test
	void aCallFromAnAgentsPhoneIsOutboundFromTheMomentTheCustomersPhoneRings() {
		String call = "1764212400.77";
		// Originate rings the agent's phone first: nothing to report yet
		assertThat(translator.translate(Map.of("Event", "Newchannel", "Uniqueid", call, "Linkedid", call,
				"Channel", "PJSIP/8002-00000010", "Exten", "s", "Timestamp", "1764212400.000000"), now)).isEmpty();
		// picked up, the dialplan dials the customer through the trunk
		var rang = translator.translate(Map.of("Event", "DialBegin", "Uniqueid", call, "Linkedid", call,
				"Channel", "PJSIP/8002-00000010", "DestChannel", "PJSIP/trunk-00000011", "DialString",
				"PJSIP/013805311234@trunk", "Timestamp", "1764212404.000000"), now);
		assertThat(rang).singleElement().satisfies(e -> {
			assertThat(e.type()).isEqualTo("RINGING");
			assertThat(e.outbound()).isTrue();
			assertThat(e.extension()).isEqualTo("8002");
			assertThat(e.dialled()).isEqualTo("013805311234");
			assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1764212404L));
		});
		// the customer picks up: both legs enter the bridge, the agent's one is the answer
		assertThat(translator.translate(Map.of("Event", "BridgeEnter", "Uniqueid", call + "1", "Linkedid", call,
				"Channel", "PJSIP/trunk-00000011"), now)).isEmpty();
		assertThat(translator.translate(Map.of("Event", "BridgeEnter", "Uniqueid", call, "Linkedid", call,
				"Channel", "PJSIP/8002-00000010", "Timestamp", "1764212410.000000"), now))
			.singleElement().satisfies(e -> {
				assertThat(e.type()).isEqualTo("ANSWERED");
				assertThat(e.extension()).isEqualTo("8002");
				assertThat(e.outbound()).isTrue();
			});
		assertThat(translator.translate(Map.of("Event", "Hangup", "Uniqueid", call + "1", "Linkedid", call,
				"Channel", "PJSIP/trunk-00000011"), now)).isEmpty();
		assertThat(translator.translate(Map.of("Event", "Hangup", "Uniqueid", call, "Linkedid", call,
				"Channel", "PJSIP/8002-00000010", "Timestamp", "1764212470.000000"), now))
			.singleElement().satisfies(e -> {
				assertThat(e.type()).isEqualTo("ENDED");
				assertThat(e.extension()).isEqualTo("8002");
			});
	}

	@Test
	void anOriginatedCallTheAgentNeverPickedUpIsNotReported() {
		String call = "1764212500.5";
		assertThat(translator.translate(Map.of("Event", "Newchannel", "Uniqueid", call, "Linkedid", call,
				"Channel", "PJSIP/8002-00000020"), now)).isEmpty();
		assertThat(translator.translate(Map.of("Event", "Hangup", "Uniqueid", call, "Linkedid", call,
				"Channel", "PJSIP/8002-00000020"), now)).isEmpty();
		// an inbound call after it is still an inbound call
		assertThat(translator.translate(Map.of("Event", "Newchannel", "Uniqueid", "9.9", "Linkedid", "9.9",
				"Channel", "PJSIP/trunk-00000021", "CallerIDNum", "13800001234", "Exten", "96123"), now))
			.singleElement().satisfies(e -> {
				assertThat(e.outbound()).isFalse();
				assertThat(e.queue()).isEqualTo("hotline");
			});
	}

	@Test
	void theCustomersNumberIsTheLastLongRunOfDigitsInTheDialString() {
		assertThat(AmiTranslator.number("PJSIP/13805311234@trunk")).isEqualTo("13805311234");
		assertThat(AmiTranslator.number("SIP/trunk2/905318888123")).isEqualTo("905318888123");
		assertThat(AmiTranslator.number("PJSIP/8004")).isNull();
		assertThat(AmiTranslator.number(null)).isNull();
	}
}
