package org.heatdesk.contact;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.LiveUpdates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes what changes on an agent's desk without the agent doing anything, through
 * {@link LiveUpdates} on the agent's desk topic: the screen pop as a call rings there (event
 * {@code pop}), their presence (set by themselves, by call events, by the sweep) as event
 * {@code presence}, and the status of the calls that rang at them as event {@code call}. The desk
 * fetches all of it again when its stream reconnects.
 */
@Component
class DeskPush {

	private final LiveUpdates live;

	private final Agents agents;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ObjectProvider<OutboundCalls> outbound;

	DeskPush(LiveUpdates live, Agents agents, JdbcClient jdbc, JsonMapper json, ObjectProvider<OutboundCalls> outbound) {
		this.live = live;
		this.agents = agents;
		this.jdbc = jdbc;
		this.json = json;
		this.outbound = outbound;
	}

	/** The agent's presence changed (inside the transaction that changed it; sent after its commit). */
	void presence(long staffId, PresenceState state, String reason, Instant since) {
		agents.usernameOf(staffId).filter(username -> live.wanted(DeskStreams.desk(username))).ifPresent(username -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("state", state.name());
			data.put("reason", reason);
			data.put("since", since.toString());
			live.publish(DeskStreams.desk(username), "presence", json.writeValueAsString(data));
		});
	}

	/** A call changed (after its commit): pop it where it rings, and tell the desks it rang at where it stands. */
	@EventListener
	void callChanged(CallChanged change) {
		if (change.poppedAt() != null) {
			live.publish(DeskStreams.desk(change.poppedAt()), "pop", "{\"callId\":" + change.callId() + ",\"switchCallId\":\""
					+ DeskStreams.jsonEscape(change.switchCallId()) + "\"}");
		}
		if (change.moved()) {
			call(change.callId());
		}
		if (change.outboundContactId() != null) {
			outbound(change.outboundContactId());
		}
	}

	/**
	 * Tells the staff member who made a call from the desk where it stands (event {@code outbound},
	 * {@code {"contactId":…,"status":"TALKING","callId":…,"talkSeconds":…,"hasRecording":…}}), so a
	 * follow-up page on the desk's stream follows it without polling.
	 */
	void outbound(long contactId) {
		OutboundCalls calls = outbound.getObject();
		calls.staffOf(contactId)
			.flatMap(agents::usernameOf)
			.filter(username -> live.wanted(DeskStreams.desk(username)))
			.ifPresent(username -> calls.find(contactId).ifPresent(c -> {
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("contactId", c.contactId());
				data.put("status", c.status());
				data.put("callId", c.callId());
				data.put("talkSeconds", c.talkSeconds());
				data.put("hasRecording", c.hasRecording());
				live.publish(DeskStreams.desk(username), "outbound", json.writeValueAsString(data));
			}));
	}

	/** Tells every agent a call rang at (or was transferred to) the call's status now. */
	private void call(long callId) {
		List<Map<String, Object>> rows = jdbc.sql("""
				select distinct c.id, c.status, x.ext from contact_call c
				join contact_call_event e on e.call_id = c.id
				cross join lateral (values (nullif(e.extension, '')), (e.target_ext)) as x(ext)
				where c.id = ? and x.ext is not null""")
			.param(callId)
			.query()
			.listOfRows();
		for (Map<String, Object> row : rows) {
			agents.byExtension((String) row.get("ext")).map(CallRecorder.Agent::username)
				.filter(username -> live.wanted(DeskStreams.desk(username)))
				.ifPresent(username -> live.publish(DeskStreams.desk(username), "call", json.writeValueAsString(
						Map.of("callId", ((Number) row.get("id")).longValue(), "status", row.get("status")))));
		}
	}
}
