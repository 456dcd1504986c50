package org.heatdesk.platform.internal;

import org.heatdesk.platform.ApiKeyScope;
import org.springframework.stereotype.Component;

/**
 * Creating and revoking integration keys from code: for tests and tools that set up a switch or
 * SCADA connection without clicking through the admin page. Same rules and audit as the page.
 */
@Component
public class ApiKeysAccess {

	private final ApiKeys keys;

	ApiKeysAccess(ApiKeys keys) {
		this.keys = keys;
	}

	/** A created key: its id and its secret, which is never shown again. */
	public record Created(long id, String secret) {
	}

	public Created create(String name, ApiKeyScope scope) {
		ApiKeys.CreatedKey created = keys.create(name, scope);
		return new Created(created.key().id(), created.secret());
	}

	public void revoke(long id) {
		keys.revoke(id);
	}
}
