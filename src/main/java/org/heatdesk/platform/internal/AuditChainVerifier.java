package org.heatdesk.platform.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the audit chain from the stored rows and names the first row that does not fit; then
 * holds the chain's head against the checkpoint kept outside the database ({@link AuditAnchor}), which
 * is what shows a removed or re-chained tail.
 */
@Component
class AuditChainVerifier {

	/** Rows still unsealed this long after they were written are reported: the sealer is behind or stopped. */
	static final Duration UNSEALED_GRACE = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final AuditAnchor anchor;

	AuditChainVerifier(JdbcClient jdbc, AuditAnchor anchor) {
		this.jdbc = jdbc;
		this.anchor = anchor;
	}

	@Transactional(readOnly = true)
	public Result verify() {
		// read before the chain: a checkpoint written while the walk runs could be ahead of what it saw
		var checkpoint = anchor.current();
		boolean checkpointInvalid = anchor.invalid();
		var state = new Object() {
			long checked;
			long expectedSeq = 1;
			String prev = AuditRow.GENESIS;
			Long brokenId;
			String problem;
		};
		jdbc.sql("select * from platform_audit_event where chain_seq is not null order by chain_seq")
			.withFetchSize(1000)
			.query(rs -> {
				if (state.problem != null) {
					return;
				}
				AuditRow row = AuditRow.MAPPER.mapRow(rs, 0);
				if (row.chainSeq() != state.expectedSeq) {
					// a gap: the row with the missing number was deleted, or lost its seal
					state.brokenId = row.id();
					state.problem = "MISSING_ROW_BEFORE";
				}
				else if (!state.prev.equals(row.prevHash())) {
					state.brokenId = row.id();
					state.problem = "PREVIOUS_HASH_MISMATCH";
				}
				else if (!row.hash(row.chainSeq(), state.prev).equals(row.hash())) {
					state.brokenId = row.id();
					state.problem = "CONTENT_CHANGED";
				}
				else {
					state.checked++;
					state.expectedSeq++;
					state.prev = row.hash();
				}
			});
		long head = state.expectedSeq - 1;
		if (state.problem == null && checkpointInvalid) {
			state.problem = "CHECKPOINT_INVALID";
		}
		if (state.problem == null && checkpoint.isPresent()) {
			var c = checkpoint.get();
			if (head < c.seq()) {
				// the chain recomputes, but ends before the head this application sealed and anchored
				state.problem = "HEAD_BEHIND_CHECKPOINT";
			}
			else {
				var atCheckpoint = jdbc.sql("select id, hash from platform_audit_event where chain_seq = ?")
					.param(c.seq())
					.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
					.optional();
				if (atCheckpoint.isEmpty() || !c.hash().equals(atCheckpoint.get()[1])) {
					// every row recomputes, yet the anchored row is another: the chain was rebuilt after an edit
					state.problem = "CHECKPOINT_MISMATCH";
					state.brokenId = atCheckpoint.map(a -> (Long) a[0]).orElse(null);
				}
			}
		}
		Timestamp graceStart = Timestamp.from(Instant.now().minus(UNSEALED_GRACE));
		if (state.problem == null) {
			// a row left unsealed below sealed ones for longer than a late commit takes: its seal was blanked
			state.brokenId = jdbc.sql("""
					select min(id) from platform_audit_event
					where hash is null and occurred_at < ?
					  and id < (select max(id) from platform_audit_event where hash is not null)""")
				.param(graceStart)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (state.brokenId != null) {
				state.problem = "UNSEALED_ROW";
			}
		}
		long unsealed = jdbc.sql("select count(*) from platform_audit_event where hash is null and occurred_at < ?")
			.param(graceStart)
			.query(Long.class)
			.single();
		return new Result(state.problem == null && unsealed == 0, state.checked, state.brokenId, state.problem, unsealed,
				head, checkpoint.map(AuditAnchor.Checkpoint::seq).orElse(null));
	}

	/**
	 * @param valid the whole chain recomputes, fits its last checkpoint, and no row is left unsealed
	 * @param checkedRows rows verified before the first break
	 * @param firstBrokenId id of the first row that does not fit, or {@code null} (also for a removed tail)
	 * @param problem why the chain does not fit, or {@code null}
	 * @param unsealedRows rows older than the grace period that were never sealed
	 * @param headSeq the last sequence number that recomputes
	 * @param checkpointSeq the head last anchored outside the database, or {@code null} before the first seal
	 */
	public record Result(boolean valid, long checkedRows, Long firstBrokenId, String problem, long unsealedRows,
			long headSeq, Long checkpointSeq) {
	}
}
