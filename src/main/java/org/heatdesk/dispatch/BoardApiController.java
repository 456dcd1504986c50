package org.heatdesk.dispatch;

import java.time.Instant;
import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.TicketStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dispatch board as JSON (for a wall display or another desk) and its two actions: dispatch a
 * ticket to a technician, re-dispatch a job with a reason. Refusals are the API's
 * {@code {"code","message","field"}} in the caller's language; a refusal writes nothing.
 */
@RestController
@RequestMapping("/api/v1/dispatch/board")
@PreAuthorize(DispatchPageController.READ)
class BoardApiController {

	private final DispatchBoard board;

	private final Jobs jobs;

	BoardApiController(DispatchBoard board, Jobs jobs) {
		this.board = board;
		this.jobs = jobs;
	}

	/** A technician suggested, with the reasons of their rank. */
	record SuggestionAnswer(long technicianId, String name, String crew, boolean eligible, String refusalCode,
			String refusal, Shift onDuty, boolean servesSubstation, boolean servesCommunity, boolean sameHeatSource,
			int activeJobs) {

		static SuggestionAnswer of(DispatchBoard.Suggestion s) {
			return new SuggestionAnswer(s.technicianId(), s.name(), s.crewName(), s.eligible(), s.refusalCode(),
					s.refusal(), s.onDuty(), s.servesSubstation(), s.servesCommunity(), s.sameHeatSource(), s.load());
		}
	}

	/** The last job, when it ended undone or (for one ticket asked about) is in progress. */
	record LastJobAnswer(long jobId, String status, String reason, long technicianId, String technician) {
	}

	record TicketAnswer(String ticketNo, String category, Priority priority, TicketStatus status, String place,
			Long substationId, Long communityId, String address, String description, Instant dispatchDue,
			Instant onSiteDue, boolean incident, int children, JobKind jobKind, LastJobAnswer lastJob,
			List<SuggestionAnswer> suggestions) {

		static TicketAnswer of(DispatchBoard.Row r, List<DispatchBoard.Suggestion> suggestions) {
			var t = r.ticket();
			var j = r.lastJob();
			return new TicketAnswer(t.ticketNo(), t.categoryName(), t.priority(), t.status(), r.place(), t.substationId(),
					t.communityId(), t.address(), t.description(), t.awaitingDispatch() ? t.dispatchDue() : null,
					t.onSiteDue(), t.incident(), t.children(), r.kind(),
					j == null ? null : new LastJobAnswer(j.id(), j.status(), j.reason(), j.technicianId(), j.technicianName()),
					suggestions.stream().map(SuggestionAnswer::of).toList());
		}
	}

	record GroupAnswer(Long substationId, String label, List<TicketAnswer> tickets) {
	}

	record BoardAnswer(Instant at, int total, boolean more, int overdue, int onDuty, List<GroupAnswer> groups) {
	}

	/** The board: groups by substation, tickets most urgent first, each with its first three suggestions. */
	@GetMapping
	BoardAnswer board() {
		DispatchBoard.Board b = board.board(Actor.current());
		return new BoardAnswer(b.at(), b.total(), b.more(), b.overdue(), b.onDuty(), b.groups()
			.stream()
			.map(g -> new GroupAnswer(g.substationId(), g.label(), g.places()
				.stream()
				.flatMap(p -> p.rows().stream())
				.map(r -> TicketAnswer.of(r, r.top()))
				.toList()))
			.toList());
	}

	/** One open ticket with every technician ranked for {@code jobKind} (its default when left out). */
	@GetMapping("/tickets/{ticketNo}")
	TicketAnswer ticket(@PathVariable String ticketNo, @RequestParam(required = false) JobKind jobKind) {
		DispatchBoard.Row r = board.ticket(Actor.current(), ticketNo, jobKind)
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND", ticketNo));
		return TicketAnswer.of(r, r.suggestions());
	}

	/** A dispatch: the ticket, the technician, and optionally the kind (else the ticket's default) and a note. */
	record DispatchRequest(String ticketNo, Long technicianId, JobKind jobKind, String note) {
	}

	/** A re-dispatch: the job, the new technician, the reason. */
	record RedispatchRequest(Long jobId, Long technicianId, String reason) {
	}

	@PostMapping("/dispatch")
	@PreAuthorize(DispatchPageController.EDIT)
	@ResponseStatus(HttpStatus.CREATED)
	JobView dispatch(@RequestBody DispatchRequest request) {
		String no = request.ticketNo() == null ? null : request.ticketNo().strip();
		if (no == null || no.isEmpty()) {
			throw HeatDeskException.badInput("REQUIRED", "ticketNo");
		}
		if (no.length() > 40) {
			throw HeatDeskException.notFound("TICKET_NOT_FOUND", no.substring(0, 40));
		}
		if (request.technicianId() == null) {
			throw HeatDeskException.badInput("REQUIRED", "technicianId");
		}
		JobKind kind = request.jobKind() != null ? request.jobKind()
				: board.ticket(Actor.current(), no, null).map(DispatchBoard.Row::kind)
					.orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND", no));
		return jobs.dispatch(Actor.current(), no, request.technicianId(), kind, request.note());
	}

	@PostMapping("/redispatch")
	@PreAuthorize(DispatchPageController.EDIT)
	@ResponseStatus(HttpStatus.CREATED)
	JobView redispatch(@RequestBody RedispatchRequest request) {
		if (request.jobId() == null) {
			throw HeatDeskException.badInput("REQUIRED", "jobId");
		}
		if (request.technicianId() == null) {
			throw HeatDeskException.badInput("REQUIRED", "technicianId");
		}
		return jobs.redispatch(Actor.current(), request.jobId(), request.technicianId(), request.reason());
	}
}
