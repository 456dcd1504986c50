package org.heatdesk.ticket;

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
class OverdueBoardFanoutTests {

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
			Thread.sleep(700);
			int beforeA = nodeA.told.get();
			int beforeB = nodeB.told.get();

			// a sweep escalating three tickets in one transaction: nothing before the commit, one signal after
			tx.executeWithoutResult(s -> {
				nodeA.ticketChanged(new Object());
				nodeA.ticketChanged(new Object());
				nodeA.ticketChanged(new Object());
				pause(700);
				assertThat(nodeB.told.get()).as("nothing before the commit").isEqualTo(beforeB);
			});
			await().atMost(Duration.ofSeconds(5)).until(() -> nodeB.told.get() == beforeB + 1 && nodeA.told.get() == beforeA + 1);
			pause(700);
			assertThat(nodeB.told.get()).as("one signal per transaction").isEqualTo(beforeB + 1);

			tx.executeWithoutResult(s -> {
				nodeA.ticketChanged(new Object());
				s.setRollbackOnly();
			});
			pause(1500);
			assertThat(nodeB.told.get()).as("a rolled-back change tells nobody").isEqualTo(beforeB + 1);
			assertThat(nodeA.told.get()).isEqualTo(beforeA + 1);
		}
		finally {
			nodeA.stop();
			nodeB.stop();
			liveA.stop();
			liveB.stop();
		}
	}

	private static void pause(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
