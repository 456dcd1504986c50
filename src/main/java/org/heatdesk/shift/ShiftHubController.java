package org.heatdesk.shift;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.OnDuty;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The shift module's hub ({@code /shift}, 班务): who is on duty now and which shift answers for each
 * team, the person's own clock-in, the team's current hand-over, the notices, and the links to every
 * part (the team lead's records add theirs in the template's marked block).
 */
@PageController
@PreAuthorize(Roles.DESK_AND_MANAGER)
class ShiftHubController {

	private final OnDuty onDuty;

	private final Attendance attendance;

	private final Handovers handovers;

	private final ShiftNotices notices;

	private final Staff staff;

	ShiftHubController(OnDuty onDuty, Attendance attendance, Handovers handovers, ShiftNotices notices, Staff staff) {
		this.onDuty = onDuty;
		this.attendance = attendance;
		this.handovers = handovers;
		this.notices = notices;
		this.staff = staff;
	}

	@Configuration
	static class Navigation {

		@Bean
		NavItem shiftHubNav() {
			return new NavItem("nav.shift", "nav.shift.description", "/shift", Roles.DESK_AND_MANAGER, 340, null);
		}
	}

	/** The shift at the hub: the team's, the person's own clocking, the hand-over to watch. */
	record Mine(StaffView me, Optional<Attendance.Clocking> clocking, Optional<Handovers.Handover> handover,
			Optional<Rosters.TeamShift> next) {
	}

	@GetMapping("/shift")
	String hub(Authentication auth, Model model) {
		Instant now = handovers.rosters().clock().instant();
		StaffView me = staff.findByUsername(Actor.current().name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		List<OnDuty.DutyShift> duty = onDuty.answeringAll(now);
		model.addAttribute("duty", duty);
		model.addAttribute("onDutyCount", onDuty.staffOnDuty(now).size());
		Optional<Rosters.TeamShift> next = me.teamId() == null ? Optional.empty() : handovers.rosters().nextShift(me.teamId(), now);
		Optional<Handovers.Handover> handover = next.flatMap(s -> handovers.into(s.teamId(), s.startsAt()));
		if (handover.isEmpty() && me.teamId() != null) {
			handover = handovers.recent(me.teamId(), 1).stream().findFirst();
		}
		model.addAttribute("mine", new Mine(me, attendance.open(me.id()), handover, next));
		model.addAttribute("recent", me.has(Role.MANAGER) ? handovers.recent(null, 5)
				: me.teamId() == null ? List.of() : handovers.recent(me.teamId(), 5));
		model.addAttribute("notices", notices.unread(me.id(), Role.of(auth), 20));
		model.addAttribute("supervisor", me.has(Role.TEAM_LEAD) || me.has(Role.MANAGER));
		model.addAttribute("zone", handovers.rosters().zone().getId());
		model.addAttribute("now", now);
		return "shift/hub";
	}

	@PostMapping("/shift/notices/{id:\\d+}/read")
	String read(@PathVariable long id) {
		StaffView me = staff.findByUsername(Actor.current().name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		notices.markRead(id, me.id());
		return "redirect:/shift";
	}
}
