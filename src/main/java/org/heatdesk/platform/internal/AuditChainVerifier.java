package org.heatdesk.platform.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes the audit chain from the stored rows and names the first row that does not fit. */
@Component
class AuditChainVerifier {

	/** Rows still unsealed this long after they were written are reported: the sealer is behind or stopped. */
	static final Duration UNSEALED_GRACE = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	AuditChainVerifier(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Result verify() {
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
				if (state.brokenId != null) {
					return;
				}
				AuditRow row = AuditRow.MAPPER.mapRow(rs, 0);
				if (row.chainSeq() != state.expectedSeq) {
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
		long unsealed = jdbc.sql("select count(*) from platform_audit_event where hash is null and occurred_at < ?")
			.param(java.sql.Timestamp.from(Instant.now().minus(UNSEALED_GRACE)))
			.query(Long.class)
			.single();
		return new Result(state.brokenId == null && unsealed == 0, state.checked, state.brokenId, state.problem, unsealed);
	}

	/**
	 * @param valid the whole chain recomputes and no row is left unsealed
	 * @param checkedRows rows verified before the first break
	 * @param firstBrokenId id of the first row that does not fit, or {@code null}
	 * @param problem why it does not fit
	 * @param unsealedRows rows older than the grace period that were never sealed
	 */
	public record Result(boolean valid, long checkedRows, Long firstBrokenId, String problem, long unsealedRows) {
	}
}
