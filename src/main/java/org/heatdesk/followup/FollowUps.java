package org.heatdesk.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.ticket.FollowUpTicket;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketReopened;
import org.heatdesk.ticket.TicketResolved;
import org.heatdesk.ticket.TicketStatus;
import org.heatdesk.ticket.Tickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.heatdesk.followup.TicketNotes.mapOf;

/**
 * The follow-up of a resolved ticket (9.4): queued when a round is resolved (sampled per type, due in
 * working days), worked by an agent who calls the customer, or answered by the customer's SMS; the
 * outcome closes the ticket (satisfied and solved) or reopens it and hands it back to its resolver
 * (dissatisfied or not solved). Three unanswered calls on different days make it unreachable and the
 * ticket is closed so. The ticket changes go through the ticket module's front doors as the system
 * ({@code system:followup}), never as the agent.
 */
@Service
class FollowUps {

	static final Actor SYSTEM = Actor.system("followup");

	/** Unanswered calls, on different days, after which the customer is taken as unreachable. */
	static final int ATTEMPT_DAYS = 3;

	private final JdbcClient jdbc;

	private final TicketQueries tickets;

	private final Tickets ticketCommands;

	private final FollowUpSettings settings;

	private final ComplaintReplies complaints;

	private final Suggestions suggestions;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	FollowUps(JdbcClient jdbc, TicketQueries tickets, Tickets ticketCommands, FollowUpSettings settings,
			ComplaintReplies complaints, Suggestions suggestions, AuditTrail audit, Clock clock, MessageSource messages,
			ApplicationEventPublisher events, @Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.ticketCommands = ticketCommands;
		this.settings = settings;
		this.complaints = complaints;
		this.suggestions = suggestions;
		this.audit = audit;
		this.clock = clock;
		this.messages = messages;
		this.events = events;
		this.zone = ZoneId.of(zone);
	}

	ZoneId zone() {
		return zone;
	}

	Clock clock() {
		return clock;
	}

	// ------------------------------------------------------------------ queueing

