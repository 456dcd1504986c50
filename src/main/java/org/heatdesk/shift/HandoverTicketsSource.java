package org.heatdesk.shift;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The team's open tickets with their next deadline, overdue first (交接清: they stay with the team,
 * the incoming shift answers for them). A ticket is the team's when its assignee's team (or, not yet
 * assigned, its first responder's team) is the team.
 */
@Component
class HandoverTicketsSource implements HandoverSource {

	static final int LIMIT = 100;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	HandoverTicketsSource(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "TICKETS";
	}

	@Override
	public List<HandoverItem> items(long teamId, Instant at, Locale locale) {
		// read from the ticket's table as the figures do: the hand-over lists, it never changes a ticket
		return jdbc.sql("""
				select t.ticket_no, t.type, t.status, left(t.description, 80), t.assignee,
				       least(case when t.dispatched_at is null then t.dispatch_due end,
				             case when t.responded_at is null then t.respond_due end,
				             case when t.resolved_at is null then t.resolve_due end) as due
				from ticket t left join staff_member m on m.id = coalesce(t.assignee_id, t.first_responder_id)
				where t.status not in ('RESOLVED', 'CLOSED', 'CANCELLED')
				  and coalesce(t.assignee_team_id, m.team_id) = :team
				order by due nulls last, t.id limit :limit""")
			.param("team", teamId)
			.param("limit", LIMIT)
			.query((rs, n) -> {
				Timestamp due = rs.getTimestamp(6);
				Instant d = due == null ? null : due.toInstant();
				String type = messages.getMessage("ticket.type." + rs.getString(2), null, rs.getString(2), locale);
				String status = messages.getMessage("ticket.status." + rs.getString(3), null, rs.getString(3), locale);
				String who = rs.getString(5) == null ? "" : " · " + rs.getString(5);
				String text = type + " · " + status + who + " · " + rs.getString(4);
				return new HandoverItem(name(), "HANDOVER", rs.getString(1), text, d, d != null && d.isBefore(at),
						"/tickets/" + rs.getString(1));
			})
			.list();
	}
}
