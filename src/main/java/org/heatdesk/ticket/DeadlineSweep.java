package org.heatdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.staff.StaffView;
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
 * or escalate twice. Publishes {@link TicketOverdue} and {@link TicketEscalated}.
 */
@Component
class DeadlineSweep {

	/** The advisory lock key of this job ("TKSWEEP" in ASCII). */
	static final long LOCK = 0x544b5357454550L;

	private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

	private final TicketRepository repository;

	private final TicketSupport support;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	DeadlineSweep(TicketRepository repository, TicketSupport support, JdbcClient jdbc, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions) {
		this.tx = new TransactionTemplate(transactions);
		this.repository = repository;
		this.support = support;
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
		for (TicketRow row : repository.dueBefore(now, 500)) {
			Mark mark = row.nextMark();
			Instant due = row.nextDeadline();
			if (mark == null || due == null) {
				continue;
			}
			if (due.isBefore(now)) {
				if (!mark.name().equals(row.overdueMark())) {
					escalate(row, mark, due, now);
					overdue++;
				}
			}
			else if (!mark.name().equals(row.remindedMark())) {
				remind(row, mark, due, now);
				reminded++;
			}
		}
		return new Outcome(true, reminded, overdue);
	}

	private void remind(TicketRow row, Mark mark, Instant due, Instant now) {
		repository.updateQuietly(row.id(), "reminded_mark = ?", mark.name());
		for (long staffId : holders(row)) {
			repository.notify(staffId, row.id(), "REMINDER", mark.name(), now);
		}
		repository.addEvent(row.id(), now, AuditTrail.SYSTEM, "REMINDED", mark.name(), null);
	}

	private void escalate(TicketRow row, Mark mark, Instant due, Instant now) {
		repository.updateQuietly(row.id(), "overdue_mark = ?, reminded_mark = ?, escalation_level = escalation_level + 1",
				mark.name(), mark.name());
		StaffView lead = support.leadFor(teamOf(row), row, null).orElse(null);
		Set<Long> notified = holders(row);
		if (lead != null) {
			notified.add(lead.id());
		}
		for (long staffId : notified) {
			repository.notify(staffId, row.id(), "OVERDUE", mark.name(), now);
		}
		repository.addEvent(row.id(), now, AuditTrail.SYSTEM, "OVERDUE", mark.name(), null);
		audit.record("TICKET_OVERDUE", "ticket", row.ticketNo(), null,
				TicketSupport.mapOf("mark", mark.name(), "deadline", due.toString(), "escalatedTo", lead == null ? null : lead.username()));
		events.publishEvent(new TicketOverdue(row.id(), row.ticketNo(), mark.name(), due, row.assigneeId(), now));
		if (lead != null) {
			repository.addEvent(row.id(), now, AuditTrail.SYSTEM, "ESCALATED", lead.displayName(), null);
			events.publishEvent(new TicketEscalated(row.id(), row.ticketNo(), null, lead.id(), "OVERDUE " + mark.name(), now));
		}
	}

	private Long teamOf(TicketRow row) {
		return row.assigneeTeamId();
	}

	private static Set<Long> holders(TicketRow row) {
		Set<Long> ids = new LinkedHashSet<>();
		if (row.assigneeId() != null) {
			ids.add(row.assigneeId());
		}
		ids.add(row.firstResponderId());
		return ids;
	}

}
