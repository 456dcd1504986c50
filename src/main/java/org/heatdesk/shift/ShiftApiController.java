package org.heatdesk.shift;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.OnDuty;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shift API: who is on duty, clock-in and clock-out (for oneself only), the roster's entries,
 * the hand-over (prepare, open, sign). Refusals are the API's {@code {"code","message","field"}};
 * a refusal writes nothing.
 */
@RestController
@RequestMapping("/api/v1/shift")
@PreAuthorize(Roles.DESK_AND_MANAGER)
class ShiftApiController {

	private final OnDuty onDuty;

	private final Attendance attendance;

	private final Rosters rosters;

	private final Handovers handovers;

	private final Staff staff;

	ShiftApiController(OnDuty onDuty, Attendance attendance, Rosters rosters, Handovers handovers, Staff staff) {
		this.onDuty = onDuty;
		this.attendance = attendance;
		this.rosters = rosters;
		this.handovers = handovers;
		this.staff = staff;
	}

	record OnDutyAnswer(Instant at, Set<Long> staffIds, List<OnDuty.DutyShift> teams) {
	}

	record ClockBody(Long staffId) {
	}

	record EntryBody(Long teamId, Long staffId, String day, String kind, Boolean lead) {
	}

	record PrepareBody(Long teamId, String shiftStart) {
	}

	record SignBody(String side, Boolean clearHandover, Boolean clearSituation, Boolean clearProblem) {
	}

	record HandoverAnswer(Handovers.Handover handover, List<Handovers.Item> items) {
	}

	@GetMapping("/on-duty")
	@PreAuthorize(Roles.OPERATIONS)
	OnDutyAnswer onDuty() {
		Instant now = rosters.clock().instant();
		return new OnDutyAnswer(now, onDuty.staffOnDuty(now), onDuty.answeringAll(now));
	}

	@PostMapping("/clock-in")
	Attendance.Clocking clockIn(@RequestBody(required = false) ClockBody body) {
		return attendance.clockIn(Actor.current(), staffId(body), rosters.clock().instant());
	}

	@PostMapping("/clock-out")
	Attendance.Clocking clockOut(@RequestBody(required = false) ClockBody body) {
		return attendance.clockOut(Actor.current(), staffId(body), rosters.clock().instant());
	}

	@PostMapping("/roster/entries")
	@PreAuthorize(Roles.SUPERVISORS)
	Rosters.RosterEntry addEntry(@RequestBody(required = false) EntryBody body) {
		if (body == null || body.teamId() == null) {
			throw HeatDeskException.badInput("REQUIRED", "teamId");
		}
		if (body.staffId() == null) {
			throw HeatDeskException.badInput("ROSTER_STAFF_UNKNOWN", "staffId");
		}
		return rosters.add(Actor.current(), body.teamId(), body.staffId(), RosterPageController.day(body.day()),
				RosterPageController.kind(body.kind()), Boolean.TRUE.equals(body.lead()));
	}

	@GetMapping("/handovers/{id}")
	HandoverAnswer handover(@PathVariable long id) {
		Handovers.Handover h = handovers.find(id).orElseThrow(() -> HeatDeskException.notFound("HANDOVER_NOT_FOUND", id));
		return new HandoverAnswer(h, handovers.items(id));
	}

	@PostMapping("/handovers")
	HandoverAnswer prepare(@RequestBody(required = false) PrepareBody body) {
		if (body == null || body.teamId() == null) {
			throw HeatDeskException.badInput("REQUIRED", "teamId");
		}
		Instant start;
		try {
			start = InputChecks.blank(body.shiftStart()) ? null : Instant.parse(body.shiftStart().strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw HeatDeskException.badInput("HANDOVER_SHIFT_REQUIRED", "shiftStart");
		}
		Locale locale = LocaleContextHolder.getLocale();
		Handovers.Handover h = handovers.prepare(Actor.current(), body.teamId(), start, rosters.clock().instant(), locale);
		return new HandoverAnswer(h, handovers.items(h.id()));
	}

	@PostMapping("/handovers/{id}/open")
	Handovers.Handover open(@PathVariable long id) {
		return handovers.open(Actor.current(), id, rosters.clock().instant());
	}

	@PostMapping("/handovers/{id}/signatures")
	Handovers.Handover sign(@PathVariable long id, @RequestBody(required = false) SignBody body) {
		if (body == null) {
			throw HeatDeskException.badInput("HANDOVER_SIDE_REQUIRED", "side");
		}
		return handovers.sign(Actor.current(), id, HandoverPageController.side(body.side()),
				Boolean.TRUE.equals(body.clearHandover()), Boolean.TRUE.equals(body.clearSituation()),
				Boolean.TRUE.equals(body.clearProblem()), rosters.clock().instant());
	}

	/** The body's staff member, or the caller himself; anyone else is refused by the attendance. */
	private long staffId(ClockBody body) {
		StaffView me = staff.findByUsername(Actor.current().name()).orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		return body == null || body.staffId() == null ? me.id() : body.staffId();
	}
}
