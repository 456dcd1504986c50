package org.heatdesk.platform;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.heatdesk.platform.internal.AuditSealer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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

	AuditTrail(JdbcClient jdbc, JsonMapper json, AuditSealer sealer) {
		this.jdbc = jdbc;
		this.json = json;
		this.sealer = sealer;
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
	 * Records a security event (login, failure, lock, key use) in its own transaction, so that it
	 * stays even when the request that caused it is refused.
	 * @param actor the user name concerned, or the key's name
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSecurityEvent(String actor, String action, String entityType, Object entityId, Object details) {
		insert(actor == null || actor.isBlank() ? currentActor() : actor, action, entityType, entityId, null, details);
	}

	private void insert(String actor, String action, String entityType, Object entityId, Object before, Object after) {
		jdbc.sql("""
				insert into platform_audit_event
				  (occurred_at, actor, actor_address, action, entity_type, entity_id, before_state, after_state)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(java.sql.Timestamp.from(Instant.now()), truncate(actor, 100), currentAddress(), action, entityType,
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
