package org.heatdesk.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.SqlValues;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public portal's rate limits: what one phone, one client address or one ticket number may do
 * within the window ({@link PortalRequestSettings#window()}). Counted in PostgreSQL
 * ({@code portal_rate_event}), so every node counts the same; a check takes a transaction-scoped
 * advisory lock on its subject, so two requests of one phone at the same instant do not both pass the
 * last free place. Past the limit: 429 {@code PORTAL_RATE_LIMITED} with the minutes until a place is free.
 */
@Component
class PortalRateLimits {

	enum Kind {
		CODE, REQUEST, LOOKUP_MISS, ADDITION
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PortalRequestSettings settings;

	private final TransactionTemplate apart;

	PortalRateLimits(JdbcClient jdbc, Clock clock, PortalRequestSettings settings, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	static String phone(String phone) {
		return "phone:" + phone;
	}

	static String address(String client) {
		return "addr:" + (client == null ? "-" : client);
	}

	static String ticket(String ticketNo) {
		return "ticket:" + ticketNo;
	}

	/**
	 * Refuses when {@code subject} did {@code kind} {@code limit} times within the window. Inside a
	 * transaction, holds the subject's advisory lock until it ends (so the caller's {@link #record} is
	 * counted before the next check of the same subject).
	 * @throws HeatDeskException 429 {@code PORTAL_RATE_LIMITED}, {@code field} named
	 */
	void check(Kind kind, String subject, int limit, String field) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(kind.name() + "|" + subject).query().listOfRows();
		Instant now = clock.instant();
		Duration window = settings.window();
		var counted = jdbc.sql("""
				select count(*) as n, min(at) as oldest from portal_rate_event where kind = ? and subject = ? and at > ?""")
			.params(kind.name(), subject, SqlValues.ts(now.minus(window)))
			.query((rs, n) -> new Object[] { rs.getLong("n"), SqlValues.instant(rs, "oldest") })
			.single();
		long n = (Long) counted[0];
		if (n >= limit) {
			Instant oldest = (Instant) counted[1];
			long minutes = oldest == null ? 1
					: Math.max(1, (Duration.between(now, oldest.plus(window)).toSeconds() + 59) / 60);
			throw new HeatDeskException(HttpStatus.TOO_MANY_REQUESTS, "PORTAL_RATE_LIMITED", field, minutes);
		}
	}

	/** Counts {@code kind} once for each subject, in the caller's transaction. */
	void record(Kind kind, String... subjects) {
		Instant now = clock.instant();
		for (String s : subjects) {
			jdbc.sql("insert into portal_rate_event (kind, subject, at) values (?, ?, ?)")
				.params(kind.name(), s.length() > 120 ? s.substring(0, 120) : s, SqlValues.ts(now))
				.update();
		}
	}

	/** {@link #record} in a transaction of its own: for a refusal, whose own transaction rolls back. */
	void recordApart(Kind kind, String... subjects) {
		apart.executeWithoutResult(s -> record(kind, subjects));
	}

	/** Events older than two windows (and two days) count for nothing any more. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void prune() {
		Duration keep = settings.window().multipliedBy(2).compareTo(Duration.ofDays(2)) > 0
				? settings.window().multipliedBy(2) : Duration.ofDays(2);
		jdbc.sql("delete from portal_rate_event where at < ?").param(SqlValues.ts(clock.instant().minus(keep))).update();
	}
}
