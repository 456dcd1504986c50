package org.heatdesk.staff;

import java.util.Set;

import org.heatdesk.platform.Role;

/** A staff member as other modules see them. */
public record StaffView(long id, String username, String displayName, String employeeNo, Long teamId, String teamName,
		String extension, boolean active, Set<Role> roles) {

	public boolean has(Role role) {
		return roles.contains(role);
	}
}
