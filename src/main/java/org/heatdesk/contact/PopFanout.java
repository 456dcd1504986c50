package org.heatdesk.contact;

import java.util.Map;

import javax.sql.DataSource;

import org.heatdesk.platform.PostgresListener;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The two ways a screen pop and a desk update reach the desk: on this node, or through PostgreSQL to every node. */
@Configuration(proxyBeanMethods = false)
class PopFanout {

	static final String CHANNEL = "heatdesk_screen_pop";

	static final String DESK_CHANNEL = "heatdesk_desk_event";

	@Bean
	@ConditionalOnProperty(name = "heatdesk.contact.fanout", havingValue = "local", matchIfMissing = true)
	ScreenPops localPops(DeskStreams streams) {
		return streams::deliver;
	}

	@Bean
	@ConditionalOnProperty(name = "heatdesk.contact.fanout", havingValue = "local", matchIfMissing = true)
	DeskEvents localDeskEvents(DeskStreams streams) {
		return new LocalDeskEvents(streams);
	}

	@Bean
	@ConditionalOnProperty(name = "heatdesk.contact.fanout", havingValue = "postgres")
	PostgresPops postgresPops(DeskStreams streams, JdbcClient jdbc, DataSource dataSource) {
		PostgresPops pops = new PostgresPops(streams, jdbc, dataSource);
		pops.start();
		return pops;
	}

	/** Delivers to this node's streams once the transaction that made the change has committed. */
	static final class LocalDeskEvents implements DeskEvents {

		private final DeskStreams streams;

		LocalDeskEvents(DeskStreams streams) {
			this.streams = streams;
		}

		@Override
		public void send(String username, String event, String data) {
			if (!TransactionSynchronizationManager.isSynchronizationActive()) {
				streams.toDesk(username, event, data);
				return;
			}
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					streams.toDesk(username, event, data);
				}
			});
		}

		@Override
		public boolean wanted(String username) {
			return streams.hasDesk(username);
		}
	}

	/**
	 * Publishes with {@code pg_notify} and listens through {@link PostgresListener}; every node
	 * delivers what it hears to its own streams. Desk updates are notified inside the transaction that
	 * made the change, so PostgreSQL sends them at its commit.
	 */
	static final class PostgresPops implements ScreenPops, DeskEvents, DisposableBean {

		private final JdbcClient jdbc;

		private final PostgresListener listener;

		PostgresPops(DeskStreams streams, JdbcClient jdbc, DataSource dataSource) {
			this.jdbc = jdbc;
			this.listener = new PostgresListener(dataSource, "screen-pop-listener", Map.of(CHANNEL, payload -> {
				String[] f = payload.split("\t", -1);
				streams.deliver(new Pop(f[1], Long.parseLong(f[0]), f[2], f[3].isEmpty() ? null : f[3]));
			}, DESK_CHANNEL, payload -> {
				String[] d = payload.split("\t", 3);
				streams.toDesk(d[0], d[1], d[2]);
			}));
		}

		@Override
		public void publish(Pop pop) {
			PostgresListener.notify(jdbc, CHANNEL, pop.callId() + "\t" + pop.username() + "\t" + pop.switchCallId() + "\t"
					+ (pop.caller() == null ? "" : pop.caller()));
		}

		@Override
		public void send(String username, String event, String data) {
			PostgresListener.notify(jdbc, DESK_CHANNEL, username + "\t" + event + "\t" + data);
		}

		@Override
		public boolean wanted(String username) {
			return true;
		}

		void start() {
			listener.start();
		}

		@Override
		public void destroy() {
			listener.stop();
		}
	}
}
