package org.heatdesk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.heatdesk.platform.ApiKeyScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Integration keys for tests, stored the way the administrator's page stores them (SHA-256 only). */
public final class TestApiKeys {

	private TestApiKeys() {
	}

	/** Stores a fresh key with {@code scope} and returns its secret, for the {@code X-Api-Key} header. */
	public static String create(JdbcClient jdbc, ApiKeyScope scope, String name) {
		String secret = "hdk_test_" + UUID.randomUUID().toString().replace("-", "");
		String prefix = secret.substring(9, 17);
		jdbc.sql("""
				insert into platform_api_key (name, scope, key_prefix, key_hash, created_by, created_at)
				values (?, ?, ?, ?, 'test', ?)""")
			.params(name + " " + prefix, scope.name(), prefix, sha256(secret), Timestamp.from(Instant.now()))
			.update();
		return secret;
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
