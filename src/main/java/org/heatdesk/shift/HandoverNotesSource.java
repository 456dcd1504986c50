package org.heatdesk.shift;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The notes the team wrote for the next shift and has not handed over yet (情况清). */
@Component
class HandoverNotesSource implements HandoverSource {

	private final JdbcClient jdbc;

	HandoverNotesSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "NOTES";
	}

	@Override
	public List<HandoverItem> items(long teamId, Instant at, Locale locale) {
		return jdbc.sql("""
				select n.id, n.text, m.display_name from shift_handover_note n left join staff_member m on m.id = n.author_id
				where n.team_id = ? and n.handover_id is null and n.created_at <= ? order by n.id""")
			.params(teamId, Timestamp.from(at))
			.query((rs, i) -> new HandoverItem(name(), "SITUATION", "note:" + rs.getLong(1),
					rs.getString(2) + (rs.getString(3) == null ? "" : " — " + rs.getString(3)), null, false, null))
			.list();
	}
}
