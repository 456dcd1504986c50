package org.heatdesk.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.ticket.CloseCondition;
import org.heatdesk.ticket.FollowUpTicket;
import org.heatdesk.ticket.TicketPanels;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketRecorded;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.TicketView;
import org.heatdesk.ticket.Tickets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.heatdesk.followup.TicketNotes.mapOf;

/**
 * Complaints answered in time (10.5): every complaint gets a reply deadline (working days from
 * intake, a setting); the reply to the customer is recorded with how it reached them (SMS, call or
 * both) and sent as a COMPLAINT_REPLY message when by SMS. A complaint without a reply is never
 * closed: this is the ticket module's {@link CloseCondition}. The ticket page shows the reply's
 * state ({@link TicketPanels}).
 */
@Service
class ComplaintReplies implements CloseCondition, TicketPanels {

	static final String REPLY_REQUIRED = "FOLLOWUP_COMPLAINT_REPLY_REQUIRED";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final TicketQueries tickets;

	private final Tickets ticketCommands;

	private final FollowUpSettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	ComplaintReplies(JdbcClient jdbc, TicketQueries tickets, @Lazy Tickets ticketCommands, FollowUpSettings settings,
			AuditTrail audit, Clock clock, MessageSource messages, ApplicationEventPublisher events,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.ticketCommands = ticketCommands;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.messages = messages;
		this.events = events;
		this.zone = ZoneId.of(zone);
	}

	/** A complaint and its reply. {@code phone} unmasked: pages mask it. */
	record Complaint(long ticketId, String ticketNo, Long customerId, String phone, Instant recordedAt, Instant replyDue,
			String reply, boolean bySms, boolean byCall, String repliedBy, Instant repliedAt) {

		public boolean replied() {
			return repliedAt != null;
		}

		public boolean overdue(Instant now) {
			return !replied() && replyDue.isBefore(now);
		}
	}

	/** A complaint was recorded: its reply is due in the set working days. */
	@EventListener
	void onRecorded(TicketRecorded event) {
		if (event.type() != TicketType.COMPLAINT) {
			return;
		}
		tickets.forFollowUp(event.ticketNo()).ifPresent(this::track);
	}

	/** Tracks the reply of a complaint (also for the demo's complaints, written without events). */
	void track(FollowUpTicket t) {
		Instant due = WorkingDays.plus(t.recordedAt(), settings.complaintReplyDays(), zone);
		String phone = t.contactPhone() != null ? t.contactPhone() : t.callerPhone();
		jdbc.sql("""
				insert into followup_complaint (ticket_id, ticket_no, customer_id, phone, recorded_at, reply_due)
				values (?, ?, ?, ?, ?, ?) on conflict (ticket_id) do nothing""")
			.params(t.id(), t.ticketNo(), t.customerId(), phone, SqlValues.ts(t.recordedAt()), SqlValues.ts(due))
			.update();
	}

	@Override
	public Optional<String> refusal(TicketView t) {
		if (t.type() != TicketType.COMPLAINT) {
			return Optional.empty();
		}
		return replied(t.ticketNo()) ? Optional.empty() : Optional.of(REPLY_REQUIRED);
	}

	/** {@link #refusal} for a ticket known by its number. */
	Optional<String> refusalFor(String ticketNo) {
		return tickets.forFollowUp(ticketNo)
			.filter(t -> t.type() == TicketType.COMPLAINT && !replied(t.ticketNo()))
			.map(t -> REPLY_REQUIRED);
	}

	private boolean replied(String ticketNo) {
		return jdbc.sql("select count(*) from followup_complaint where ticket_no = ? and replied_at is not null")
			.param(ticketNo).query(Long.class).single() > 0;
	}

	@Transactional(readOnly = true)
	Optional<Complaint> find(String ticketNo) {
		return jdbc.sql("select * from followup_complaint where ticket_no = ?").param(ticketNo).query(ComplaintReplies::row)
			.optional();
	}

	/**
	 * The complaints to answer, the overdue first then the soonest due, followed by the latest answered;
	 * for someone who is neither team lead nor manager only those they hold.
	 */
	@Transactional(readOnly = true)
	List<Complaint> list(String holderOnly, int limit) {
		List<Complaint> all = new ArrayList<>(jdbc.sql("select * from followup_complaint where replied_at is null order by reply_due, ticket_id limit ?")
			.param(limit).query(ComplaintReplies::row).list());
		all.addAll(jdbc.sql("select * from followup_complaint where replied_at is not null order by replied_at desc limit 50")
			.query(ComplaintReplies::row).list());
		if (holderOnly == null) {
			return all;
		}
		return all.stream()
			.filter(c -> tickets.forFollowUp(c.ticketNo()).map(t -> holderOnly.equals(t.assignee())).orElse(false))
			.toList();
	}

