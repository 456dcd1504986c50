package org.heatdesk.platform.internal;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains committed audit rows in id order, one batch at a time. A PostgreSQL advisory lock makes
 * exactly one sealer work at a time even when several nodes run; rows that commit late (a lower
 * id after a higher one was sealed) simply join the chain at its end.
 */
@Component
public class AuditSealer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	static final long LOCK_KEY = 0x4845_4154_4155_4431L; // "HEATAUD1"

	private static final int BATCH = 2000;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "audit-sealer");
		t.setDaemon(true);
		return t;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	AuditSealer(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/** Asks for a seal soon; many requests while one is pending collapse into one run. */
	public void requestSeal() {
		if (pending.compareAndSet(false, true)) {
			executor.schedule(() -> {
				pending.set(false);
				try {
					sealAll();
				}
				catch (RuntimeException e) {
					log.warn("Audit sealing failed; the scheduled sweep will retry: {}", e.getMessage());
				}
			}, 50, TimeUnit.MILLISECONDS);
		}
	}

	@Scheduled(fixedDelayString = "${heatdesk.audit.seal-interval:5s}")
	void sweep() {
		try {
			sealAll();
		}
		catch (RuntimeException e) {
			log.warn("Audit sealing sweep failed: {}", e.getMessage());
		}
	}

	/** Seals every committed unsealed row; returns how many were sealed. */
	public int sealAll() {
		int total = 0;
		int sealed;
		do {
			sealed = sealBatch();
			total += sealed;
		}
		while (sealed == BATCH);
		return total;
	}

	private int sealBatch() {
		Integer sealed = tx.execute(status -> {
			Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single();
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			List<AuditRow> rows = jdbc.sql("select * from platform_audit_event where hash is null order by id limit " + BATCH)
				.query(AuditRow.MAPPER)
				.list();
			if (rows.isEmpty()) {
				return 0;
			}
			var last = jdbc.sql("select chain_seq, hash from platform_audit_event where chain_seq is not null order by chain_seq desc limit 1")
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
				.optional();
			long seq = last.map(l -> (Long) l[0]).orElse(0L);
			String prev = last.map(l -> (String) l[1]).orElse(AuditRow.GENESIS);
			int n = rows.size();
			Long[] ids = new Long[n];
			Long[] seqs = new Long[n];
			String[] prevs = new String[n];
			String[] hashes = new String[n];
			for (int i = 0; i < n; i++) {
				AuditRow row = rows.get(i);
				seq++;
				ids[i] = row.id();
				seqs[i] = seq;
				prevs[i] = prev;
				hashes[i] = row.hash(seq, prev);
				prev = hashes[i];
			}
			// one statement for the batch: on the first cold day every request writes audit rows, and a
			// round trip per row made the sealer cost as much as the writes it seals
			jdbc.sql("""
					update platform_audit_event a set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
					from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) as v(id, seq, prev, hash)
					where a.id = v.id""").params(ids, seqs, prevs, hashes).update();
			return n;
		});
		return sealed == null ? 0 : sealed;
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
