package org.heatdesk.contact;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes what changes on an agent's desk without the agent doing anything: their presence (set by
 * themselves, by call events, by the sweep) as event {@code presence}, and the status of the calls
 * that rang at them as event {@code call}. The desk fetches both again when its stream reconnects.
 * Public only so that the switch adapters of this module ({@code contact.ami}) can report what they
 * handed to {@link Calls}.
 */
@Component
public class DeskPush {

	/** The events after which a call's status or holder may have changed (a ring is the screen pop's business). */
	private static final Set<CtiEventType> MOVES_A_CALL = Set.of(CtiEventType.ANSWERED, CtiEventType.TRANSFERRED,
			CtiEventType.ENDED, CtiEventType.ABANDONED);

	private final DeskEvents events;

	private final Agents agents;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DeskPush(DeskEvents events, Agents agents, JdbcClient jdbc, JsonMapper json) {
		this.events = events;
		this.agents = agents;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The agent's presence changed (inside the transaction that changed it; sent after its commit). */
	void presence(long staffId, PresenceState state, String reason, Instant since) {
		agents.usernameOf(staffId).filter(events::wanted).ifPresent(username -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("state", state.name());
			data.put("reason", reason);
			data.put("since", since.toString());
			events.send(username, "presence", json.writeValueAsString(data));
		});
	}

	/**
	 * Switch events were taken ({@code results} as {@link Calls#accept} answered for {@code taken}):
	 * the calls they moved tell the desks they rang at their new status.
	 */
	public void accepted(List<CtiEvent> taken, List<Calls.Accepted> results) {
		Set<Long> moved = new LinkedHashSet<>();
		for (int i = 0; i < taken.size() && i < results.size(); i++) {
			Calls.Accepted r = results.get(i);
			if (r.status() == Calls.Accepted.Status.STORED && r.callId() != null && moves(taken.get(i))) {
				moved.add(r.callId());
			}
		}
		calls(moved);
	}

	/** Tells every agent a call rang at (or was transferred to) the call's status now. */
	void calls(Collection<Long> callIds) {
		if (callIds.isEmpty()) {
			return;
		}
		List<Map<String, Object>> rows = jdbc.sql("""
				select distinct c.id, c.status, x.ext from contact_call c
				join contact_call_event e on e.call_id = c.id
				cross join lateral (values (nullif(e.extension, '')), (e.target_ext)) as x(ext)
				where c.id in (:ids) and x.ext is not null""")
			.param("ids", callIds)
			.query()
			.listOfRows();
		for (Map<String, Object> row : rows) {
			agents.byExtension((String) row.get("ext")).map(CallRecorder.Agent::username).filter(events::wanted)
				.ifPresent(username -> events.send(username, "call", json.writeValueAsString(
						Map.of("callId", ((Number) row.get("id")).longValue(), "status", row.get("status")))));
		}
	}

	private static boolean moves(CtiEvent event) {
		try {
			return event.type() != null && MOVES_A_CALL.contains(CtiEventType.valueOf(event.type().strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}
}
