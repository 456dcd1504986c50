package org.heatdesk.shift;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Clock-in and clock-out from the hub and the desk (each person for himself), and the team's month
 * of attendance for the lead ({@code /shift/attendance}): per person, then shift by shift.
 */
@PageController
class AttendancePageController {

	private final Attendance attendance;

	private final Rosters rosters;

	private final Staff staff;

	AttendancePageController(Attendance attendance, Rosters rosters, Staff staff) {
		this.attendance = attendance;
		this.rosters = rosters;
		this.staff = staff;
	}

	@PostMapping("/shift/clock-in")
	@PreAuthorize(Roles.DESK_AND_MANAGER)
	String clockIn(@RequestParam(required = false) String back, RedirectAttributes redirect) {
		StaffView me = me();
		try {
			attendance.clockIn(Actor.current(), me.id(), rosters.clock().instant());
			redirect.addFlashAttribute("notice", "shift.notice.clockedIn");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:" + back(back);
	}

	@PostMapping("/shift/clock-out")
	@PreAuthorize(Roles.DESK_AND_MANAGER)
	String clockOut(@RequestParam(required = false) String back, RedirectAttributes redirect) {
		StaffView me = me();
		try {
			attendance.clockOut(Actor.current(), me.id(), rosters.clock().instant());
			redirect.addFlashAttribute("notice", "shift.notice.clockedOut");
		}
		catch (HeatDeskException e) {
			redirect.addFlashAttribute("error", e);
		}
		return "redirect:" + back(back);
	}

	/** Back to the desk when the desk's control sent it, else the hub: never to another site. */
	private static String back(String back) {
		return "desk".equals(back) ? "/desk" : "/shift";
	}

	/** The desk's clock-in control, a fragment the desk loads (the contact module does not know the shift module). */
	@GetMapping("/shift/desk-clock")
	@PreAuthorize(Roles.DESK_AND_MANAGER)
	String deskClock(Model model) {
		model.addAttribute("clocking", attendance.open(me().id()).orElse(null));
		model.addAttribute("zone", rosters.zone().getId());
		return "shift/fragments :: desk-clock";
	}

	@GetMapping("/shift/attendance")
	@PreAuthorize(Roles.SUPERVISORS)
	String month(@RequestParam(required = false) Long team, @RequestParam(required = false) String month, Model model) {
		StaffView me = me();
		List<TeamView> teams = teamsFor(me);
		if (team == null && teams.isEmpty()) {
			model.addAttribute("titleKey", "shift.attendance.title");
			return "shift/no-team";
		}
		Long own = RosterPageController.own(me, teams);
		long teamId = team != null ? team : own != null ? own : teams.get(0).id();
		if (teams.stream().noneMatch(t -> t.id() == teamId)) {
			throw HeatDeskException.forbidden("ROSTER_NOT_YOUR_TEAM");
		}
		YearMonth m = RosterPageController.month(month, rosters);
		Instant now = rosters.clock().instant();
		model.addAttribute("teams", teams);
		model.addAttribute("teamId", teamId);
		model.addAttribute("month", m.toString());
		model.addAttribute("lines", attendance.month(teamId, m, now));
		List<Attendance.ShiftLine> shifts = new java.util.ArrayList<>(attendance.shifts(teamId, m, now));
		java.util.Collections.reverse(shifts);
		model.addAttribute("shifts", shifts);
		model.addAttribute("allowed", rosters.settings().allowedBreak().toMinutes());
		model.addAttribute("zone", rosters.zone().getId());
		return "shift/attendance";
	}

	List<TeamView> teamsFor(StaffView me) {
		return staff.teams().stream().filter(t -> me.has(Role.MANAGER) || Long.valueOf(t.id()).equals(me.teamId())).toList();
	}

	private StaffView me() {
		return staff.findByUsername(Actor.current().name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
	}
}
