package org.heatdesk.ticket.sla;

import org.heatdesk.platform.EventStreams;
import org.heatdesk.platform.LiveUpdates;
import org.heatdesk.ticket.TicketCancelled;
import org.heatdesk.ticket.TicketDispatched;
import org.heatdesk.ticket.TicketEscalated;
import org.heatdesk.ticket.TicketOverdue;
import org.heatdesk.ticket.TicketPaused;
import org.heatdesk.ticket.TicketReopened;
import org.heatdesk.ticket.TicketResolved;
import org.heatdesk.ticket.TicketResponded;
import org.heatdesk.ticket.TicketResumed;
import org.heatdesk.ticket.TicketTransferred;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The overdue boards open on this node, as server-sent event streams on the {@link LiveUpdates}
 * topic {@code overdue-board}. When a ticket becomes overdue, is escalated, reaches a mark, changes
 * holder, waits on the customer or is cancelled, every board is told {@code changed} once per
 * committed transaction and fetches its rows again as its viewer (so that a complaint stays hidden
 * from the person it is about, 6.7). A stream says {@code hello} when it opens, and the page re-syncs
 * then, so a reconnect misses nothing. Streams are held in memory per node and closed on shutdown
 * before the web server's graceful shutdown; with several nodes ({@code heatdesk.live.fanout=postgres})
 * {@link LiveUpdates} carries the change to every node's boards. The board's page and rows are served
 * by the ticket lists' controller, which opens the stream here.
 */
@Component
public class OverdueBoard extends EventStreams {

	static final String BOARDS = "overdue-board";

	private final LiveUpdates live;

	OverdueBoard(LiveUpdates live) {
		super(live, BOARDS);
		this.live = live;
	}

	/** A new board's stream on this node. */
	public SseEmitter open() {
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
		if (live.wanted(BOARDS)) {
			live.publishOnce(BOARDS, "changed", "{}");
		}
	}

	@Override
	protected void deliver(LiveUpdates.Update update) {
		changed();
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
