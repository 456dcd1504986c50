package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one live-update service on one node: an update reaches the subscribers of its topic after the
 * commit and never after a rollback, {@code publishOnce} tells them once per transaction, and the
 * one setting (with the two it replaced as aliases) picks the fan-out.
 */
@HeatDeskTest
class LiveUpdatesIntegrationTests {

	@Autowired
	TransactionTemplate tx;

	@Autowired
	LiveUpdates live;

	@Test
	void anUpdateReachesItsTopicsSubscribersAfterTheCommitOnly() {
		LiveUpdates node = LiveUpdates.local();
		List<String> desk = new CopyOnWriteArrayList<>();
		List<String> board = new CopyOnWriteArrayList<>();
		node.subscribe("desk:", u -> desk.add(u.topic() + " " + u.event() + " " + u.payload()));
		node.subscribe("overdue-board", u -> board.add(u.event()));

		tx.executeWithoutResult(s -> {
			node.publish("desk:agent7", "presence", "{\"state\":\"AWAY\"}");
			assertThat(desk).as("nothing before the commit").isEmpty();
		});
		assertThat(desk).containsExactly("desk:agent7 presence {\"state\":\"AWAY\"}");
		assertThat(board).as("another topic's subscriber hears nothing").isEmpty();

		tx.executeWithoutResult(s -> {
			node.publish("desk:agent7", "presence", "{\"state\":\"READY\"}");
			s.setRollbackOnly();
		});
		assertThat(desk).as("a rolled-back change is never sent").hasSize(1);

		node.publish("desk:agent8", "call", "{}");
		assertThat(desk).as("outside a transaction at once").last().isEqualTo("desk:agent8 call {}");
	}

	@Test
	void publishOnceTellsOncePerTransaction() {
		LiveUpdates node = LiveUpdates.local();
		List<String> board = new CopyOnWriteArrayList<>();
		node.subscribe("overdue-board", u -> board.add(u.event()));
		tx.executeWithoutResult(s -> {
			for (int i = 0; i < 3; i++) {
				node.publishOnce("overdue-board", "changed", "{}");
			}
		});
		assertThat(board).containsExactly("changed");
		tx.executeWithoutResult(s -> node.publishOnce("overdue-board", "changed", "{}"));
		assertThat(board).as("the next transaction tells again").containsExactly("changed", "changed");
	}

	@Test
	void onOneNodeAnUpdateIsWantedOnlyWhereSomeoneListens() {
		LiveUpdates node = LiveUpdates.local();
		node.subscribe("desk:", new LiveUpdates.Subscriber() {
			@Override
			public void deliver(LiveUpdates.Update update) {
			}

			@Override
			public boolean listensTo(String topic) {
				return topic.equals("desk:agent1");
			}
		});
		assertThat(node.wanted("desk:agent1")).isTrue();
		assertThat(node.wanted("desk:agent2")).isFalse();
		assertThat(node.wanted("overdue-board")).isFalse();
	}

	@Test
	void oneSettingPicksTheFanoutAndTheTwoItReplacedStillWork() {
		assertThat(live.fanout()).as("the tests run on one node").isEqualTo(LiveUpdates.Fanout.LOCAL);
		assertThat(LiveUpdates.Fanout.of(null, null, null)).isEqualTo(LiveUpdates.Fanout.LOCAL);
		assertThat(LiveUpdates.Fanout.of("postgres", null, null)).isEqualTo(LiveUpdates.Fanout.POSTGRES);
		assertThat(LiveUpdates.Fanout.of("local", "postgres", "postgres")).as("the new setting wins")
			.isEqualTo(LiveUpdates.Fanout.LOCAL);
		assertThat(LiveUpdates.Fanout.of(null, "postgres", null)).isEqualTo(LiveUpdates.Fanout.POSTGRES);
		assertThat(LiveUpdates.Fanout.of(null, null, "postgres")).isEqualTo(LiveUpdates.Fanout.POSTGRES);
		assertThat(LiveUpdates.Fanout.of(null, "local", "local")).isEqualTo(LiveUpdates.Fanout.LOCAL);
		assertThatThrownBy(() -> LiveUpdates.Fanout.of("redis", null, null)).hasMessageContaining("heatdesk.live.fanout");
	}
}
