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

/** With several nodes a pop travels through PostgreSQL NOTIFY and every node's listener delivers it. */
@HeatDeskTest
class PopFanoutIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void popPublishedOnOneNodeIsDeliveredOnEveryNode() throws Exception {
		List<ScreenPops.Pop> nodeA = new CopyOnWriteArrayList<>();
		List<ScreenPops.Pop> nodeB = new CopyOnWriteArrayList<>();
		var a = new PopFanout.PostgresPops(capturing(nodeA), jdbc, dataSource);
		var b = new PopFanout.PostgresPops(capturing(nodeB), jdbc, dataSource);
		a.start();
		b.start();
		try {
			ScreenPops.Pop pop = new ScreenPops.Pop("agent", 4711, "N-1\u0001x", "13800001234");
			// the listeners need a moment to LISTEN before the first NOTIFY
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
				if (nodeA.isEmpty()) {
					a.publish(pop);
				}
				return !nodeA.isEmpty() && !nodeB.isEmpty();
			});
			assertThat(nodeA.get(0)).isEqualTo(pop);
			assertThat(nodeB.get(0)).isEqualTo(pop);
		}
		finally {
			a.destroy();
			b.destroy();
		}
	}

	private static DeskStreams capturing(List<ScreenPops.Pop> into) {
		return new DeskStreams() {
			@Override
			void deliver(ScreenPops.Pop pop) {
				into.add(pop);
			}
		};
	}
}
