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

	private static final java.time.Duration FULL_CHECK_EVERY = java.time.Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "audit-sealer");
		t.setDaemon(true);
		return t;
	});

	private final AtomicBoolean pending = new AtomicBoolean();

	private final AuditAnchor anchor;

	/** Why the sealer last refused to go on, or {@code null}; logged once per change. */
	private volatile String refusal;

	AuditSealer(JdbcClient jdbc, TransactionTemplate tx, AuditAnchor anchor) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.anchor = anchor;
	}

	/** Why the sealer stopped sealing (the chain no longer fits its anchor), or {@code null}. */
	String refusal() {
		return refusal;
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
		var checkpoint = anchor.current();
		long[] head = new long[1];
		String[] headHash = new String[1];
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
			var last = jdbc.sql("select chain_seq, hash, id from platform_audit_event where chain_seq is not null order by chain_seq desc limit 1")
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getLong(3) })
				.optional();
			long seq = last.map(l -> (Long) l[0]).orElse(0L);
			String prev = last.map(l -> (String) l[1]).orElse(AuditRow.GENESIS);
			String problem = anchor.invalid() ? "the checkpoint file's signature does not fit"
					: checkpoint.map(c -> problemAgainst(c, seq)).orElse(null);
			if (problem == null && rows.get(0).id() < belowId(checkpoint, last.map(l -> (Long) l[2]).orElse(0L))
					&& fullCheckDue(rows.get(0))) {
				// An unsealed row below the anchored head: a transaction that committed late, or a row whose
				// seal was blanked. Only the second leaves a hole in the sequence.
				lastFullCheck = System.nanoTime();
				long count = jdbc.sql("select count(chain_seq) from platform_audit_event").query(Long.class).single();
				if (count != seq) {
					problem = "the sealed sequence has " + (seq - count) + " hole(s): rows lost their seal or were deleted";
				}
			}
			if (problem != null) {
				if (!problem.equals(refusal)) {
					log.error("Audit sealer stopped: {}. Rows stay unsealed until the chain is restored (see docs/platform.md)",
							problem);
				}
				refusal = problem;
				return 0;
			}
			refusal = null;
			int n = rows.size();
			Long[] ids = new Long[n];
			Long[] seqs = new Long[n];
			String[] prevs = new String[n];
			String[] hashes = new String[n];
			long s = seq;
			for (int i = 0; i < n; i++) {
				AuditRow row = rows.get(i);
				s++;
				ids[i] = row.id();
				seqs[i] = s;
				prevs[i] = prev;
				hashes[i] = row.hash(s, prev);
				prev = hashes[i];
			}
			// one statement for the batch: on the first cold day every request writes audit rows, and a
			// round trip per row made the sealer cost as much as the writes it seals
			jdbc.sql("""
					update platform_audit_event a set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
					from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) as v(id, seq, prev, hash)
					where a.id = v.id""").params(ids, seqs, prevs, hashes).update();
			head[0] = s;
			headHash[0] = prev;
			return n;
		});
		if (sealed != null && sealed > 0) {
			// after commit: a checkpoint ahead of the database would accuse it of a loss it never had
			anchor.advance(head[0], headHash[0]);
		}
		return sealed == null ? 0 : sealed;
	}

	/** What is wrong with the database's chain against the last checkpoint, or {@code null}. */
	private String problemAgainst(AuditAnchor.Checkpoint checkpoint, long headSeq) {
		if (headSeq < checkpoint.seq()) {
			return "the chain ends at " + headSeq + " but was anchored at " + checkpoint.seq() + ": its tail was removed";
		}
		String atCheckpoint = jdbc.sql("select hash from platform_audit_event where chain_seq = ?")
			.param(checkpoint.seq())
			.query(String.class)
			.optional()
			.orElse(null);
		if (!checkpoint.hash().equals(atCheckpoint)) {
			return "row " + checkpoint.seq() + " no longer carries the anchored hash: the chain was rewritten";
		}
		// rows sealed since the checkpoint: their sequence must have no hole (a few rows, by the index)
		long since = jdbc.sql("select count(*) from platform_audit_event where chain_seq > ?")
			.param(checkpoint.seq())
			.query(Long.class)
			.single();
		if (since != headSeq - checkpoint.seq()) {
			return "rows sealed after " + checkpoint.seq() + " lost their seal or were deleted";
		}
		return null;
	}

	private volatile long lastFullCheck = System.nanoTime() - FULL_CHECK_EVERY.toNanos();

	/**
	 * Counting every sealed row costs a scan of the sequence's index; busy desks commit slightly out of
	 * id order all the time. A row below the head that is older than the grace a late commit gets is
	 * always checked; younger ones at most every {@link #FULL_CHECK_EVERY}.
	 */
	private boolean fullCheckDue(AuditRow first) {
		return first.occurredAt().isBefore(java.time.Instant.now().minus(AuditChainVerifier.UNSEALED_GRACE))
				|| System.nanoTime() - lastFullCheck >= FULL_CHECK_EVERY.toNanos();
	}

	/** Unsealed rows with an id below this one need the full check for holes. */
	private long belowId(java.util.Optional<AuditAnchor.Checkpoint> checkpoint, long headId) {
		return checkpoint.flatMap(c -> jdbc.sql("select id from platform_audit_event where chain_seq = ?")
			.param(c.seq())
			.query(Long.class)
			.optional()).orElse(headId);
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
