package org.heatdesk.contact;

import java.util.Optional;

import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.stereotype.Component;

/**
 * Agents by telephone extension, id or user name, as the switch's events, the desk and the screen
 * pop need them, per event: the staff module's lookups, which are its one cache of staff (cheap per
 * event, an administrator's change seen at once). Nothing is remembered here.
 */
@Component
class Agents {

	private final Staff staff;

	Agents(Staff staff) {
		this.staff = staff;
	}

	/** The active agent at this extension; an unknown extension finds nobody, a newly configured one works at once. */
	Optional<CallRecorder.Agent> byExtension(String extension) {
		return staff.byExtension(extension).map(v -> new CallRecorder.Agent(v.id(), v.username()));
	}

	Optional<String> usernameOf(long staffId) {
		return staff.find(staffId).map(StaffView::username);
	}

	Optional<StaffView> byUsername(String username) {
		return staff.findByUsername(username);
	}
}
