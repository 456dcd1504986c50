package org.heatdesk.dispatch;

import java.util.Set;

/**
 * A technician as dispatch sees them: the staff account, their crew (a staff team) and skills.
 * @param crewId the staff team they belong to, or {@code null} when in none
 */
public record TechnicianView(long id, String username, String displayName, String employeeNo, Long crewId,
		String crewName, Set<Skill> skills) {
}
