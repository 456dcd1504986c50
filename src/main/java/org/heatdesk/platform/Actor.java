package org.heatdesk.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: a person logged in (or an integration's key), or the system itself on behalf of a
 * module (a listener, a scheduled job). Commands take it as a parameter instead of reading the
 * security context, so that a listener or a job can act without pretending to be someone; it ends
 * in the audit trail as {@link #name()}.
 * @param name the user name (staff), the key's name (integration) or {@code system:<job>}
 * @param displayName how pages show the actor
 * @param system whether no person is acting
 */
public record Actor(String name, String displayName, boolean system) {

	public Actor {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("an actor has a name");
		}
	}

	/** The person (or key) of the current request; {@link #system(String) system} when there is none. */
	public static Actor current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
			return system(null);
		}
		if (auth.getPrincipal() instanceof StaffPrincipal p) {
			return person(p.username(), p.displayName());
		}
		return new Actor(auth.getName(), auth.getName(), false);
	}

	/** A staff member acting (e.g. the receiver named by an integration's request). */
	public static Actor person(String username, String displayName) {
		return new Actor(username, displayName == null ? username : displayName, false);
	}

	/**
	 * The system acting for a module's job, recorded as {@code system:<job>} (or {@code system}).
	 * @param job e.g. {@code followup}, {@code deadline-sweep}
	 */
	public static Actor system(String job) {
		String name = job == null || job.isBlank() ? AuditTrail.SYSTEM : AuditTrail.SYSTEM + ":" + job;
		return new Actor(name, name, true);
	}
}
