package org.heatdesk.dispatch;

import org.heatdesk.platform.EventStreams;
import org.heatdesk.platform.LiveUpdates;
import org.heatdesk.ticket.TicketCancelled;
import org.heatdesk.ticket.TicketDispatched;
import org.heatdesk.ticket.TicketPaused;
import org.heatdesk.ticket.TicketRecorded;
import org.heatdesk.ticket.TicketReopened;
import org.heatdesk.ticket.TicketResolved;
import org.heatdesk.ticket.TicketResumed;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dispatch boards and workload views open on this node, as server-sent event streams on the
 * {@link LiveUpdates} topic {@code dispatch-board}. A ticket recorded, dispatched, reopened, resolved,
 * paused, resumed or cancelled, and every change of a field job ({@link JobChanged}), tells each page
 * {@code changed} once per committed transaction; the page fetches its rows again as its viewer. Like
 * the overdue board: plain event listeners (no event publication stored just to refresh a screen),
 * {@code hello} on (re)connecting so the page re-syncs, a heartbeat every 20 seconds.
 */
@Component
class BoardStreams extends EventStreams {

	static final String TOPIC = "dispatch-board";

	private final LiveUpdates live;

	BoardStreams(LiveUpdates live) {
		super(live, TOPIC);
		this.live = live;
	}

	SseEmitter open() {
		return open(TOPIC);
	}

	int openCount() {
		return count(TOPIC);
	}

	@EventListener({ TicketRecorded.class, TicketDispatched.class, TicketReopened.class, TicketResolved.class,
			TicketPaused.class, TicketResumed.class, TicketCancelled.class, JobChanged.class })
	void changed(Object event) {
		if (live.wanted(TOPIC)) {
			live.publishOnce(TOPIC, "changed", "{}");
		}
	}

	@Override
	protected void deliver(LiveUpdates.Update update) {
		send(TOPIC, "changed", "{}");
	}

	@Scheduled(fixedDelay = 20_000)
	void heartbeat() {
		ping();
	}
}
