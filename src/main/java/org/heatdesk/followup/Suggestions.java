package org.heatdesk.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketRecorded;
import org.heatdesk.ticket.TicketType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.heatdesk.followup.TicketNotes.mapOf;

/**
 * The customers' suggestions (9.4): those given in a follow-up and every SUGGESTION ticket, routed to
 * the managers, answered (the answer sent to the customer as a SUGGESTION_REPLY message) and counted
 * by month.
 */
@Service
class Suggestions {

	private final JdbcClient jdbc;

	private final TicketQueries tickets;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final String zone;

	Suggestions(JdbcClient jdbc, TicketQueries tickets, AuditTrail audit, Clock clock, ApplicationEventPublisher events,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
		this.zone = zone;
	}

	/** A suggestion; {@code phone} unmasked (pages mask it). */
	record Suggestion(long id, String source, Long followUpId, String ticketNo, Long customerId, String phone, String text,
			Instant createdAt, String status, String answer, String answeredBy, Instant answeredAt) {
	}

	/** Open and answered suggestions of one month (company zone, {@code yyyy-MM}). */
	record MonthCount(String month, long open, long answered) {
	}

	void collectFromFollowUp(Actor by, long followUpId, String ticketNo, Long customerId, String phone, String text) {
		insert(by, "FOLLOW_UP", followUpId, ticketNo, customerId, phone, text);
	}

	/** A SUGGESTION ticket is a suggestion too, from the moment it is recorded. */
	@EventListener
	void onRecorded(TicketRecorded event) {
		if (event.type() != TicketType.SUGGESTION) {
			return;
		}
		tickets.forFollowUp(event.ticketNo()).ifPresent(t -> insert(FollowUps.SYSTEM, "TICKET", null, t.ticketNo(),
				t.customerId(), t.contactPhone() != null ? t.contactPhone() : t.callerPhone(), t.description()));
	}

	private void insert(Actor by, String source, Long followUpId, String ticketNo, Long customerId, String phone,
			String text) {
		String t = text.length() > 2000 ? text.substring(0, 2000) : text;
		Optional<Long> id = jdbc.sql("""
				insert into followup_suggestion (source, follow_up_id, ticket_no, customer_id, phone, text, created_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id""")
			.params(source, followUpId, ticketNo, customerId, phone, t, SqlValues.ts(clock.instant()))
			.query(Long.class)
			.optional();
		id.ifPresent(i -> audit.record(by, "FOLLOWUP_SUGGESTION_COLLECTED", "followup_suggestion", i, null,
				mapOf("source", source, "ticketNo", ticketNo, "text", t)));
	}

	/** Open first (oldest first), then the answered (newest first). */
	@Transactional(readOnly = true)
	List<Suggestion> list(int limit) {
		return jdbc.sql("""
				select * from followup_suggestion
				order by case when status = 'OPEN' then 0 else 1 end,
				  case when status = 'OPEN' then created_at end, answered_at desc, id desc limit ?""")
			.param(limit)
			.query(Suggestions::row)
			.list();
	}

	@Transactional(readOnly = true)
	List<Suggestion> forTicket(String ticketNo) {
		return jdbc.sql("select * from followup_suggestion where ticket_no = ? order by id").param(ticketNo)
			.query(Suggestions::row).list();
	}

	/** The last twelve months with a suggestion, newest first. */
	@Transactional(readOnly = true)
	List<MonthCount> byMonth() {
		return jdbc.sql("""
				select to_char(created_at at time zone ?, 'YYYY-MM') as month,
				  count(*) filter (where status = 'OPEN'), count(*) filter (where status = 'ANSWERED')
				from followup_suggestion group by 1 order by 1 desc limit 12""")
			.param(zone)
			.query((rs, n) -> new MonthCount(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/**
	 * The manager's answer; sent to the customer as a SUGGESTION_REPLY message.
	 * @throws HeatDeskException 400 {@code REQUIRED} (answer); 404 {@code FOLLOWUP_SUGGESTION_NOT_FOUND};
	 *         409 {@code FOLLOWUP_SUGGESTION_ANSWERED}
	 */
	@Transactional
	Suggestion answer(Actor by, long id, String answer) {
		String a = InputChecks.required(answer, "answer", 1000);
		Suggestion s = jdbc.sql("select * from followup_suggestion where id = ? for update").param(id).query(Suggestions::row)
			.optional()
			.orElseThrow(() -> HeatDeskException.notFound("FOLLOWUP_SUGGESTION_NOT_FOUND", id));
		if (!"OPEN".equals(s.status())) {
			throw HeatDeskException.conflict("FOLLOWUP_SUGGESTION_ANSWERED");
		}
		jdbc.sql("update followup_suggestion set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = ? where id = ?")
			.params(a, by.name(), SqlValues.ts(clock.instant()), id)
			.update();
		audit.record(by, "FOLLOWUP_SUGGESTION_ANSWERED", "followup_suggestion", id, Map.of("status", "OPEN"),
				Map.of("status", "ANSWERED", "answer", a));
		events.publishEvent(new ReplyToSend(ReplyToSend.Kind.SUGGESTION_REPLY, s.ticketNo(), s.customerId(), s.phone(), a,
				"suggestion-reply:" + id));
		return jdbc.sql("select * from followup_suggestion where id = ?").param(id).query(Suggestions::row).single();
	}

	private static Suggestion row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Suggestion(rs.getLong("id"), rs.getString("source"), rs.getObject("follow_up_id", Long.class),
				rs.getString("ticket_no"), rs.getObject("customer_id", Long.class), rs.getString("phone"), rs.getString("text"),
				SqlValues.instant(rs, "created_at"), rs.getString("status"), rs.getString("answer"),
				rs.getString("answered_by"), SqlValues.instant(rs, "answered_at"));
	}
}
