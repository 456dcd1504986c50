package org.heatdesk.followup;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers the follow-up's services share. */
final class TicketNotes {

	private TicketNotes() {
	}

	/** A map that keeps its order and takes {@code null} values (the audit's before and after). */
	static Map<String, Object> mapOf(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}
}
