package org.heatdesk.ticket;

import org.heatdesk.network.OutageRestored;
import org.heatdesk.platform.AuditTrail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When heat is back after an outage, its incident ticket says so on its timeline and its holder and
 * first responder are told, so that they resolve it (which resolves the tickets under it).
 */
@Component
class OutageListener {

	private final TicketRepository repository;

	OutageListener(TicketRepository repository) {
		this.repository = repository;
	}

	@ApplicationModuleListener
	void on(OutageRestored event) {
		repository.incidentForOutage(event.outageId()).filter(t -> t.status().open()).ifPresent(t -> {
			repository.addEvent(t.id(), event.restoredAt(), AuditTrail.SYSTEM, "OUTAGE_RESTORED", null, null);
			if (t.assigneeId() != null) {
				repository.notify(t.assigneeId(), t.id(), "OUTAGE_RESTORED", null, event.restoredAt());
			}
			if (t.assigneeId() == null || t.assigneeId() != t.firstResponderId()) {
				repository.notify(t.firstResponderId(), t.id(), "OUTAGE_RESTORED", null, event.restoredAt());
			}
		});
	}
}
