package org.heatdesk.ticket;

import java.util.Map;

import javax.sql.DataSource;

import org.heatdesk.platform.EventStreams;
import org.heatdesk.platform.PostgresListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The overdue boards open on this node, as server-sent event streams. When a ticket becomes overdue,
 * is escalated, reaches a mark, changes holder, waits on the customer or is cancelled, every board
 * is told {@code changed} once per committed transaction and fetches its rows again as its viewer
 * (so that a complaint stays hidden from the person it is about, 6.7). A stream says {@code hello}
 * when it opens, and the page re-syncs then, so a reconnect misses nothing. Streams are held in
 * memory per node and closed on shutdown before the web server's graceful shutdown. With several
 * nodes ({@code heatdesk.ticket.fanout=postgres}) the change goes out as a PostgreSQL notification in
 * the committing transaction and every node tells its own boards.
 */
@Component
class OverdueBoard extends EventStreams {

	private static final String BOARDS = "overdue-board";

	static final String CHANNEL = "heatdesk_overdue_board";

	/** Marks a transaction that already has a board update waiting for its commit. */
	private static final Object PENDING = OverdueBoard.class.getName() + ".pending";

	private final JdbcClient jdbc;

	private final PostgresListener listener;

	/** One node: boards are told on this node only. */
	OverdueBoard() {
		this.jdbc = null;
		this.listener = null;
	}

	/** @param fanout {@code local} (one node) or {@code postgres} (every node listening on the database) */
	@Autowired
	OverdueBoard(@Value("${heatdesk.ticket.fanout:local}") String fanout, JdbcClient jdbc, DataSource dataSource) {
		boolean postgres = "postgres".equals(fanout);
		this.jdbc = postgres ? jdbc : null;
		this.listener = postgres ? new PostgresListener(dataSource, "overdue-board-listener", Map.of(CHANNEL, p -> changed()))
				: null;
	}

	@Override
	public void start() {
		super.start();
		if (listener != null) {
			listener.start();
		}
	}

	@Override
	public void stop() {
		if (listener != null) {
			listener.stop();
		}
		super.stop();
	}

	SseEmitter open() {
		return open(BOARDS);
	}

	int openBoards() {
		return count(BOARDS);
	}

	/**
	 * A change that may move a ticket on or off the board. Told after commit, once per transaction
	 * (a sweep may escalate hundreds of tickets). Not a transactional event listener: that would
	 * store an event publication for every ticket change just to refresh a screen.
	 */
	@EventListener({ TicketOverdue.class, TicketEscalated.class, TicketDispatched.class, TicketResponded.class,
			TicketResolved.class, TicketReopened.class, TicketCancelled.class, TicketTransferred.class, TicketPaused.class,
			TicketResumed.class })
	void ticketChanged(Object event) {
		if (listener == null && openBoards() == 0) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			tellBoards();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(PENDING)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(PENDING, Boolean.TRUE);
		if (listener != null) {
			// sent by PostgreSQL at this transaction's commit, to every node
			PostgresListener.notify(jdbc, CHANNEL, "");
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
				}
			});
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
				if (status == STATUS_COMMITTED) {
					changed();
				}
			}
		});
	}

	private void tellBoards() {
		if (listener != null) {
			PostgresListener.notify(jdbc, CHANNEL, "");
		}
		else {
			changed();
		}
	}

	/** Tells every board on this node to fetch its rows again. */
	void changed() {
		send(BOARDS, "changed", "{}");
	}

	/** Keeps idle streams open through proxies and finds the dead ones. */
	@Scheduled(fixedDelay = 20_000)
	void heartbeat() {
		ping();
	}
}
