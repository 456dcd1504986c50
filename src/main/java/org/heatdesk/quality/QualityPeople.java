package org.heatdesk.quality;

import java.time.Clock;
import java.time.ZoneId;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.stereotype.Component;

/** Who acts in the quality module and what their post lets them do (a lead: his own team; a manager: all). */
@Component
class QualityPeople {

	private final Staff staff;

	private final Company company;

	private final Clock clock;

	QualityPeople(Staff staff, Company company, Clock clock) {
		this.staff = staff;
		this.company = company;
		this.clock = clock;
	}

	Staff staff() {
		return staff;
	}

	Clock clock() {
		return clock;
	}

	ZoneId zone() {
		return company.zone();
	}

	/** The staff member acting; refused for the system and for keys, which cannot check calls. */
	StaffView who(Actor actor) {
		if (actor == null || actor.system()) {
			throw HeatDeskException.forbidden("QUALITY_PERSON_REQUIRED");
		}
		return staff.findByUsername(actor.name()).orElseThrow(() -> HeatDeskException.forbidden("QUALITY_PERSON_REQUIRED"));
	}

	/** Whether this person supervises the team: its lead, or any manager. */
	static boolean supervises(StaffView me, Long teamId) {
		if (me.has(Role.MANAGER)) {
			return true;
		}
		return me.has(Role.TEAM_LEAD) && teamId != null && teamId.equals(me.teamId());
	}

	/** Whether this person reads the team's checks: its supervisors, and auditors. */
	static boolean reads(StaffView me, Long teamId) {
		return supervises(me, teamId) || me.has(Role.AUDITOR);
	}

	String name(long staffId) {
		return staff.find(staffId).map(StaffView::displayName).orElse("#" + staffId);
	}

	String nameOf(String username) {
		return username == null ? null : staff.findByUsername(username).map(StaffView::displayName).orElse(username);
	}
}
