package org.heatdesk.ticket.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketEscalated;
import org.heatdesk.ticket.TicketOverdue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds before deadlines and escalates when they pass. Runs on every node on a timer, but only the
 * node that takes the transaction-scoped advisory lock does the work, so several nodes never remind
 * or escalate twice. Publishes {@link TicketOverdue} and {@link TicketEscalated}. Reads and writes the
 * tickets through {@link DueTickets}.
 */
@Component
class DeadlineSweep {

	/** The advisory lock key of this job ("TKSWEEP" in ASCII). */
	static final long LOCK = 0x544b5357454550L;

	private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

	private final DueTickets tickets;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	DeadlineSweep(DueTickets tickets, JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.tx = new TransactionTemplate(transactions);
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${heatdesk.ticket.sweep-interval:60s}", fixedDelayString = "${heatdesk.ticket.sweep-interval:60s}")
	void run() {
		try {
			sweep(clock.instant());
		}
		catch (RuntimeException e) {
			log.warn("deadline sweep failed", e);
		}
	}

	/** Result of one sweep: whether this node held the lock, and how many reminders and escalations it wrote. */
	record Outcome(boolean ran, int reminded, int overdue) {
	}

	Outcome sweep(Instant now) {
		return tx.execute(s -> sweepLocked(now));
	}

	private Outcome sweepLocked(Instant now) {
		Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
		if (!Boolean.TRUE.equals(locked)) {
			return new Outcome(false, 0, 0);
		}
		int reminded = 0;
		int overdue = 0;
		for (DueTickets.Due row : tickets.dueBefore(now, 500)) {
			String mark = row.mark();
			Instant due = row.deadline();
			if (mark == null || due == null) {
				continue;
			}
			if (due.isBefore(now)) {
				if (!mark.equals(row.overdueMark())) {
					escalate(row, mark, due, now);
					overdue++;
				}
			}
			else if (!mark.equals(row.remindedMark())) {
				remind(row, mark, due, now);
				reminded++;
			}
		}
		return new Outcome(true, reminded, overdue);
	}

	private void remind(DueTickets.Due row, String mark, Instant due, Instant now) {
		tickets.reminded(row.id(), mark);
		for (long staffId : holders(row)) {
			tickets.notify(staffId, row.id(), "REMINDER", mark, now);
		}
		tickets.addEvent(row.id(), now, AuditTrail.SYSTEM, "REMINDED", mark);
	}

	private void escalate(DueTickets.Due row, String mark, Instant due, Instant now) {
		tickets.overdue(row.id(), mark);
		StaffView lead = tickets.leadFor(row).orElse(null);
		Set<Long> notified = holders(row);
		if (lead != null) {
			notified.add(lead.id());
		}
		for (long staffId : notified) {
			tickets.notify(staffId, row.id(), "OVERDUE", mark, now);
		}
		tickets.addEvent(row.id(), now, AuditTrail.SYSTEM, "OVERDUE", mark);
		// Map.of refuses the null of a ticket with no lead to escalate to
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("mark", mark);
		detail.put("deadline", due.toString());
		detail.put("escalatedTo", lead == null ? null : lead.username());
		audit.record("TICKET_OVERDUE", "ticket", row.ticketNo(), null, detail);
		events.publishEvent(new TicketOverdue(row.id(), row.ticketNo(), mark, due, row.assigneeId(), now));
		if (lead != null) {
			tickets.addEvent(row.id(), now, AuditTrail.SYSTEM, "ESCALATED", lead.displayName());
			events.publishEvent(new TicketEscalated(row.id(), row.ticketNo(), null, lead.id(), "OVERDUE " + mark, now));
		}
	}

	private static Set<Long> holders(DueTickets.Due row) {
		Set<Long> ids = new LinkedHashSet<>();
		if (row.assigneeId() != null) {
			ids.add(row.assigneeId());
		}
		ids.add(row.firstResponderId());
		return ids;
	}

}
