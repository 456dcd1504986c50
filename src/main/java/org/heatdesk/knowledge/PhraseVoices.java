package org.heatdesk.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three voices of 5.4 (问声 greet, 应声 acknowledge, 送声 farewell) as the agent ticked them for a
 * call: kept by call id, so that quality checks can score each call later.
 */
@Service
public class PhraseVoices {

	/** The voices, in the order they are said. */
	public enum Voice {
		GREET, ACKNOWLEDGE, FAREWELL
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	PhraseVoices(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The voices ticked for a call. */
	@Transactional(readOnly = true)
	public Set<Voice> ticked(long callId) {
		Set<Voice> out = EnumSet.noneOf(Voice.class);
		jdbc.sql("select voice from knowledge_call_voice where call_id = ?").param(callId).query(String.class).list()
			.forEach(v -> out.add(Voice.valueOf(v)));
		return out;
	}

	/**
	 * Makes the call's ticked voices exactly {@code voices}: newly ticked ones are recorded with who
	 * and when, unticked ones removed; both audited. Unchanged voices keep their first tick.
	 */
	@Transactional
	public Set<Voice> tick(long callId, Set<Voice> voices, Actor by) {
		if (callId <= 0) {
			throw HeatDeskException.badInput("VALIDATION", "call");
		}
		Set<Voice> before = ticked(callId);
		for (Voice v : Voice.values()) {
			boolean want = voices.contains(v);
			if (want && !before.contains(v)) {
				jdbc.sql("""
						insert into knowledge_call_voice (call_id, voice, ticked_by, ticked_at) values (?, ?, ?, ?)
						on conflict do nothing""")
					.param(callId).param(v.name()).param(by.name()).param(Timestamp.from(clock.instant())).update();
			}
			else if (!want && before.contains(v)) {
				jdbc.sql("delete from knowledge_call_voice where call_id = ? and voice = ?").param(callId).param(v.name()).update();
			}
		}
		Set<Voice> after = ticked(callId);
		if (!after.equals(before)) {
			Map<String, Object> b = new LinkedHashMap<>();
			b.put("voices", before);
			Map<String, Object> a = new LinkedHashMap<>();
			a.put("voices", after);
			audit.record(by, "CALL_VOICES_TICKED", "contact_call", callId, b, a);
		}
		return after;
	}
}
