package org.heatdesk.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The audit chain's anchor outside the database it protects. A chain kept only in PostgreSQL cannot
 * show that its tail was cut or re-chained by someone with the database's superuser rights: they can
 * delete rows, blank seals and recompute SHA-256 as well as we can. After every seal the head (sequence
 * and hash) is written to a checkpoint file in a directory of the application's own user, signed with an
 * HMAC whose key lives in a file beside it (0600), never in the database. The verifier and the sealer
 * compare the database with it.
 */
@Component
class AuditAnchor implements org.springframework.beans.factory.DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditAnchor.class);

	private static final String FILE = "audit-checkpoint";

	private static final HexFormat HEX = HexFormat.of();

	/**
	 * @param database the database cluster and name the chain lives in: a checkpoint of another
	 * database (a fresh one after the data directory was wiped) is set aside, not held against it
	 * @param seq the sealed head's sequence
	 * @param hash the sealed head's hash
	 * @param at when it was written
	 */
	record Checkpoint(String database, long seq, String hash, Instant at) {

		String line() {
			return "v1 " + database + " " + seq + " " + hash + " " + at.toEpochMilli();
		}
	}

	private final JdbcClient jdbc;

	private final Path dir;

	private final Path keyFile;

	private SecretKeySpec key;

	private String database;

	private Checkpoint current;

	private boolean invalid;

	private boolean loaded;

	/** A temporary folder of a throw-away database, removed with it. */
	private final boolean temporary;

	AuditAnchor(JdbcClient jdbc, @Value("${heatdesk.audit.anchor-dir:}") String dir,
			@Value("${heatdesk.audit.key-file:}") String keyFile,
			@Value("${heatdesk.embedded-db.ephemeral:false}") boolean ephemeral,
			@Value("${heatdesk.embedded-db.dir:./data/pg}") String databaseDir) throws IOException {
		this.jdbc = jdbc;
		this.temporary = !StringUtils.hasText(dir) && ephemeral;
		if (StringUtils.hasText(dir)) {
			this.dir = Path.of(dir).toAbsolutePath().normalize();
		}
		else if (ephemeral) {
			// a throw-away database gets a throw-away anchor
			this.dir = Files.createTempDirectory("heatdesk-audit-anchor");
		}
		else {
			// beside the embedded database's data directory (./data/audit-anchor by default), not inside it
			this.dir = Path.of(databaseDir).toAbsolutePath().normalize().resolveSibling("audit-anchor");
		}
		this.keyFile = StringUtils.hasText(keyFile) ? Path.of(keyFile).toAbsolutePath().normalize() : this.dir.resolve("audit-hmac.key");
	}

	@Override
	public void destroy() throws IOException {
		if (temporary) {
			try (var files = Files.list(dir)) {
				for (Path file : files.toList()) {
					Files.deleteIfExists(file);
				}
			}
			Files.deleteIfExists(dir);
		}
	}

	/** The last checkpoint written for this database, if any. */
	synchronized Optional<Checkpoint> current() {
		load();
		return Optional.ofNullable(current);
	}

	/** The checkpoint file exists but its signature does not fit: it was edited or forged. */
	synchronized boolean invalid() {
		load();
		return invalid;
	}

	Path directory() {
		return dir;
	}

	/** Records a newly sealed head; never moves the checkpoint back. */
	synchronized void advance(long seq, String hash) {
		load();
		if (invalid || (current != null && current.seq() >= seq)) {
			return;
		}
		Checkpoint next = new Checkpoint(database, seq, hash, Instant.now());
		String line = next.line() + " " + sign(next.line()) + "\n";
		try {
			Path tmp = dir.resolve(FILE + ".tmp");
			Files.writeString(tmp, line, StandardCharsets.UTF_8);
			restrict(tmp);
			Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			current = next;
		}
		catch (IOException e) {
			log.error("Audit checkpoint could not be written to {}: {}", dir, e.getMessage());
		}
	}

	private void load() {
		if (loaded) {
			return;
		}
		try {
			Files.createDirectories(dir);
			key = new SecretKeySpec(HEX.parseHex(readOrCreateKey()), "HmacSHA256");
			// the cluster's system identifier tells a fresh database from the one the checkpoint was made for;
			// asked only where allowed, so that a failed statement never breaks the caller's transaction
			boolean control = Boolean.TRUE.equals(jdbc.sql("select has_function_privilege('pg_control_system()', 'execute')")
				.query(Boolean.class)
				.single());
			database = jdbc.sql(control ? "select current_database() || '@' || system_identifier from pg_control_system()"
					: "select current_database()").query(String.class).single();
			Path file = dir.resolve(FILE);
			if (Files.exists(file)) {
				String text = Files.readString(file, StandardCharsets.UTF_8).strip();
				String[] parts = text.split(" ");
				if (parts.length != 6 || !"v1".equals(parts[0])) {
					invalid = true;
				}
				else {
					String body = String.join(" ", java.util.Arrays.copyOf(parts, 5));
					if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
							parts[5].getBytes(StandardCharsets.US_ASCII))) {
						invalid = true;
					}
					else if (!parts[1].equals(database)) {
						Path aside = dir.resolve(FILE + "." + System.currentTimeMillis() + ".other-database");
						Files.move(file, aside);
						log.warn("Audit checkpoint of another database ({}) set aside as {}; a new anchor begins", parts[1], aside);
					}
					else {
						current = new Checkpoint(parts[1], Long.parseLong(parts[2]), parts[3],
								Instant.ofEpochMilli(Long.parseLong(parts[4])));
					}
				}
				if (invalid) {
					log.error("Audit checkpoint {} does not carry a valid signature; the chain cannot be anchored", file);
				}
			}
			loaded = true;
		}
		catch (IOException e) {
			throw new UncheckedIOException("audit anchor directory " + dir + " is not usable", e);
		}
	}

	private String readOrCreateKey() throws IOException {
		if (!Files.exists(keyFile)) {
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			Files.createDirectories(keyFile.getParent());
			try {
				if (posix()) {
					Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				}
				else {
					Files.createFile(keyFile);
				}
				Files.writeString(keyFile, HEX.formatHex(bytes), StandardCharsets.US_ASCII);
			}
			catch (FileAlreadyExistsException raced) {
				// another node on this machine made it first: use theirs
			}
		}
		return Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
	}

	private void restrict(Path file) throws IOException {
		if (posix()) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

	private boolean posix() {
		return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private String sign(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
