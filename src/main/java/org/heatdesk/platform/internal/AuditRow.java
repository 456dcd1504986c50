package org.heatdesk.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.springframework.jdbc.core.RowMapper;

/** One audit row as stored, and the canonical form its hash is computed over. */
record AuditRow(long id, Instant occurredAt, String actor, String actorAddress, String action, String entityType,
		String entityId, String beforeState, String afterState, Long chainSeq, String prevHash, String hash) {

	static final String GENESIS = "0".repeat(64);

	static final RowMapper<AuditRow> MAPPER = (rs, n) -> new AuditRow(rs.getLong("id"),
			rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("actor_address"),
			rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
			rs.getString("before_state"), rs.getString("after_state"),
			rs.getObject("chain_seq") == null ? null : rs.getLong("chain_seq"), rs.getString("prev_hash"),
			rs.getString("hash"));

	/** SHA-256 over the row's content, its place in the chain and the previous row's hash. */
	String hash(long seq, String previous) {
		StringBuilder canonical = new StringBuilder();
		field(canonical, Long.toString(seq));
		field(canonical, Long.toString(id));
		// PostgreSQL keeps microseconds: hash what is stored, not what Java had in memory.
		field(canonical, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)));
		field(canonical, actor);
		field(canonical, actorAddress);
		field(canonical, action);
		field(canonical, entityType);
		field(canonical, entityId);
		field(canonical, beforeState);
		field(canonical, afterState);
		field(canonical, previous);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	// Length-prefixed fields, so that no choice of values can make two rows read the same.
	private static void field(StringBuilder out, String value) {
		if (value == null) {
			out.append("-1:;");
		}
		else {
			out.append(value.length()).append(':').append(value).append(';');
		}
	}
}
