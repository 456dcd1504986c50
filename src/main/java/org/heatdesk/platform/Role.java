package org.heatdesk.platform;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The staff roles; a person may hold several. Authorities carry them as {@code ROLE_<name>}. */
public enum Role {

	AGENT, TEAM_LEAD, DISPATCHER, TECHNICIAN, MANAGER, ADMIN, AUDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

	/** The roles of an authenticated user; empty for anonymous users and API keys. */
	public static Set<Role> of(Authentication authentication) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (authentication != null) {
			for (GrantedAuthority a : authentication.getAuthorities()) {
				String name = a.getAuthority();
				if (name != null && name.startsWith("ROLE_")) {
					try {
						roles.add(Role.valueOf(name.substring(5)));
					}
					catch (IllegalArgumentException ignored) {
						// an authority of another kind
					}
				}
			}
		}
		return roles;
	}
}
