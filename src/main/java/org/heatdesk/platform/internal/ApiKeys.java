package org.heatdesk.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.heatdesk.platform.ApiKeyScope;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.ChangeCounter;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, checks and revokes integration keys. A key found active is remembered for a few seconds
 * (by its hash), so a switch posting dozens of events a second costs no database read per event;
 * revoking on this node forgets every remembered key at once (at the write and again at commit), and
 * a revocation on another node is seen within {@link #FRESH_FOR}.
 */
@Service
class ApiKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final HexFormat HEX = HexFormat.of();

	/** A key's use is audited at most once in this many seconds, so a busy switch does not flood the trail. */
	private static final long USE_AUDIT_INTERVAL_SECONDS = 60;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Map<Long, Instant> lastAuditedUse = new ConcurrentHashMap<>();

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final Map<String, Recent> recent = new ConcurrentHashMap<>();

	private final ChangeCounter changes = new ChangeCounter();

	private final TransactionTemplate tx;

	private record Recent(ApiKey key, long changes, Instant until) {
	}

	ApiKeys(JdbcClient jdbc, AuditTrail audit, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.tx = tx;
	}

	record ApiKey(long id, String name, ApiKeyScope scope, String prefix, String createdBy, Instant createdAt,
			Instant lastUsedAt, String revokedBy, Instant revokedAt) {

		// public: the page's template calls it, and SpEL sees only public methods
		public boolean active() {
			return revokedAt == null;
		}
	}

	/** A new key: {@code secret} is shown once and never stored. */
	record CreatedKey(ApiKey key, String secret) {
	}

	@Transactional
	CreatedKey create(String name, ApiKeyScope scope) {
		String trimmed = name == null ? "" : name.trim();
		if (trimmed.isEmpty()) {
			throw HeatDeskException.badInput("API_KEY_NAME_REQUIRED", "name");
		}
		if (trimmed.length() > 100) {
			throw HeatDeskException.badInput("TOO_LONG", "name", 100);
		}
		if (scope == null) {
			throw HeatDeskException.badInput("API_KEY_SCOPE_REQUIRED", "scope");
		}
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String prefix = HEX.formatHex(bytes, 0, 4);
		String secret = "hdk_" + prefix + "_" + HEX.formatHex(bytes, 4, 24);
		Instant now = Instant.now();
		long id = jdbc.sql("""
				insert into platform_api_key (name, scope, key_prefix, key_hash, created_by, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(trimmed, scope.name(), prefix, sha256(secret), AuditTrail.currentActor(), Timestamp.from(now))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", trimmed);
		after.put("scope", scope.value());
		after.put("prefix", prefix);
		audit.record("API_KEY_CREATED", "api_key", id, null, after);
		return new CreatedKey(find(id).orElseThrow(), secret);
	}

	@Transactional
	void revoke(long id) {
		ApiKey key = find(id).orElseThrow(() -> HeatDeskException.notFound("API_KEY_NOT_FOUND"));
		if (!key.active()) {
			throw HeatDeskException.conflict("API_KEY_ALREADY_REVOKED");
		}
		forgetRemembered();
		jdbc.sql("update platform_api_key set revoked_by = ?, revoked_at = ? where id = ? and revoked_at is null")
			.params(AuditTrail.currentActor(), Timestamp.from(Instant.now()), id)
			.update();
		audit.record("API_KEY_REVOKED", "api_key", id, Map.of("name", key.name(), "scope", key.scope().value()),
				Map.of("revoked", true));
	}

	@Transactional(readOnly = true)
	List<ApiKey> list() {
		return jdbc.sql("select * from platform_api_key order by revoked_at is not null, created_at desc").query(this::map).list();
	}

	@Transactional(readOnly = true)
	Optional<ApiKey> find(long id) {
		return jdbc.sql("select * from platform_api_key where id = ?").param(id).query(this::map).optional();
	}

	/** The active key with this secret, recording its use; empty for an unknown or revoked key. */
	Optional<ApiKey> authenticate(String secret) {
		if (secret == null || secret.length() > 200) {
			return Optional.empty();
		}
		String hash = sha256(secret);
		Instant now = Instant.now();
		long changesBefore = changes.current();
		Recent known = recent.get(hash);
		Optional<ApiKey> key;
		if (known != null && known.changes() == changesBefore && now.isBefore(known.until())) {
			key = Optional.of(known.key());
		}
		else {
			key = jdbc.sql("select * from platform_api_key where key_hash = ? and revoked_at is null")
				.param(hash)
				.query(this::map)
				.optional();
			key.ifPresentOrElse(k -> recent.put(hash, new Recent(k, changesBefore, now.plus(FRESH_FOR))),
					() -> recent.remove(hash));
		}
		key.ifPresent(k -> noteUse(k, now));
		return key;
	}

	private void noteUse(ApiKey key, Instant now) {
		Instant last = lastAuditedUse.get(key.id());
		if (last == null || last.plusSeconds(USE_AUDIT_INTERVAL_SECONDS).isBefore(now)) {
			lastAuditedUse.put(key.id(), now);
			tx.executeWithoutResult(s -> {
				jdbc.sql("update platform_api_key set last_used_at = ? where id = ?").params(Timestamp.from(now), key.id())
					.update();
				audit.recordSecurityEvent("api-key:" + key.name(), "API_KEY_USED", "api_key", key.id(),
						Map.of("name", key.name(), "scope", key.scope().value()));
			});
		}
	}

	private void forgetRemembered() {
		changes.changed();
		recent.clear();
	}

	private ApiKey map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ApiKey(rs.getLong("id"), rs.getString("name"), ApiKeyScope.valueOf(rs.getString("scope")),
				rs.getString("key_prefix"), rs.getString("created_by"), SqlValues.instant(rs.getTimestamp("created_at")),
				SqlValues.instant(rs.getTimestamp("last_used_at")), rs.getString("revoked_by"),
				SqlValues.instant(rs.getTimestamp("revoked_at")));
	}

	static String sha256(String value) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
