package org.heatdesk.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.heatdesk.customer.Customers;
import org.heatdesk.notification.CustomerMessages;
import org.heatdesk.notification.MessageKind;
import org.heatdesk.notification.MessageRequest;
import org.heatdesk.notification.Queued;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.SqlValues;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time codes that confirm a phone before a request made online is recorded: six digits, sent
 * through the notification outbox (kind {@code PORTAL_CODE}, urgent: the customer waits), valid for
 * {@link PortalRequestSettings#codeValidity()} and {@link PortalRequestSettings#codeTries()} tries.
 * Only a salted hash is kept; the newest live code of a phone is the one that counts.
 */
@Service
class OneTimeCodes {

	static final Actor SYSTEM = Actor.system("portal");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final CustomerMessages messages;

	private final PortalRateLimits limits;

	private final PortalRequestSettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate apart;

	OneTimeCodes(JdbcClient jdbc, CustomerMessages messages, PortalRateLimits limits, PortalRequestSettings settings,
			AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.limits = limits;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A code on its way: where (masked) and until when it may be used. */
	record Sent(long id, String maskedPhone, Instant expiresAt, int validMinutes) {
	}

	/**
	 * The 11 digits of a mainland mobile number ({@code +86 138-0531-1234} → {@code 13805311234}): a
	 * code can only be sent to a mobile.
	 * @throws HeatDeskException 400 {@code REQUIRED} / {@code PORTAL_PHONE_INVALID} (field {@code phone})
	 */
	static String mobile(String input) {
		if (input == null || input.isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", "phone");
		}
		if (input.length() > 30) {
			throw HeatDeskException.badInput("PORTAL_PHONE_INVALID", "phone");
		}
		String digits = input.replaceAll("[\\s\\-()+]", "");
		if (digits.startsWith("86") && digits.length() == 13) {
			digits = digits.substring(2);
		}
		if (!digits.matches("1[3-9][0-9]{9}")) {
			throw HeatDeskException.badInput("PORTAL_PHONE_INVALID", "phone");
		}
		return digits;
	}

	/**
	 * Sends a new code to the phone, refused past the rate limits (per phone and per client address)
	 * or within {@link PortalRequestSettings#codeInterval()} of the last one. The message is queued in
	 * the same transaction. Audited {@code PORTAL_CODE_SENT} (masked phone).
	 * @throws HeatDeskException 400 for the phone; 429 {@code PORTAL_RATE_LIMITED}, {@code PORTAL_CODE_TOO_SOON}
	 */
	@Transactional
	Sent send(String phoneInput, String client) {
		String phone = mobile(phoneInput);
		limits.check(PortalRateLimits.Kind.CODE, PortalRateLimits.phone(phone), settings.codesPerPhone(), "phone");
		limits.check(PortalRateLimits.Kind.CODE, PortalRateLimits.address(client), settings.codesPerAddress(), null);
		Instant now = clock.instant();
		Instant last = jdbc.sql("select created_at from portal_code where phone = ? order by created_at desc limit 1")
			.param(phone)
			.query((rs, n) -> SqlValues.instant(rs, "created_at"))
			.optional()
			.orElse(null);
		if (last != null && last.plus(settings.codeInterval()).isAfter(now)) {
			long seconds = Math.max(1, java.time.Duration.between(now, last.plus(settings.codeInterval())).toSeconds());
			throw new HeatDeskException(HttpStatus.TOO_MANY_REQUESTS, "PORTAL_CODE_TOO_SOON", "phone", seconds);
		}
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		byte[] saltBytes = new byte[16];
		RANDOM.nextBytes(saltBytes);
		String salt = HexFormat.of().formatHex(saltBytes);
		Instant expires = now.plus(settings.codeValidity());
		long id = jdbc.sql("""
				insert into portal_code (phone, salt, code_hash, created_at, expires_at, client)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(phone, salt, hash(salt, code), SqlValues.ts(now), SqlValues.ts(expires), truncate(client, 64))
			.query(Long.class)
			.single();
		Queued queued = messages.queue(SYSTEM, new MessageRequest(MessageKind.PORTAL_CODE, null, phone, null,
				Map.of("code", code), "PORTAL_CODE:" + id, true));
		jdbc.sql("update portal_code set message_id = ? where id = ?").params(queued.id(), id).update();
		limits.record(PortalRateLimits.Kind.CODE, PortalRateLimits.phone(phone), PortalRateLimits.address(client));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("phone", Customers.maskPhone(phone));
		after.put("expiresAt", expires.toString());
		after.put("messageId", queued.id());
		audit.record(SYSTEM, "PORTAL_CODE_SENT", "portal_code", id, null, after);
		int minutes = (int) settings.codeValidity().toMinutes();
		return new Sent(id, Customers.maskPhone(phone), expires, minutes);
	}

	/**
	 * A code written without a message, for the demo's requests (nobody waits for it): the request is
	 * recorded with it as any other.
	 */
	long issueUnsent(String phone) {
		byte[] saltBytes = new byte[16];
		RANDOM.nextBytes(saltBytes);
		String salt = HexFormat.of().formatHex(saltBytes);
		Instant now = clock.instant();
		return jdbc.sql("""
				insert into portal_code (phone, salt, code_hash, created_at, expires_at, client)
				values (?, ?, ?, ?, ?, 'demo') returning id""")
			.params(mobile(phone), salt, hash(salt, String.format("%06d", RANDOM.nextInt(1_000_000))), SqlValues.ts(now),
					SqlValues.ts(now.plus(settings.codeValidity())))
			.query(Long.class)
			.single();
	}

	/** What a try found. */
	private enum Outcome {
		RIGHT, WRONG, LAST_WRONG, SPENT, NONE
	}

	private record Tried(Outcome outcome, long id, int left) {
	}

	/**
	 * Checks a code against the phone's newest live code and counts the try in a transaction of its
	 * own (a wrong try counts although the request it came with is refused). The code is not used
	 * yet: {@link #use} does that in the request's transaction.
	 * @return the code's id
	 * @throws HeatDeskException 400 {@code REQUIRED}/{@code PORTAL_CODE_INVALID} (malformed),
	 *     {@code PORTAL_CODE_EXPIRED} (none live: expired, used, or never sent), {@code PORTAL_CODE_WRONG}
	 *     (with the tries left), {@code PORTAL_CODE_TRIES_EXCEEDED}; all with field {@code code}
	 */
	long check(String phone, String codeInput) {
		String code = codeInput == null ? null : codeInput.strip();
		if (code == null || code.isEmpty()) {
			throw HeatDeskException.badInput("REQUIRED", "code");
		}
		if (!code.matches("[0-9]{6}")) {
			throw HeatDeskException.badInput("PORTAL_CODE_INVALID", "code");
		}
		Tried tried = apart.execute(s -> {
			Instant now = clock.instant();
			var row = jdbc.sql("""
					select id, salt, code_hash, attempts from portal_code
					 where phone = ? and used_at is null and expires_at > ?
					 order by created_at desc, id desc limit 1 for update""")
				.params(phone, SqlValues.ts(now))
				.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("salt"), rs.getString("code_hash"),
						rs.getInt("attempts") })
				.optional()
				.orElse(null);
			if (row == null) {
				return new Tried(Outcome.NONE, 0, 0);
			}
			long id = (Long) row[0];
			int attempts = (Integer) row[3];
			if (attempts >= settings.codeTries()) {
				return new Tried(Outcome.SPENT, id, 0);
			}
			jdbc.sql("update portal_code set attempts = attempts + 1 where id = ?").param(id).update();
			boolean right = MessageDigest.isEqual(hash((String) row[1], code).getBytes(StandardCharsets.US_ASCII),
					((String) row[2]).getBytes(StandardCharsets.US_ASCII));
			int left = settings.codeTries() - attempts - 1;
			return new Tried(right ? Outcome.RIGHT : left <= 0 ? Outcome.LAST_WRONG : Outcome.WRONG, id, left);
		});
		return switch (tried.outcome()) {
			case RIGHT -> tried.id();
			case WRONG -> throw HeatDeskException.badInput("PORTAL_CODE_WRONG", "code", tried.left());
			case LAST_WRONG, SPENT -> throw HeatDeskException.badInput("PORTAL_CODE_TRIES_EXCEEDED", "code");
			case NONE -> throw HeatDeskException.badInput("PORTAL_CODE_EXPIRED", "code");
		};
	}

	/**
	 * Uses the code, in the caller's transaction (rolled back with it).
	 * @throws HeatDeskException 400 {@code PORTAL_CODE_EXPIRED} when another request used it first
	 */
	void use(long id) {
		int n = jdbc.sql("update portal_code set used_at = ? where id = ? and used_at is null")
			.params(SqlValues.ts(clock.instant()), id)
			.update();
		if (n == 0) {
			throw HeatDeskException.badInput("PORTAL_CODE_EXPIRED", "code");
		}
	}

	private static String hash(String salt, String code) {
		try {
			MessageDigest d = MessageDigest.getInstance("SHA-256");
			d.update(salt.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(d.digest(code.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
