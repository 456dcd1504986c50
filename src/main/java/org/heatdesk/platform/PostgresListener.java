package org.heatdesk.platform;

import java.sql.Connection;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's LISTEN/NOTIFY between the nodes of one database: a node listens on a dedicated
 * connection (reopened when lost) and hands each notification's payload to the handler of its
 * channel. {@link #notify} sends inside the caller's transaction, so PostgreSQL delivers at commit
 * and never after a rollback.
 */
final class PostgresListener {

	private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);

	private final DataSource dataSource;

	private final Map<String, Consumer<String>> handlers;

	private final Thread thread;

	private volatile boolean running = true;

	/** @param handlers by channel name (plain identifiers: they are written into {@code LISTEN}) */
	PostgresListener(DataSource dataSource, String threadName, Map<String, Consumer<String>> handlers) {
		handlers.keySet().forEach(channel -> {
			if (!channel.matches("[a-z_][a-z0-9_]*")) {
				throw new IllegalArgumentException("not a plain channel name: " + channel);
			}
		});
		this.dataSource = dataSource;
		this.handlers = Map.copyOf(handlers);
		this.thread = new Thread(this::listen, threadName);
		this.thread.setDaemon(true);
	}

	/** Sends {@code payload} on {@code channel} to every listening node, at the current transaction's commit. */
	static void notify(JdbcClient jdbc, String channel, String payload) {
		jdbc.sql("select pg_notify(?, ?)").params(channel, payload).query().singleRow();
	}

	PostgresListener start() {
		thread.start();
		return this;
	}

	void stop() {
		running = false;
		thread.interrupt();
	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (var statement = connection.createStatement()) {
					for (String channel : handlers.keySet()) {
						statement.execute("listen " + channel);
					}
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notifications = pg.getNotifications(500);
					if (notifications == null) {
						continue;
					}
					for (PGNotification n : notifications) {
						Consumer<String> handler = handlers.get(n.getName());
						if (handler != null) {
							handler.accept(n.getParameter());
						}
					}
				}
			}
			catch (Exception e) {
				if (running) {
					log.warn("{} lost its connection, reconnecting: {}", thread.getName(), e.toString());
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
}
