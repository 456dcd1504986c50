package org.heatdesk.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.LiveUpdates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Overdue boards on several nodes ({@code heatdesk.live.fanout=postgres}): a change committed on
 * one node tells the boards of every node, once per transaction however many tickets it moved, and
 * a rolled-back change tells nobody.
 */
@HeatDeskTest
class OverdueBoardFanoutIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate tx;

	/** A node's boards, counting how often they were told to fetch their rows again. */
	static final class CountingBoard extends OverdueBoard {

		final AtomicInteger told = new AtomicInteger();

		CountingBoard(LiveUpdates node) {
			super(node);
		}

		@Override
		void changed() {
			told.incrementAndGet();
		}
	}

	@Test
	void aChangeCommittedOnOneNodeReachesTheBoardsOfEveryNodeOnce() throws Exception {
		LiveUpdates liveA = new LiveUpdates(LiveUpdates.Fanout.POSTGRES, jdbc, dataSource).start();
		LiveUpdates liveB = new LiveUpdates(LiveUpdates.Fanout.POSTGRES, jdbc, dataSource).start();
		CountingBoard nodeA = new CountingBoard(liveA);
		CountingBoard nodeB = new CountingBoard(liveB);
		nodeA.start();
		nodeB.start();
		try {
			// both listeners are up once a change outside any transaction reaches both
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
				nodeA.ticketChanged(new Object());
				return nodeA.told.get() > 0 && nodeB.told.get() > 0;
			});
			settled(nodeA, nodeB);
			int beforeA = nodeA.told.get();
			int beforeB = nodeB.told.get();

			// a sweep escalating three tickets in one transaction: nothing before the commit, one signal after
			tx.executeWithoutResult(s -> {
				nodeA.ticketChanged(new Object());
				nodeA.ticketChanged(new Object());
				nodeA.ticketChanged(new Object());
				await("nothing before the commit").during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
					.until(() -> nodeB.told.get() == beforeB);
			});
			await().atMost(Duration.ofSeconds(5)).until(() -> nodeB.told.get() == beforeB + 1 && nodeA.told.get() == beforeA + 1);
			await("one signal per transaction").during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
				.until(() -> nodeB.told.get() == beforeB + 1);

			tx.executeWithoutResult(s -> {
				nodeA.ticketChanged(new Object());
				s.setRollbackOnly();
			});
			await("a rolled-back change tells nobody").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
				.until(() -> nodeB.told.get() == beforeB + 1 && nodeA.told.get() == beforeA + 1);
		}
		finally {
			nodeA.stop();
			nodeB.stop();
			liveA.stop();
			liveB.stop();
		}
	}

	/** Waits until neither node has been told anything for half a second: the probes still on their way have arrived. */
	private static void settled(CountingBoard a, CountingBoard b) {
		AtomicInteger seen = new AtomicInteger(-1);
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).during(Duration.ofMillis(500)).until(() -> {
			int now = a.told.get() + b.told.get();
			return seen.getAndSet(now) == now;
		});
	}
}
