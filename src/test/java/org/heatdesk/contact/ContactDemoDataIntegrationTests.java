package org.heatdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.heatdesk.HeatDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Started before the day shift, the demo still has calls today (the night shift's), so the call
 * list and the wallboard are not empty. Seeded with a fixed clock and rolled back.
 */
@HeatDeskTest
class ContactDemoDataIntegrationTests {

	@Autowired
	CallRecorder recorder;

	@Autowired
	Agents agents;

	@Autowired
	Presences presences;

	@Autowired
	CallSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void startedAtHalfPastSixThereAreCallsTodayAndNoneAhead() {
		OffsetDateTime now = OffsetDateTime.of(2026, 12, 3, 6, 30, 0, 0, ZoneOffset.ofHours(8));
		Instant midnight = now.toLocalDate().atStartOfDay().toInstant(ZoneOffset.ofHours(8));
		ContactDemoData demo = new ContactDemoData(recorder, agents, presences, settings,
				Clock.fixed(now.toInstant(), ZoneOffset.UTC), "Asia/Shanghai");
		tx.executeWithoutResult(status -> {
			try {
				demo.seed();
				long today = jdbc.sql("select count(*) from contact_call where switch_call_id like 'DEMO-2026-12-03-%' "
						+ "and first_ring_at >= ? and first_ring_at < ?")
					.params(Timestamp.from(midnight), Timestamp.from(now.toInstant()))
					.query(Long.class)
					.single();
				long all = jdbc.sql("select count(*) from contact_call where switch_call_id like 'DEMO-2026-12-03-%'")
					.query(Long.class)
					.single();
				long ahead = jdbc.sql("select count(*) from contact_call where switch_call_id like 'DEMO-2026-12-03-%' "
						+ "and (first_ring_at > ? or ended_at > ?)")
					.params(Timestamp.from(now.toInstant()), Timestamp.from(now.toInstant()))
					.query(Long.class)
					.single();
				assertThat(all).isEqualTo(settings.demoCalls());
				assertThat(today).isEqualTo(all);
				assertThat(ahead).isZero();
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	@Test
	void startedJustAfterMidnightSomeCallsAreStillToday() {
		OffsetDateTime now = OffsetDateTime.of(2026, 12, 4, 0, 20, 0, 0, ZoneOffset.ofHours(8));
		Instant midnight = now.toLocalDate().atStartOfDay().toInstant(ZoneOffset.ofHours(8));
		ContactDemoData demo = new ContactDemoData(recorder, agents, presences, settings,
				Clock.fixed(now.toInstant(), ZoneOffset.UTC), "Asia/Shanghai");
		tx.executeWithoutResult(status -> {
			try {
				demo.seed();
				long today = jdbc.sql("select count(*) from contact_call where switch_call_id like 'DEMO-2026-12-04-%' "
						+ "and first_ring_at >= ? and first_ring_at < ?")
					.params(Timestamp.from(midnight), Timestamp.from(now.toInstant()))
					.query(Long.class)
					.single();
				assertThat(today).isGreaterThanOrEqualTo(3);
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}
}
