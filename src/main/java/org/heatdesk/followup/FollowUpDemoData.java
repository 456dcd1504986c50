package org.heatdesk.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

import org.heatdesk.platform.DemoDataSeeder;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.ticket.FollowUpTicket;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketResolved;
import org.heatdesk.ticket.TicketStatus;
import org.heatdesk.ticket.TicketType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The follow-ups of the demo's week: the ticket module writes its demo tickets without events, so
 * the resolved ones are queued here as a resolution would queue them (the agents' queue, the SMS
 * asking to rate), the closed ones get the follow-up that closed them (made by the demo agents, most
 * customers satisfied), the complaints their reply deadline (the closed ones answered), and a few
 * customers' suggestions wait for the manager.
 */
@Component
@Order(60)
class FollowUpDemoData implements DemoDataSeeder {

	private static final Duration WEEK = Duration.ofDays(8);

	private static final String[] CALLERS = { "agent", "agent2", "agent3" };

	private static final int SUGGESTIONS = 3;

	private final TicketQueries tickets;

	private final FollowUps followUps;

	private final ComplaintReplies complaints;

	private final FollowUpSettings settings;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	FollowUpDemoData(TicketQueries tickets, FollowUps followUps, ComplaintReplies complaints, FollowUpSettings settings,
			JdbcClient jdbc, MessageSource messages, Clock clock,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.tickets = tickets;
		this.followUps = followUps;
		this.complaints = complaints;
		this.settings = settings;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public String name() {
		return "followup";
	}

	@Override
	public void seed() {
		Instant now = clock.instant();
		int suggestions = 0;
		for (String no : tickets.numbersRecordedSince(now.minus(WEEK), 1000)) {
			FollowUpTicket t = tickets.forFollowUp(no).orElse(null);
			if (t == null || t.parentId() != null) {
				continue;
			}
			if (t.type() == TicketType.COMPLAINT) {
				complaints.track(t);
				if (t.status() == TicketStatus.CLOSED) {
					answered(t);
				}
			}
			if (t.status() == TicketStatus.RESOLVED && t.resolvedAt() != null) {
				followUps.onResolved(new TicketResolved(t.id(), no, t.type(), t.customerId(), null, t.resolvedAt()));
			}
			else if (t.status() == TicketStatus.CLOSED && t.resolvedAt() != null
					&& Sampling.sampled(no, settings.rule(t.type()).ratePercent())) {
				long id = done(t, now);
				if (suggestions < SUGGESTIONS && t.type() == TicketType.REPAIR) {
					suggestions++;
					suggestion(t, id, suggestions);
				}
			}
		}
	}

	/** The follow-up that closed the ticket: three hours after the result, most customers satisfied. */
	private long done(FollowUpTicket t, Instant now) {
		int h = hash(t.ticketNo());
		String satisfaction = h < 45 ? "VERY_SATISFIED" : h < 88 ? "SATISFIED" : "NEUTRAL";
		Instant doneAt = t.resolvedAt().plus(Duration.ofHours(3));
		if (doneAt.isAfter(now)) {
			doneAt = now;
		}
		String phone = t.contactPhone() != null ? t.contactPhone() : t.callerPhone();
		return jdbc.sql("""
				insert into followup_follow_up (ticket_id, ticket_no, round, ticket_type, customer_id, phone, resolver,
				  resolved_at, due_at, queued_at, status, satisfaction, solved, channel, done_by, done_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DONE', ?, true, 'CALL', ?, ?)
				on conflict (ticket_no, round) do nothing returning id""")
			.params(t.id(), t.ticketNo(), t.round(), t.type().name(), t.customerId(), phone, t.resolvedBy(),
					SqlValues.ts(t.resolvedAt()), SqlValues.ts(WorkingDays.plus(t.resolvedAt(), settings.rule(t.type()).dueDays(), zone)),
					SqlValues.ts(t.resolvedAt()), satisfaction, CALLERS[h % CALLERS.length], SqlValues.ts(doneAt))
			.query(Long.class)
			.single();
	}

	private void suggestion(FollowUpTicket t, long followUpId, int n) {
		String text = messages.getMessage("followup.demo.suggestion." + n, null, Locale.SIMPLIFIED_CHINESE);
		jdbc.sql("update followup_follow_up set suggestion = ? where id = ?").params(text, followUpId).update();
		String phone = t.contactPhone() != null ? t.contactPhone() : t.callerPhone();
		jdbc.sql("""
				insert into followup_suggestion (source, follow_up_id, ticket_no, customer_id, phone, text, created_at)
				values ('FOLLOW_UP', ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(followUpId, t.ticketNo(), t.customerId(), phone, text, SqlValues.ts(t.resolvedAt().plus(Duration.ofHours(3))))
			.update();
	}

	/** A closed complaint was answered by telephone when it was resolved. */
	private void answered(FollowUpTicket t) {
		if (t.resolvedAt() == null) {
			return;
		}
		jdbc.sql("""
				update followup_complaint set reply = ?, by_call = true, replied_by = ?, replied_at = ?
				 where ticket_no = ? and replied_at is null""")
			.params(messages.getMessage("followup.demo.reply", null, Locale.SIMPLIFIED_CHINESE),
					t.resolvedBy() == null ? CALLERS[0] : t.resolvedBy(), SqlValues.ts(t.resolvedAt()), t.ticketNo())
			.update();
	}

	private static int hash(String ticketNo) {
		CRC32 crc = new CRC32();
		// not the sampling's own hash (CRC of the number alone), or the sampled would all be of one kind
		crc.update((ticketNo + "#").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return (int) (crc.getValue() % 100);
	}
}
