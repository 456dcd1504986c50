package org.heatdesk.platform;

import java.io.Serializable;
import java.security.Principal;

/** The logged-in staff member: the username identifies them (and the audit trail), the name greets them. */
public record StaffPrincipal(String username, String displayName) implements Principal, Serializable {

	@Override
	public String getName() {
		return username;
	}

	@Override
	public String toString() {
		return username;
	}
}
