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
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The multi-node fan-out ({@code heatdesk.live.fanout=postgres}): two nodes on one database, each
 * listening; what one publishes reaches the desk streams of both, desk updates only once their
 * transaction commits, and not at all when it rolls back.
 */
@HeatDeskTest
class PostgresFanoutIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.beans.factory.ObjectProvider<OutboundCalls> outbound;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Agents agents;

	@Autowired
	JsonMapper json;

	/** A node's streams, recording what they were asked to deliver. */
	static final class RecordingStreams extends DeskStreams {

		final List<String> delivered = new CopyOnWriteArrayList<>();

		RecordingStreams(LiveUpdates live) {
			super(live);
		}

		@Override
		protected void deliver(LiveUpdates.Update update) {
			delivered.add(update.event() + " " + update.topic().substring("desk:".length()) + " " + update.payload());
		}
	}

	@Test
	void whatOneNodePublishesReachesEveryNodeAfterCommitOnly() throws Exception {
		LiveUpdates nodeA = new LiveUpdates(LiveUpdates.Fanout.POSTGRES, jdbc, dataSource).start();
		LiveUpdates nodeB = new LiveUpdates(LiveUpdates.Fanout.POSTGRES, jdbc, dataSource).start();
		RecordingStreams streamsA = new RecordingStreams(nodeA);
		RecordingStreams streamsB = new RecordingStreams(nodeB);
		streamsA.start();
		streamsB.start();
		DeskPush pushA = new DeskPush(nodeA, agents, jdbc, json, outbound);
		try {
			// both listeners are up once a probe published by A reaches both
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
				nodeA.publish("desk:probe", "probe", "{}");
				return streamsA.delivered.contains("probe probe {}") && streamsB.delivered.contains("probe probe {}");
			});
			streamsA.delivered.clear();
			streamsB.delivered.clear();

			pushA.callChanged(new CallChanged(42, "SW-42", "agent2", false, null, false));
			String pop = "pop agent2 {\"callId\":42,\"switchCallId\":\"SW-42\"}";
			await().atMost(Duration.ofSeconds(5)).until(() -> streamsB.delivered.contains(pop));
			assertThat(streamsA.delivered).contains(pop);

			tx.executeWithoutResult(s -> {
				nodeA.publish("desk:agent3", "presence", "{\"state\":\"AWAY\"}");
				// inside the transaction nothing goes out
				await("nothing before the commit").during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
					.until(() -> !streamsB.delivered.contains("presence agent3 {\"state\":\"AWAY\"}"));
			});
			await().atMost(Duration.ofSeconds(5))
				.until(() -> streamsB.delivered.contains("presence agent3 {\"state\":\"AWAY\"}"));

			tx.executeWithoutResult(s -> {
				nodeA.publish("desk:agent4", "presence", "{\"state\":\"READY\"}");
				s.setRollbackOnly();
			});
			nodeA.publish("desk:agent4", "marker", "{}");
			await().atMost(Duration.ofSeconds(5)).until(() -> streamsB.delivered.contains("marker agent4 {}"));
			assertThat(streamsB.delivered).as("a rolled-back change is never sent").noneMatch(d -> d.startsWith("presence agent4"));
		}
		finally {
			streamsA.stop();
			streamsB.stop();
			nodeA.stop();
			nodeB.stop();
		}
	}
}
