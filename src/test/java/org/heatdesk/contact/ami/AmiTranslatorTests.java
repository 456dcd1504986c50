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
}
