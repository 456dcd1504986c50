package org.heatdesk.network;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each substation's status changes as history, fed by {@link SubstationStatusChanged} after
 * the change commits (through the event publication registry, so none is lost in a crash).
 */
@Component
class StatusHistory {

	private final JdbcClient jdbc;

	StatusHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(SubstationStatusChanged event) {
		// a redelivered event finds its row already there
		jdbc.sql("""
				insert into network_status_change (substation_id, from_status, to_status, changed_at)
				values (?, ?, ?, ?) on conflict (substation_id, changed_at, to_status) do nothing""")
			.params(event.substationId(), event.from() == null ? null : event.from().name(), event.to().name(),
					Timestamp.from(event.at()))
			.update();
	}
}
