package org.heatdesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.heatdesk.platform.DemoDataSeeder;
import org.heatdesk.ticket.TicketQueries;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The messages the demo's customers would have had: the ticket module writes its demo tickets
 * without events, so their messages are queued here from the tickets as they stand (recorded, a
 * technician on the way, the result). Those of the last two days only; the outbox then delivers them
 * as it delivers any message (at once, or at the end of the quiet hours). Each is stamped with the
 * time of what it tells, so that the outbox reads like the past two days.
 */
@Component
@Order(55)
class NotificationDemoData implements DemoDataSeeder {

	private static final Duration DAYS = Duration.ofDays(2);

	private final TicketQueries tickets;

	private final TicketMessages messages;

	private final JdbcClient jdbc;

	private final Clock clock;

	NotificationDemoData(TicketQueries tickets, TicketMessages messages, JdbcClient jdbc, Clock clock) {
		this.tickets = tickets;
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "notification";
	}

	@Override
	public void seed() {
		Instant since = clock.instant().minus(DAYS);
		for (String no : tickets.numbersRecordedSince(since, 400)) {
			tickets.notice(no).ifPresent(messages::replay);
		}
		// the key ends in the time of the event the message tells of: queued then, sent a few seconds
		// later (unless the night held it: then it waits for the morning as a new one would)
		jdbc.sql("""
				update notification_message
				   set queued_at = to_timestamp(split_part(dedup_key, ':', 3)::bigint / 1000.0),
				       not_before = to_timestamp(split_part(dedup_key, ':', 3)::bigint / 1000.0)
				 where queued_by = ? and ticket_no is not null and status = 'QUEUED' and dedup_key ~ '^[A-Z_]+:[^:]+:[0-9]+$'
				   and not_before <= queued_at
				""").param(TicketMessages.SYSTEM.name()).update();
	}
}
