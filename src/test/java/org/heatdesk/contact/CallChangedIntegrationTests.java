package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.LiveUpdates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A call's change reaches the desk it rang at through the one live-update service, whichever door
 * changed it: the switch's REST API pops the caller and tells the status once answered, and the
 * sweep closing a call whose end never came tells the desk {@code SWEPT} — without any of them
 * calling the desk's push.
 */
@HeatDeskTest
class CallChangedIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LiveUpdates live;

	@Autowired
	CallSweep sweep;

	@Test
	void theApiAndTheSweepBothReachTheDeskTheCallRangAt() {
		String agent = jdbc.sql("select username from staff_member where extension = '8001'").query(String.class).single();
		List<LiveUpdates.Update> heard = new CopyOnWriteArrayList<>();
		Runnable end = live.subscribe("desk:" + agent, heard::add);
		try {
			CtiClient cti = CtiClient.create(port, jdbc);
			String switchId = "CC-" + UUID.randomUUID();
			Instant t0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
			assertThat(cti.post("[" + CtiClient.event(switchId, "RINGING", t0, "8001") + ","
					+ CtiClient.event(switchId, "ANSWERED", t0.plusSeconds(6), "8001") + "]").statusCode()).isEqualTo(200);
			long callId = jdbc.sql("select id from contact_call where switch_call_id = ?").param(switchId).query(Long.class).single();

			assertThat(heard).contains(
					new LiveUpdates.Update("desk:" + agent, "pop", "{\"callId\":" + callId + ",\"switchCallId\":\"" + switchId + "\"}"));
			assertThat(heard).filteredOn(u -> about(u, callId))
				.singleElement()
				.satisfies(u -> assertThat(u.payload()).contains("\"status\":\"TALKING\""));

			heard.clear();
			sweep.sweep(Instant.now());
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(heard)
				.filteredOn(u -> about(u, callId))
				.singleElement()
				.satisfies(u -> assertThat(u.payload()).contains("\"status\":\"SWEPT\"")));
		}
		finally {
			end.run();
		}
	}

	/** A {@code call} event for {@code callId} (the payload's fields may come in any order). */
	private static boolean about(LiveUpdates.Update u, long callId) {
		return u.event().equals("call") && u.payload().matches(".*\"callId\":" + callId + "[,}].*");
	}
}
