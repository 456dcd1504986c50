package org.heatdesk.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.ticket.TicketFixtures.repair;
import static org.heatdesk.ticket.TicketFixtures.unique;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Api;
import org.heatdesk.ticket.TicketEventLog;
import org.heatdesk.ticket.TicketOverdue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The deadline sweep against the embedded PostgreSQL: a near deadline is reminded, a passed one escalated once by one node. */
@HeatDeskTest
class DeadlineSweepIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Autowired
	DeadlineSweep sweep;

	@Autowired
	TicketEventLog log;

	@Autowired
	PlatformTransactionManager transactions;

	long staffId(String username) {
		return staff.findByUsername(username).orElseThrow().id();
	}

	String recordRepair(String description) {
		Api.Response r = Api.as(port, "agent").post("/api/v1/tickets", repair(description));
		assertThat(r.status()).isEqualTo(201);
		return r.text("ticketNo");
	}

	@Test
	void aPassedDeadlineIsEscalatedOnceByOneNode() {
		String no = recordRepair(unique("超时升级"));
		Instant now = Instant.now();
		jdbc.sql("update ticket set dispatch_due = ? where ticket_no = ?").params(java.sql.Timestamp.from(now.minusSeconds(60)), no).update();

		// another node holds the lock: this one skips the sweep
		TransactionTemplate tx = new TransactionTemplate(transactions);
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread other = new Thread(() -> tx.executeWithoutResult(s -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(DeadlineSweep.LOCK).query(Object.class).single();
			held.countDown();
			try {
				release.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		other.start();
		try {
			held.await();
			assertThat(sweep.sweep(now).ran()).isFalse();
		}
		catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
		finally {
			release.countDown();
		}
		try {
			other.join();
		}
		catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}

		// the scheduled sweep may hold the lock for a moment: run until this node gets it
		org.awaitility.Awaitility.await().until(() -> sweep.sweep(now).ran());
		assertThat(jdbc.sql("select escalation_level from ticket where ticket_no = ?").param(no).query(Integer.class).single()).isEqualTo(1);
		assertThat(log.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TicketOverdue.class, x -> {
			assertThat(x.ticketNo()).isEqualTo(no);
			assertThat(x.mark()).isEqualTo("DISPATCHED");
		}));
		assertThat(jdbc.sql("select count(*) from ticket_notification n join ticket t on t.id = n.ticket_id where t.ticket_no = ? and n.kind = 'OVERDUE' and n.staff_id = ?")
			.params(no, staffId("lead")).query(Long.class).single()).isEqualTo(1);
		// a second sweep does not escalate the same mark again
		sweep.sweep(now);
		assertThat(jdbc.sql("select escalation_level from ticket where ticket_no = ?").param(no).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aDeadlineNearIsReminded() {
		String no = recordRepair(unique("催办提醒"));
		Instant now = Instant.now();
		jdbc.sql("update ticket set dispatch_due = ? where ticket_no = ?").params(java.sql.Timestamp.from(now.plusSeconds(120)), no).update();
		org.awaitility.Awaitility.await().until(() -> sweep.sweep(now).ran());
		assertThat(jdbc.sql("select reminded_mark from ticket where ticket_no = ?").param(no).query(String.class).single()).isEqualTo("DISPATCHED");
		assertThat(jdbc.sql("select count(*) from ticket_notification n join ticket t on t.id = n.ticket_id where t.ticket_no = ? and n.kind = 'REMINDER'")
			.param(no).query(Long.class).single()).isEqualTo(1);
	}
}