	/**
	 * A ticket reached its result: in the same transaction, queue its follow-up when its type's rate
	 * samples it. Children of an incident are left out (the incident stands for them); a repeated
	 * event for the same round queues nothing more.
	 */
	@EventListener
	void onResolved(TicketResolved event) {
		if (event.parentId() != null) {
			return;
		}
		FollowUpTicket t = tickets.forFollowUp(event.ticketNo()).orElse(null);
		if (t == null || t.parentId() != null) {
			return;
		}
		FollowUpSettings.Rule rule = settings.rule(t.type());
		if (!Sampling.sampled(t.ticketNo(), rule.ratePercent())) {
			return;
		}
		Instant resolved = t.resolvedAt() == null ? event.resolvedAt() : t.resolvedAt();
		Instant due = WorkingDays.plus(resolved, rule.dueDays(), zone);
		String phone = t.contactPhone() != null ? t.contactPhone() : t.callerPhone();
		Optional<Long> id = jdbc.sql("""
				insert into followup_follow_up (ticket_id, ticket_no, round, ticket_type, customer_id, phone, resolver,
				  resolved_at, due_at, queued_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (ticket_no, round) do nothing returning id""")
			.params(t.id(), t.ticketNo(), t.round(), t.type().name(), t.customerId(), phone, t.resolvedBy(),
					SqlValues.ts(resolved), SqlValues.ts(due), SqlValues.ts(clock.instant()))
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return;
		}
		audit.record(SYSTEM, "FOLLOWUP_QUEUED", "followup", id.get(), null,
				mapOf("ticketNo", t.ticketNo(), "round", t.round(), "dueAt", due.toString()));
		events.publishEvent(new FollowUpQueued(id.get(), t.ticketNo(), t.customerId(), phone));
	}

	/** Someone reopened the ticket before the follow-up was made: its follow-up is no longer owed. */
	@EventListener
	void onReopened(TicketReopened event) {
		jdbc.sql("update followup_follow_up set status = 'CANCELLED', done_at = ?, done_by = ? where ticket_no = ? and status = 'QUEUED'")
			.params(SqlValues.ts(event.reopenedAt()), SYSTEM.name(), event.ticketNo())
			.update();
	}

	// ------------------------------------------------------------------ reading

	private static final String COLUMNS = """
			f.id, f.ticket_no, f.round, f.ticket_type, f.customer_id, f.phone, f.resolver, f.resolved_at, f.due_at, f.status,
			f.satisfaction, f.solved, f.comment, f.suggestion, f.channel, f.done_by, f.done_at, f.contact_id, f.sms_comment,
			f.queued_at, (select count(distinct a.day) from followup_attempt a where a.follow_up_id = f.id) as attempt_days,
			(select string_agg(distinct a.day::text, ',') from followup_attempt a where a.follow_up_id = f.id) as days""";

	/** The follow-ups in a status (QUEUED: overdue first, then the soonest due; others: newest first). */
	@Transactional(readOnly = true)
	List<FollowUpView> list(FollowUpStatus status, int limit) {
		String order = status == FollowUpStatus.QUEUED ? "f.due_at, f.id" : "f.done_at desc nulls last, f.id desc";
		return jdbc.sql("select " + COLUMNS + " from followup_follow_up f where f.status = ? order by " + order + " limit ?")
			.params(status.name(), limit)
			.query(FollowUps::view)
			.list();
	}

	@Transactional(readOnly = true)
	Optional<FollowUpView> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from followup_follow_up f where f.id = ?").param(id).query(FollowUps::view)
			.optional();
	}

	@Transactional(readOnly = true)
	List<FollowUpView> forTicket(String ticketNo) {
		return jdbc.sql("select " + COLUMNS + " from followup_follow_up f where f.ticket_no = ? order by f.round")
			.param(ticketNo)
			.query(FollowUps::view)
			.list();
	}

	private static FollowUpView view(ResultSet rs, int n) throws SQLException {
		String sat = rs.getString("satisfaction");
		Object solved = rs.getObject("solved");
		String days = rs.getString("days");
		return new FollowUpView(rs.getLong("id"), rs.getString("ticket_no"), rs.getInt("round"), rs.getString("ticket_type"),
				(Long) rs.getObject("customer_id", Long.class), rs.getString("phone"), rs.getString("resolver"),
				SqlValues.instant(rs, "resolved_at"), SqlValues.instant(rs, "due_at"),
				FollowUpStatus.valueOf(rs.getString("status")), sat == null ? null : Satisfaction.valueOf(sat),
				solved == null ? null : (Boolean) solved, rs.getString("comment"), rs.getString("suggestion"),
				rs.getString("channel"), rs.getString("done_by"), SqlValues.instant(rs, "done_at"),
				rs.getObject("contact_id", Long.class), rs.getString("sms_comment"), SqlValues.instant(rs, "queued_at"),
				rs.getInt("attempt_days"), days == null ? List.of() : List.of(days.split(",")));
	}

	// ------------------------------------------------------------------ the outcome

	/** What the customer said. */
	record Outcome(String satisfaction, Boolean solved, String comment, String suggestion, Long contactId) {
	}

	/**
	 * Records the outcome of a call: satisfied (or neutral) and solved → the follow-up is DONE and the
	 * ticket CLOSED; dissatisfied or not solved → DONE, and the ticket REOPENED with the customer's
	 * words and handed back to its resolver. All or nothing.
	 * @throws HeatDeskException 400 {@code FOLLOWUP_SATISFACTION_INVALID}, {@code REQUIRED} (solved),
	 *         {@code FOLLOWUP_WORDS_REQUIRED} (a reopening needs the customer's words); 404
	 *         {@code FOLLOWUP_NOT_FOUND}; 409 {@code FOLLOWUP_ALREADY_DONE}, {@code FOLLOWUP_TICKET_NOT_RESOLVED};
	 *         400 {@code FOLLOWUP_COMPLAINT_REPLY_REQUIRED} (a complaint closed before its reply)
	 */
	@Transactional
	FollowUpView recordOutcome(Actor by, long id, Outcome outcome) {
		if (outcome == null) {
			throw HeatDeskException.badInput("REQUIRED", "satisfaction");
		}
		if (outcome.satisfaction() == null) {
			throw HeatDeskException.badInput("REQUIRED", "satisfaction");
		}
		Satisfaction s = Satisfaction.parse(outcome.satisfaction())
			.orElseThrow(() -> HeatDeskException.badInput("FOLLOWUP_SATISFACTION_INVALID", "satisfaction"));
		if (outcome.solved() == null) {
			throw HeatDeskException.badInput("REQUIRED", "solved");
		}
		String comment = InputChecks.optional(outcome.comment(), "comment", 1000);
		String suggestion = InputChecks.optional(outcome.suggestion(), "suggestion", 1000);
		boolean reopen = s == Satisfaction.DISSATISFIED || !outcome.solved();
		if (reopen && comment == null) {
			throw HeatDeskException.badInput("FOLLOWUP_WORDS_REQUIRED", "comment");
		}
		Locked f = lock(id);
		FollowUpTicket t = resolvedTicket(f);
		if (!reopen) {
			// a satisfied customer closes the ticket: a complaint not yet answered may not be (10.5)
			complaints.refusalFor(t.ticketNo()).ifPresent(code -> {
				throw HeatDeskException.badInput(code, null);
			});
		}
		finish(by, f, t, s, outcome.solved(), comment, suggestion, "CALL", outcome.contactId());
		if (reopen) {
			ticketCommands.reopenFromFollowUp(SYSTEM, t.ticketNo(), text("followup.note.reopened", by.displayName(),
					label(s), comment));
		}
		else {
			closeOrNote(t.ticketNo(), text("followup.note.closed", by.displayName(), label(s), comment == null ? "—" : comment));
		}
		return find(id).orElseThrow();
	}

	/**
	 * The customer rated by SMS: the digit's satisfaction, solved unless they are dissatisfied; 4 reopens
	 * as a dissatisfied call does. Ignored when the follow-up is no longer queued or the ticket no longer
	 * resolved (an agent got there first): the reply is then kept as a comment.
	 */
	@Transactional
	void recordSmsRating(long id, Satisfaction s, String text) {
		Locked f = lock(id);
		FollowUpTicket t = tickets.forFollowUp(f.ticketNo()).orElse(null);
		if (f.status() != FollowUpStatus.QUEUED || t == null || t.status() != TicketStatus.RESOLVED) {
			keepSmsComment(id, text);
			return;
		}
		boolean dissatisfied = s == Satisfaction.DISSATISFIED;
		finish(SYSTEM, f, t, s, !dissatisfied, null, null, "SMS_REPLY", null);
		if (dissatisfied) {
			ticketCommands.reopenFromFollowUp(SYSTEM, t.ticketNo(), text("followup.note.smsReopened", text.strip()));
		}
		else {
			closeOrNote(t.ticketNo(), text("followup.note.smsClosed", label(s)));
		}
	}

	// ---- portal-b (issue 18): the customer rates on the public portal

	static final Actor PORTAL = Actor.system("portal");

	/**
	 * The customer rated a resolved ticket on the public portal ({@link CustomerRatings}): as an SMS
	 * rating, from the customer's own hand (channel {@code PORTAL}), with their comment. The round's
	 * follow-up is written now when the type's rate did not sample it (the customer chose to rate).
	 * Dissatisfied reopens the ticket to its resolver as a dissatisfied call does; anything else closes
	 * it (a complaint not yet answered gets a note instead). All or nothing.
	 * @throws HeatDeskException 400 {@code FOLLOWUP_SATISFACTION_INVALID}, {@code TOO_LONG} (comment);
	 *     404 {@code TICKET_NOT_FOUND}; 409 {@code FOLLOWUP_TICKET_NOT_RESOLVED}, {@code FOLLOWUP_ALREADY_DONE}
	 */
	@Transactional
	FollowUpView recordPortalRating(String ticketNo, String satisfaction, String comment) {
		if (satisfaction == null || satisfaction.isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", "satisfaction");
		}
		Satisfaction s = Satisfaction.parse(satisfaction)
			.orElseThrow(() -> HeatDeskException.badInput("FOLLOWUP_SATISFACTION_INVALID", "satisfaction"));
		String words = InputChecks.optional(comment, "comment", 1000);
		FollowUpTicket t = tickets.forFollowUp(ticketNo)
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND", ticketNo));
		if (t.status() != TicketStatus.RESOLVED) {
			throw HeatDeskException.conflict(t.status() == TicketStatus.CLOSED ? "FOLLOWUP_ALREADY_DONE"
					: "FOLLOWUP_TICKET_NOT_RESOLVED");
		}
		Instant resolved = t.resolvedAt() == null ? clock.instant() : t.resolvedAt();
		String phone = t.contactPhone() != null ? t.contactPhone() : t.callerPhone();
		// the type's rate may have left this round out: the customer's own rating still counts
		Optional<Long> added = jdbc.sql("""
				insert into followup_follow_up (ticket_id, ticket_no, round, ticket_type, customer_id, phone, resolver,
				  resolved_at, due_at, queued_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (ticket_no, round) do nothing returning id""")
			.params(t.id(), t.ticketNo(), t.round(), t.type().name(), t.customerId(), phone, t.resolvedBy(),
					SqlValues.ts(resolved), SqlValues.ts(WorkingDays.plus(resolved, settings.rule(t.type()).dueDays(), zone)),
					SqlValues.ts(clock.instant()))
			.query(Long.class)
			.optional();
		added.ifPresent(id -> audit.record(PORTAL, "FOLLOWUP_QUEUED", "followup", id, null,
				mapOf("ticketNo", t.ticketNo(), "round", t.round(), "source", "PORTAL")));
		long id = jdbc.sql("select id from followup_follow_up where ticket_no = ? and round = ?")
			.params(t.ticketNo(), t.round())
			.query(Long.class)
			.single();
		Locked f = lock(id);
		if (f.status() != FollowUpStatus.QUEUED) {
			throw HeatDeskException.conflict("FOLLOWUP_ALREADY_DONE");
		}
		boolean dissatisfied = s == Satisfaction.DISSATISFIED;
		finish(PORTAL, f, t, s, !dissatisfied, words, null, "PORTAL", null);
		if (dissatisfied) {
			ticketCommands.reopenFromFollowUp(SYSTEM, t.ticketNo(),
					text("followup.note.portalReopened", words == null ? "—" : words));
		}
		else {
			closeOrNote(t.ticketNo(), text("followup.note.portalClosed", label(s), words == null ? "—" : words));
		}
		return find(id).orElseThrow();
	}

	/** A reply that is not a digit: kept on the follow-up for the agent who calls. */
	@Transactional
	void keepSmsComment(long id, String text) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			return;
		}
		t = t.length() > 500 ? t.substring(0, 500) : t;
		jdbc.sql("""
				update followup_follow_up set sms_comment = left(case when sms_comment is null then ? else sms_comment || ' / ' || ? end, 1000)
				where id = ?""")
			.params(t, t, id)
			.update();
		audit.record(SYSTEM, "FOLLOWUP_SMS_COMMENT", "followup", id, null, Map.of("text", t));
	}

	private void finish(Actor by, Locked f, FollowUpTicket t, Satisfaction s, boolean solved, String comment,
			String suggestion, String channel, Long contactId) {
		Instant now = clock.instant();
		jdbc.sql("""
				update followup_follow_up set status = 'DONE', satisfaction = ?, solved = ?, comment = ?, suggestion = ?,
				  channel = ?, done_by = ?, done_at = ?, contact_id = ? where id = ?""")
			.params(s.name(), solved, comment, suggestion, channel, by.name(), SqlValues.ts(now), contactId, f.id())
			.update();
		if (suggestion != null) {
			suggestions.collectFromFollowUp(by, f.id(), t.ticketNo(), t.customerId(), f.phone(), suggestion);
		}
		audit.record(by, "FOLLOWUP_DONE", "followup", f.id(), Map.of("status", f.status().name()),
				mapOf("status", "DONE", "ticketNo", t.ticketNo(), "satisfaction", s.name(), "solved", solved, "comment",
						comment, "channel", channel, "contactId", contactId));
	}

	/** Closes the ticket, unless a close rule holds it (a complaint not yet answered): then a note says so. */
	private void closeOrNote(String ticketNo, String note) {
		Optional<String> refusal = complaints.refusalFor(ticketNo);
		if (refusal.isPresent()) {
			ticketCommands.note(SYSTEM, ticketNo, note + " " + text("followup.note.waitsForReply"));
			return;
		}
		ticketCommands.closeAfterFollowUp(SYSTEM, ticketNo, note);
	}

	// ------------------------------------------------------------------ attempts

	/**
	 * A call that was not answered. On the third day with such a call the follow-up is UNREACHABLE
	 * and the ticket is closed with a note saying so.
	 * @throws HeatDeskException 404 {@code FOLLOWUP_NOT_FOUND}; 409 {@code FOLLOWUP_ALREADY_DONE},
	 *         {@code FOLLOWUP_TICKET_NOT_RESOLVED}; 400 for a note too long or with control characters
	 */
	@Transactional
	FollowUpView recordAttempt(Actor by, long id, String note, Long contactId) {
		String n = InputChecks.optional(note, "note", 500);
		Locked f = lock(id);
		FollowUpTicket t = resolvedTicket(f);
		Instant now = clock.instant();
		LocalDate day = LocalDate.ofInstant(now, zone);
		jdbc.sql("insert into followup_attempt (follow_up_id, at, day, by_name, note, contact_id) values (?, ?, ?, ?, ?, ?)")
			.params(id, SqlValues.ts(now), day, by.name(), n, contactId)
			.update();
		int days = jdbc.sql("select count(distinct day) from followup_attempt where follow_up_id = ?").param(id)
			.query(Integer.class).single();
		audit.record(by, "FOLLOWUP_ATTEMPT", "followup", id, null, mapOf("ticketNo", t.ticketNo(), "day", day.toString(),
				"days", days, "note", n));
		if (days >= ATTEMPT_DAYS) {
			jdbc.sql("update followup_follow_up set status = 'UNREACHABLE', done_by = ?, done_at = ? where id = ?")
				.params(by.name(), SqlValues.ts(now), id)
				.update();
			audit.record(by, "FOLLOWUP_UNREACHABLE", "followup", id, Map.of("status", "QUEUED"),
					Map.of("status", "UNREACHABLE", "ticketNo", t.ticketNo()));
			closeOrNote(t.ticketNo(), text("followup.note.unreachable", days));
		}
		return find(id).orElseThrow();
	}

	// ------------------------------------------------------------------ helpers

	private record Locked(long id, String ticketNo, FollowUpStatus status, String phone) {
	}

	private Locked lock(long id) {
		return jdbc.sql("select id, ticket_no, status, phone from followup_follow_up where id = ? for update")
			.param(id)
			.query((rs, n) -> new Locked(rs.getLong(1), rs.getString(2), FollowUpStatus.valueOf(rs.getString(3)),
					rs.getString(4)))
			.optional()
			.orElseThrow(() -> HeatDeskException.notFound("FOLLOWUP_NOT_FOUND", id));
	}

	private FollowUpTicket resolvedTicket(Locked f) {
		if (f.status() != FollowUpStatus.QUEUED) {
			throw HeatDeskException.conflict("FOLLOWUP_ALREADY_DONE");
		}
		FollowUpTicket t = tickets.forFollowUp(f.ticketNo())
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND", f.ticketNo()));
		if (t.status() != TicketStatus.RESOLVED) {
			throw HeatDeskException.conflict("FOLLOWUP_TICKET_NOT_RESOLVED");
		}
		return t;
	}

	/** Text written into the ticket's timeline: in Chinese, the language of the center's records. */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	private String label(Satisfaction s) {
		return text("followup.satisfaction." + s.name());
	}
}