	private static Complaint row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Complaint(rs.getLong("ticket_id"), rs.getString("ticket_no"), rs.getObject("customer_id", Long.class),
				rs.getString("phone"), SqlValues.instant(rs, "recorded_at"), SqlValues.instant(rs, "reply_due"),
				rs.getString("reply"), rs.getBoolean("by_sms"), rs.getBoolean("by_call"), rs.getString("replied_by"),
				SqlValues.instant(rs, "replied_at"));
	}

	/**
	 * Records the reply to a complaint, and sends it by SMS when {@code bySms}. The team leads and the
	 * managers may reply to any complaint, others only to one they hold; never the staff member the
	 * complaint is about (6.7).
	 * @param supervisor whether {@code by} is a team lead or a manager
	 * @throws HeatDeskException 400 {@code REQUIRED} (reply), {@code FOLLOWUP_REPLY_HOW_REQUIRED};
	 *         404 {@code TICKET_NOT_FOUND}; 409 {@code FOLLOWUP_NOT_A_COMPLAINT},
	 *         {@code FOLLOWUP_COMPLAINT_ALREADY_REPLIED}; 403 {@code FOLLOWUP_COMPLAINT_NOT_YOURS}
	 */
	@Transactional
	Complaint reply(Actor by, long byStaffId, boolean supervisor, String ticketNo, String reply, boolean bySms,
			boolean byCall) {
		String text = InputChecks.required(reply, "reply", 1000);
		if (!bySms && !byCall) {
			throw HeatDeskException.badInput("FOLLOWUP_REPLY_HOW_REQUIRED", "how");
		}
		FollowUpTicket t = tickets.forFollowUp(ticketNo)
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND", ticketNo));
		if (t.aboutStaffId() != null && t.aboutStaffId() == byStaffId) {
			audit.recordSecurityEvent(by.name(), "FOLLOWUP_COMPLAINT_REFUSED", "ticket", t.ticketNo(), Map.of("rule", "6.7"));
			throw HeatDeskException.forbidden("FOLLOWUP_COMPLAINT_NOT_YOURS");
		}
		if (!supervisor && !by.name().equals(t.assignee())) {
			audit.recordSecurityEvent(by.name(), "FOLLOWUP_COMPLAINT_REFUSED", "ticket", t.ticketNo(), Map.of("rule", "holder"));
			throw HeatDeskException.forbidden("FOLLOWUP_COMPLAINT_NOT_YOURS");
		}
		if (t.type() != TicketType.COMPLAINT) {
			throw HeatDeskException.conflict("FOLLOWUP_NOT_A_COMPLAINT");
		}
		track(t);
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				update followup_complaint set reply = ?, by_sms = ?, by_call = ?, replied_by = ?, replied_at = ?
				where ticket_no = ? and replied_at is null""")
			.params(text, bySms, byCall, by.name(), SqlValues.ts(now), t.ticketNo())
			.update();
		if (updated == 0) {
			throw HeatDeskException.conflict("FOLLOWUP_COMPLAINT_ALREADY_REPLIED");
		}
		Complaint c = find(t.ticketNo()).orElseThrow();
		audit.record(by, "FOLLOWUP_COMPLAINT_REPLIED", "ticket", t.ticketNo(), null,
				mapOf("reply", text, "bySms", bySms, "byCall", byCall, "late", c.replyDue().isBefore(now)));
		ticketCommands.note(FollowUps.SYSTEM, t.ticketNo(),
				messages.getMessage("followup.note.complaintReplied", new Object[] { by.displayName(), how(bySms, byCall), text },
						Locale.SIMPLIFIED_CHINESE));
		if (bySms) {
			events.publishEvent(new ReplyToSend(ReplyToSend.Kind.COMPLAINT_REPLY, t.ticketNo(), t.customerId(), c.phone(),
					text, "complaint-reply:" + t.ticketNo()));
		}
		return c;
	}

	private String how(boolean bySms, boolean byCall) {
		String key = bySms && byCall ? "followup.complaint.how.both" : bySms ? "followup.complaint.how.sms" : "followup.complaint.how.call";
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}

	// ---- the ticket page

	@Override
	public List<Panel> panels(String ticketNo) {
		Optional<Complaint> found = find(ticketNo);
		if (found.isEmpty()) {
			FollowUpTicket t = tickets.forFollowUp(ticketNo).orElse(null);
			if (t == null || t.type() != TicketType.COMPLAINT) {
				return List.of();
			}
			return List.of(new Panel("complaint-reply", "followup.complaint.panel",
					List.of(new Fact("followup.complaint.replyState", "followup.complaint.value.notTracked", List.of(), "warn",
							"/followups/complaints?ticket=" + t.ticketNo()))));
		}
		Complaint c = found.get();
		Instant now = clock.instant();
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("followup.complaint.replyDue", "followup.value.plain", List.of(time(c.replyDue())),
				c.overdue(now) ? "bad" : null));
		if (c.replied()) {
			facts.add(new Fact("followup.complaint.replyState", "followup.complaint.value.replied",
					List.of(time(c.repliedAt()), c.repliedBy()), c.repliedAt().isAfter(c.replyDue()) ? "warn" : "ok"));
			facts.add(new Fact("followup.complaint.reply", "followup.value.plain", List.of(c.reply()), null));
		}
		else {
			facts.add(new Fact("followup.complaint.replyState", "followup.complaint.value.open", List.of(c.ticketNo()),
					c.overdue(now) ? "bad" : "warn", "/followups/complaints?ticket=" + c.ticketNo()));
		}
		return List.of(new Panel("complaint-reply", "followup.complaint.panel", List.copyOf(facts)));
	}

	private String time(Instant i) {
		return TIME.format(i.atZone(zone));
	}
}
