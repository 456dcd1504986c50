package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.LiveUpdates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** With several nodes a pop travels through PostgreSQL NOTIFY and every node's listener delivers it. */
@HeatDeskTest
class PopFanoutIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.beans.factory.ObjectProvider<OutboundCalls> outbound;

	@Autowired
	DataSource dataSource;

	@Autowired
	Agents agents;

	@Autowired
	JsonMapper json;

	@Test
	void popPublishedOnOneNodeIsDeliveredOnEveryNode() throws Exception {
		List<LiveUpdates.Update> nodeA = new CopyOnWriteArrayList<>();
		List<LiveUpdates.Update> nodeB = new CopyOnWriteArrayList<>();
		LiveUpdates liveA = new LiveUpdates(LiveUpdates.Fanout.POSTGRES, jdbc, dataSource).start();
		LiveUpdates liveB = new LiveUpdates(LiveUpdates.Fanout.POSTGRES, jdbc, dataSource).start();
		DeskStreams a = capturing(liveA, nodeA);
		DeskStreams b = capturing(liveB, nodeB);
		a.start();
		b.start();
		DeskPush push = new DeskPush(liveA, agents, jdbc, json, outbound);
		try {
			CallChanged rang = new CallChanged(4711, "N-1\u0001x", "agent", false, null, false);
			// the listeners need a moment to LISTEN before the first NOTIFY
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
				if (nodeA.isEmpty()) {
					push.callChanged(rang);
				}
				return !nodeA.isEmpty() && !nodeB.isEmpty();
			});
			LiveUpdates.Update pop = new LiveUpdates.Update("desk:agent", "pop",
					"{\"callId\":4711,\"switchCallId\":\"N-1\\u0001x\"}");
			assertThat(nodeA.get(0)).isEqualTo(pop);
			assertThat(nodeB.get(0)).isEqualTo(pop);
		}
		finally {
			a.stop();
			b.stop();
			liveA.stop();
			liveB.stop();
		}
	}

	private static DeskStreams capturing(LiveUpdates live, List<LiveUpdates.Update> into) {
		return new DeskStreams(live) {
			@Override
			protected void deliver(LiveUpdates.Update update) {
				into.add(update);
			}
		};
	}
}
