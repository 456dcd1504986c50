package org.heatdesk.contact;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
	 * Publishes with {@code pg_notify} and listens on a dedicated connection; every node delivers
	 * what it hears to its own streams. A lost listening connection is reopened. Desk updates are
	 * notified inside the transaction that made the change, so PostgreSQL sends them at its commit.
	 */
	static final class PostgresPops implements ScreenPops, DeskEvents, DisposableBean {

		private static final Logger log = LoggerFactory.getLogger(PostgresPops.class);

		private final DeskStreams streams;

		private final JdbcClient jdbc;

		private final DataSource dataSource;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private Thread listener;

		PostgresPops(DeskStreams streams, JdbcClient jdbc, DataSource dataSource) {
			this.streams = streams;
			this.jdbc = jdbc;
			this.dataSource = dataSource;
		}

		@Override
		public void publish(Pop pop) {
			String payload = pop.callId() + "\t" + pop.username() + "\t" + pop.switchCallId() + "\t"
					+ (pop.caller() == null ? "" : pop.caller());
			jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query().singleRow();
		}

		@Override
		public void send(String username, String event, String data) {
			jdbc.sql("select pg_notify(?, ?)").params(DESK_CHANNEL, username + "\t" + event + "\t" + data).query().singleRow();
		}

		@Override
		public boolean wanted(String username) {
			return true;
		}

		void start() {
			listener = new Thread(this::listen, "screen-pop-listener");
			listener.setDaemon(true);
			listener.start();
		}

		private void listen() {
			while (running.get()) {
				try (Connection connection = dataSource.getConnection()) {
					connection.setAutoCommit(true);
					try (var statement = connection.createStatement()) {
						statement.execute("listen " + CHANNEL);
						statement.execute("listen " + DESK_CHANNEL);
					}
					PGConnection pg = connection.unwrap(PGConnection.class);
					while (running.get()) {
						PGNotification[] notifications = pg.getNotifications(500);
						if (notifications == null) {
							continue;
						}
						for (PGNotification n : notifications) {
							if (DESK_CHANNEL.equals(n.getName())) {
								String[] d = n.getParameter().split("\t", 3);
								streams.toDesk(d[0], d[1], d[2]);
								continue;
							}
							String[] f = n.getParameter().split("\t", -1);
							streams.deliver(new Pop(f[1], Long.parseLong(f[0]), f[2], f[3].isEmpty() ? null : f[3]));
						}
					}
				}
				catch (Exception e) {
					if (running.get()) {
						log.warn("screen pop listener lost its connection, reconnecting: {}", e.toString());
						try {
							Thread.sleep(1000);
						}
						catch (InterruptedException ie) {
							Thread.currentThread().interrupt();
							return;
						}
					}
				}
			}
		}

		@Override
		public void destroy() {
			running.set(false);
			if (listener != null) {
				listener.interrupt();
			}
		}
	}
}
