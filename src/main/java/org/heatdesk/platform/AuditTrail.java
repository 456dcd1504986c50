package org.heatdesk.platform;

import java.time.Instant;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

import org.heatdesk.platform.internal.AuditSealer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit trail (standard 6.4: no falsification). Every change of business data and
 * every security event is recorded here in the transaction that makes it; rows are sealed into a
 * SHA-256 chain just after commit and can be verified at {@code GET /api/v1/audit/verify}.
 */
@Service
public class AuditTrail {

	/** Actor recorded when no one is logged in (scheduled jobs, start-up). */
	public static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditSealer sealer;

	private final RepeatedRefusals refusals;

	private final TransactionTemplate own;

	AuditTrail(JdbcClient jdbc, JsonMapper json, AuditSealer sealer, RepeatedRefusals refusals,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.sealer = sealer;
		this.refusals = refusals;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		refusals.attach(this);
	}

	/**
	 * Records a change of business data inside the caller's transaction; the row commits or rolls
	 * back with the change it describes.
	 * @param action what happened, e.g. {@code TICKET_RESOLVED}
	 * @param entityType the kind of record, e.g. {@code ticket}
	 * @param entityId its identifier
	 * @param before the state before (any object serialisable to JSON), or {@code null}
	 * @param after the state after, or {@code null}
	 * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, Object entityId, Object before, Object after) {
		insert(currentActor(), action, entityType, entityId, before, after);
	}

	/**
	 * Records a change made by {@code actor} (a person passed down explicitly, or the system acting for
	 * a module's job) inside the caller's transaction.
	 * @see #record(String, String, Object, Object, Object)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Actor actor, String action, String entityType, Object entityId, Object before, Object after) {
		insert(actor == null ? currentActor() : actor.name(), action, entityType, entityId, before, after);
	}

	/**
	 * Records a security event (login, failure, lock, key use) in its own transaction, so that it
	 * stays even when the request that caused it is refused.
	 * @param actor the user name concerned, or the key's name
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSecurityEvent(String actor, String action, String entityType, Object entityId, Object details) {
		insert(actor == null || actor.isBlank() ? currentActor() : actor, action, entityType, entityId, null, details);
	}

	/**
	 * Records a refused attempt that anyone on the network can repeat (an unknown key or user, a locked
	 * account): the first of its group from an address in a minute is a row, as
	 * {@link #recordSecurityEvent} writes it; the others of that minute are counted into one
	 * {@code REFUSALS_REPEATED} row written when the minute is over.
	 * @param kind the kind of credentials, {@code api-key} or {@code login}; with {@code actor} the
	 * source that {@link #tooManyRefusals} limits
	 * @param group the refusals that tell one story, e.g. {@code unknown} or an account's id
	 * @param actor the user name or key prefix tried
	 */
	public void recordRefusal(String kind, String group, String actor, String action, String entityType, Object entityId,
			Object details) {
		String address = currentAddress();
		if (refusals.count(address, kind, group, action, entityType, actor)) {
			own.executeWithoutResult(s -> insert(actor == null || actor.isBlank() ? currentActor() : actor, address, action,
					entityType, entityId, null, details));
		}
	}

	/**
	 * Counts a refusal whose row the caller writes itself (e.g. with the account's failure count)
	 * toward the limit of its source.
	 */
	public void countRefusal(String kind, String actor) {
		refusals.countTowardLimit(currentAddress(), kind, actor);
	}

	/**
	 * Seconds the current request's source (address, {@code kind}, {@code actor}) must wait: it was
	 * refused too often this minute. Empty when it may try. A limited attempt is counted in the
	 * minute's summary, never written as a row of its own.
	 */
	public OptionalLong tooManyRefusals(String kind, String actor) {
		return refusals.retryAfter(currentAddress(), kind, actor);
	}

	void insertRefusalSummary(String address, String entityType, String group, Object details) {
		own.executeWithoutResult(s -> insert(SYSTEM, address, "REFUSALS_REPEATED", entityType, group, null, details));
	}

	private void insert(String actor, String action, String entityType, Object entityId, Object before, Object after) {
		insert(actor, currentAddress(), action, entityType, entityId, before, after);
	}

	private void insert(String actor, String address, String action, String entityType, Object entityId, Object before,
			Object after) {
		jdbc.sql("""
				insert into platform_audit_event
				  (occurred_at, actor, actor_address, action, entity_type, entity_id, before_state, after_state)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(java.sql.Timestamp.from(Instant.now()), truncate(actor, 100), address, action, entityType,
					entityId == null ? null : truncate(entityId.toString(), 100), toJson(before), toJson(after))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sealer.requestSeal();
				}
			});
		}
	}

	private String toJson(Object value) {
		if (value == null) {
			return null;
		}
		return value instanceof String s ? json.writeValueAsString(java.util.Map.of("value", s)) : json.writeValueAsString(value);
	}

	/** The logged-in user's name, or {@link #SYSTEM}. */
	public static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() || auth.getName() == null ? SYSTEM : auth.getName();
	}

	/** The address of the current request, or {@code null} outside a request. */
	public static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return truncate(request.getRemoteAddr(), 64);
		}
		return null;
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
