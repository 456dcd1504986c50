package org.heatdesk.ticket;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
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
 * memory per node and closed on shutdown before the web server's graceful shutdown.
 */
@Component
class OverdueBoard implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OverdueBoard.class);

	private static final long TIMEOUT_MS = 30 * 60 * 1000L;

	/** Marks a transaction that already has a board update waiting for its commit. */
	private static final Object PENDING = OverdueBoard.class.getName() + ".pending";

	private final Set<SseEmitter> boards = new CopyOnWriteArraySet<>();

	private volatile boolean running;

	SseEmitter open() {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
		boards.add(emitter);
		Runnable remove = () -> boards.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		send(emitter, "hello");
		return emitter;
	}

	int openBoards() {
		return boards.size();
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
		if (boards.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			changed();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(PENDING)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(PENDING, Boolean.TRUE);
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

	/** Tells every board on this node to fetch its rows again. */
	void changed() {
		boards.forEach(e -> send(e, "changed"));
	}

	/** Keeps idle streams open through proxies and finds the dead ones. */
	@Scheduled(fixedDelay = 20_000)
	void heartbeat() {
		boards.forEach(e -> send(e, "ping"));
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		boards.forEach(SseEmitter::complete);
		boards.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before the web server's graceful shutdown, which would otherwise wait for every open stream. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	private void send(SseEmitter emitter, String name) {
		try {
			synchronized (emitter) {
				emitter.send(SseEmitter.event().name(name).data("{}", MediaType.APPLICATION_JSON));
			}
		}
		catch (IOException | IllegalStateException e) {
			boards.remove(emitter);
			log.debug("overdue board stream dropped: {}", e.toString());
		}
	}
}
