package org.heatdesk.staff;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.StaffPrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks staff credentials for the login form and for HTTP Basic on the API: refuses inactive and
 * locked accounts, counts failures, and audits every refusal. A password checked once is
 * remembered for a few minutes (as an HMAC, never in clear), so API clients do not pay a BCrypt
 * hash on every request. The account's state (active, locked, roles) comes from the staff module's
 * one cache ({@link StaffDirectory}): any change this node makes to an account is seen at once, and
 * one made on another node within {@link StaffDirectory#FRESH_FOR}. A busy API client then costs no
 * database read for its login; an account that may not log in is always read anew.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

	private static final Duration VERIFIED_FOR = Duration.ofMinutes(5);

	private final StaffRepository staff;

	private final StaffDirectory directory;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final String dummyHash;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private final SecretKeySpec cacheKey;

	private record Verified(String passwordHash, String digest, Instant until) {
	}

	StaffAuthenticationProvider(StaffRepository staff, StaffDirectory directory, PasswordEncoder encoder, AuditTrail audit,
			TransactionTemplate tx, Clock clock) {
		this.staff = staff;
		this.directory = directory;
		this.encoder = encoder;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
		this.dummyHash = encoder.encode("not-a-password-0");
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		this.cacheKey = new SecretKeySpec(key, "HmacSHA256");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName() == null ? "" : authentication.getName().trim();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		Instant now = clock.instant();
		var found = username.isEmpty() || username.length() > 50 ? java.util.Optional.<StaffRepository.Account>empty()
				: account(username);
		if (found.isEmpty()) {
			// Same work as for a real account, so the answer's timing does not tell which names exist.
			encoder.matches(password, dummyHash);
			// anyone can send unknown names: counted per address and minute, not a row each
			audit.recordRefusal("login", "unknown", username, "LOGIN_FAILED", "staff", null, Map.of("reason", "unknown user"));
			throw new BadCredentialsException("bad credentials");
		}
		StaffRepository.Account account = found.get();
		StaffView view = account.view();
		if (!view.active()) {
			audit.recordRefusal("login", "account:" + view.id(), username, "LOGIN_REFUSED", "staff", view.id(),
					Map.of("reason", "inactive"));
			throw new DisabledException("inactive");
		}
		LoginThrottle throttle = new LoginThrottle(account.failedLogins(), account.failedWindowStart(), account.lockedUntil());
		if (throttle.lockedAt(now)) {
			audit.recordRefusal("login", "account:" + view.id(), username, "LOGIN_REFUSED", "staff", view.id(),
					Map.of("reason", "locked", "lockedUntil", account.lockedUntil().toString()));
			throw new LockedException("locked");
		}
		if (!passwordMatches(username, password, account.passwordHash(), now)) {
			// count on the stored failures, not on a remembered copy another node may have outdated
			LoginThrottle stored = staff.findAccount(username)
				.map(a -> new LoginThrottle(a.failedLogins(), a.failedWindowStart(), a.lockedUntil()))
				.orElse(throttle);
			LoginThrottle next = stored.afterFailure(now);
			tx.executeWithoutResult(s -> {
				staff.recordFailure(view.id(), next.failedLogins(), next.windowStart(), next.lockedUntil());
				audit.record("LOGIN_FAILED", "staff", view.id(), null, Map.of("reason", "bad password"));
				if (next.lockedAt(now)) {
					audit.record("ACCOUNT_LOCKED", "staff", view.id(), null,
							Map.of("lockedUntil", next.lockedUntil().toString()));
				}
			});
			audit.countRefusal("login", username);
			if (next.lockedAt(now)) {
				throw new LockedException("locked now");
			}
			throw new BadCredentialsException("bad credentials");
		}
		if (account.failedLogins() > 0 || account.lockedUntil() != null) {
			tx.executeWithoutResult(s -> staff.unlock(view.id()));
		}
		var authorities = view.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList();
		var principal = new StaffPrincipal(view.username(), view.displayName());
		var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
		result.setDetails(authentication.getDetails());
		return result;
	}

	/**
	 * The account as the staff cache has it, when it may log in; otherwise read now, so that a
	 * refusal (inactive, locked, failures counting) always looks at the database.
	 */
	private java.util.Optional<StaffRepository.Account> account(String username) {
		var cached = directory.byUsername(username);
		if (cached.isPresent() && cached.get().view().active() && cached.get().failedLogins() == 0
				&& cached.get().lockedUntil() == null) {
			return cached;
		}
		return staff.findAccount(username);
	}

	private boolean passwordMatches(String username, String password, String hash, Instant now) {
		String digest = hmac(username + '\u0000' + password);
		Verified known = verified.get(username);
		if (known != null && known.passwordHash().equals(hash) && known.digest().equals(digest) && now.isBefore(known.until())) {
			return true;
		}
		if (encoder.matches(password, hash)) {
			verified.put(username, new Verified(hash, digest, now.plus(VERIFIED_FOR)));
			return true;
		}
		return false;
	}

	private String hmac(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(cacheKey);
			return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
