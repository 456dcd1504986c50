package org.heatdesk.ticket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test-only: remembers the ticket events published, so tests can see what other modules would receive. */
@Component
public class TicketEventLog {

	public final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(TicketOverdue e) {
		events.add(e);
	}

	@EventListener
	void on(TicketEscalated e) {
		events.add(e);
	}

	@EventListener
	void on(TicketResolved e) {
		events.add(e);
	}

	@EventListener
	void on(TicketRecorded e) {
		events.add(e);
	}
}
