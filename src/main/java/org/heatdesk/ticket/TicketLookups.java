package org.heatdesk.ticket;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.ui.Model;

/** The names the ticket lists and the ticket page show for ids: categories, staff, teams. */
@org.springframework.stereotype.Component
class TicketLookups {

	private final Catalog catalog;

	private final Staff staff;

	TicketLookups(Catalog catalog, Staff staff) {
		this.catalog = catalog;
		this.staff = staff;
	}

	void add(Model model) {
		Map<Long, String> categoryNames = new HashMap<>();
		catalog.categories().values().forEach(c -> categoryNames.put(c.id(), catalog.categoryName(c.id())));
		model.addAttribute("categoryNames", categoryNames);
		Map<String, String> names = new HashMap<>();
		Map<Long, String> staffNames = new HashMap<>();
		for (Role role : EnumSet.of(Role.AGENT, Role.TEAM_LEAD, Role.DISPATCHER, Role.TECHNICIAN)) {
			for (StaffView s : staff.withRole(role)) {
				names.put(s.username(), s.displayName());
				staffNames.put(s.id(), s.displayName());
			}
		}
		model.addAttribute("names", names);
		model.addAttribute("staffNames", staffNames);
		Map<Long, String> teamNames = new HashMap<>();
		staff.teams().forEach(t -> teamNames.put(t.id(), t.name()));
		model.addAttribute("teamNames", teamNames);
	}

}
