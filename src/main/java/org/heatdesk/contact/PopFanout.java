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

/** The two ways a screen pop reaches the desk: on this node, or through PostgreSQL to every node. */
@Configuration(proxyBeanMethods = false)
class PopFanout {

	static final String CHANNEL = "heatdesk_screen_pop";

	@Bean
	@ConditionalOnProperty(name = "heatdesk.contact.fanout", havingValue = "local", matchIfMissing = true)
	ScreenPops localPops(DeskStreams streams) {
		return streams::deliver;
	}

	@Bean
	@ConditionalOnProperty(name = "heatdesk.contact.fanout", havingValue = "postgres")
	PostgresPops postgresPops(DeskStreams streams, JdbcClient jdbc, DataSource dataSource) {
		PostgresPops pops = new PostgresPops(streams, jdbc, dataSource);
		pops.start();
		return pops;
	}

	/**
	 * Publishes with {@code pg_notify} and listens on a dedicated connection; every node delivers
	 * what it hears to its own streams. A lost listening connection is reopened.
	 */
	static final class PostgresPops implements ScreenPops, DisposableBean {

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
					}
					PGConnection pg = connection.unwrap(PGConnection.class);
					while (running.get()) {
						PGNotification[] notifications = pg.getNotifications(500);
						if (notifications == null) {
							continue;
						}
						for (PGNotification n : notifications) {
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
