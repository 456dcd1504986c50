package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The multi-node fan-out ({@code heatdesk.contact.fanout=postgres}): two nodes on one database, each
 * listening; what one publishes reaches the streams of both, desk updates only once their
 * transaction commits, and not at all when it rolls back.
 */
@HeatDeskTest
class PostgresFanoutIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate tx;

	/** A node's streams, recording what they were asked to deliver. */
	static final class RecordingStreams extends DeskStreams {

		final List<String> delivered = new CopyOnWriteArrayList<>();

		@Override
		void deliver(ScreenPops.Pop pop) {
			delivered.add("pop " + pop.username() + " " + pop.callId() + " " + pop.switchCallId() + " " + pop.caller());
		}

		@Override
		void toDesk(String username, String event, String data) {
			delivered.add(event + " " + username + " " + data);
		}
	}

	@Test
	void whatOneNodePublishesReachesEveryNodeAfterCommitOnly() throws Exception {
		RecordingStreams streamsA = new RecordingStreams();
		RecordingStreams streamsB = new RecordingStreams();
		PopFanout.PostgresPops nodeA = new PopFanout.PostgresPops(streamsA, jdbc, dataSource);
		PopFanout.PostgresPops nodeB = new PopFanout.PostgresPops(streamsB, jdbc, dataSource);
		nodeA.start();
		nodeB.start();
		try {
			// both listeners are up once a probe published by A reaches both
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
				nodeA.send("probe", "probe", "{}");
				return streamsA.delivered.contains("probe probe {}") && streamsB.delivered.contains("probe probe {}");
			});
			streamsA.delivered.clear();
			streamsB.delivered.clear();

			nodeA.publish(new ScreenPops.Pop("agent2", 42, "SW-42", "13800000000"));
			await().atMost(Duration.ofSeconds(5)).until(() -> streamsB.delivered.contains("pop agent2 42 SW-42 13800000000"));
			assertThat(streamsA.delivered).contains("pop agent2 42 SW-42 13800000000");

			tx.executeWithoutResult(s -> {
				nodeA.send("agent3", "presence", "{\"state\":\"AWAY\"}");
				// inside the transaction nothing goes out
				await("nothing before the commit").during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
					.until(() -> !streamsB.delivered.contains("presence agent3 {\"state\":\"AWAY\"}"));
			});
			await().atMost(Duration.ofSeconds(5))
				.until(() -> streamsB.delivered.contains("presence agent3 {\"state\":\"AWAY\"}"));

			tx.executeWithoutResult(s -> {
				nodeA.send("agent4", "presence", "{\"state\":\"READY\"}");
				s.setRollbackOnly();
			});
			nodeA.send("agent4", "marker", "{}");
			await().atMost(Duration.ofSeconds(5)).until(() -> streamsB.delivered.contains("marker agent4 {}"));
			assertThat(streamsB.delivered).as("a rolled-back change is never sent").noneMatch(d -> d.startsWith("presence agent4"));
		}
		finally {
			nodeA.destroy();
			nodeB.destroy();
		}
	}
}
