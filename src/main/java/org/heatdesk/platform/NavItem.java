package org.heatdesk.platform;

import java.util.Set;

/**
 * An entry of the main navigation and of the role home pages. Modules declare their entries as
 * beans; the layout shows those whose roles the user has.
 * @param labelKey message key of the label
 * @param descriptionKey message key of the one-line description on the home page
 * @param path where it leads
 * @param roles roles that see it (without the {@code ROLE_} prefix)
 * @param order position in the navigation, lower first
 * @param shortcut a single key that opens it with Alt (shown beside the label), or {@code null}
 */
public record NavItem(String labelKey, String descriptionKey, String path, Set<Role> roles, int order, String shortcut) {

	/** An entry for the roles of one of the {@link Roles} groups, the one its page admits. */
	public NavItem(String labelKey, String descriptionKey, String path, String roles, int order, String shortcut) {
		this(labelKey, descriptionKey, path, Roles.of(roles), order, shortcut);
	}

	public boolean visibleTo(Set<Role> userRoles) {
		return roles.stream().anyMatch(userRoles::contains);
	}
}
