package org.heatdesk.dispatch;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.OnDuty;
import org.heatdesk.platform.PageController;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dispatch board (派工看板) and the workload view (工作量). Dispatchers, team leads and managers
 * read them; dispatchers and team leads dispatch and re-dispatch. The board's rows refresh live
 * ({@link BoardStreams}); the dispatch form on the right is never refreshed under the user's hands.
 * A dispatch is one form post (the first suggestion is focused: Enter sends it); a refusal comes
 * back on the form, named in the user's language, with nothing written.
 */
@PageController
@PreAuthorize(DispatchPageController.READ)
class BoardPageController {

	private final DispatchBoard board;

	private final Workload workload;

	private final Jobs jobs;

	private final BoardStreams streams;

	private final Technicians technicians;

	/** Which shift answers for each desk team's tickets (the shift module), shown on the board when it is there. */
	private final ObjectProvider<OnDuty> onDuty;

	BoardPageController(DispatchBoard board, Workload workload, Jobs jobs, BoardStreams streams, Technicians technicians,
			ObjectProvider<OnDuty> onDuty) {
		this.onDuty = onDuty;
		this.board = board;
		this.workload = workload;
		this.jobs = jobs;
		this.streams = streams;
		this.technicians = technicians;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		/** First in the dispatcher's bar and on the dispatcher's home page: the board is their desk. */
		@Bean
		NavItem dispatchBoardNav() {
			return new NavItem("nav.dispatchBoard", "nav.dispatchBoard.description", "/dispatch/board",
					Roles.SUPERVISORS_AND_DISPATCH, 60, "p");
		}

		// not in the team lead's bar, which is full at 1366 px: the lead reaches it from the board
		@Bean
		NavItem dispatchWorkloadNav() {
			return new NavItem("nav.dispatchWorkload", "nav.dispatchWorkload.description", "/dispatch/workload",
					Roles.DISPATCH_AND_MANAGER, 62, null);
		}
	}

	private void duty(java.time.Instant at, Model model) {
		OnDuty d = onDuty.getIfAvailable();
		model.addAttribute("duty", d == null ? java.util.List.of() : d.answeringAll(at));
		model.addAttribute("dutyZone", technicians.zone().getId());
	}

	@GetMapping("/dispatch/board")
	String board(@RequestParam(required = false) String ticket, @RequestParam(required = false) String kind,
			Authentication authentication, Model model) {
		DispatchBoard.Board b = board.board(Actor.current());
		model.addAttribute("board", b);
		model.addAttribute("bf", format(b.at()));
		duty(b.at(), model);
		String chosen = ticket;
		if (chosen == null || chosen.isBlank()) {
			chosen = b.groups().stream().flatMap(g -> g.places().stream()).flatMap(p -> p.rows().stream())
				.map(r -> r.ticket().ticketNo()).findFirst().orElse(null);
		}
		JobKind jobKind = null;
		try {
			jobKind = kindOf(kind);
		}
		catch (HeatDeskException e) {
			// a kind nobody offered (an edited address): the ticket's own default
		}
		model.addAttribute("chosen", chosen);
		model.addAttribute("row", chosen == null ? null : board.ticket(Actor.current(), chosen, jobKind).orElse(null));
		model.addAttribute("kinds", JobKind.values());
		model.addAttribute("canDispatch", canDispatch(authentication));
		return "dispatch/board";
	}

	@GetMapping("/dispatch/board/rows")
	String rows(@RequestParam(required = false) String ticket, Model model) {
		DispatchBoard.Board b = board.board(Actor.current());
		model.addAttribute("board", b);
		model.addAttribute("bf", format(b.at()));
		duty(b.at(), model);
		model.addAttribute("chosen", ticket);
		return "dispatch/board :: rows";
	}

	/** The board's and the workload's event stream: {@code hello} on (re)connecting, {@code changed} after each change. */
	@GetMapping(path = "/dispatch/board/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream() {
		return streams.open();
	}

	/** One action: the ticket to the technician chosen, as a job of the kind chosen. */
	@PostMapping("/dispatch/board/dispatch")
	@PreAuthorize(DispatchPageController.EDIT)
	String dispatch(@RequestParam(defaultValue = "") String ticketNo, @RequestParam(required = false) String technicianId,
			@RequestParam(required = false) String kind, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		String no = ticketNo.strip();
		try {
			if (no.isEmpty()) {
				throw HeatDeskException.badInput("DISPATCH_BOARD_TICKET_REQUIRED", "ticketNo");
			}
			long technician = technicianOf(technicianId);
			JobKind jobKind = kindOf(kind);
			if (jobKind == null) {
				jobKind = board.ticket(Actor.current(), no, null).map(DispatchBoard.Row::kind)
					.orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND", no));
			}
			JobView job = jobs.dispatch(Actor.current(), no, technician, jobKind, note);
			redirect.addFlashAttribute("noticeKey", "dispatch.board.dispatched");
			redirect.addFlashAttribute("noticeArgs", new Object[] { job.ticketNo(), name(job.technicianId()) });
			return "redirect:/dispatch/board";
		}
		catch (HeatDeskException e) {
			DispatchPageController.flash(redirect, e);
			redirect.addFlashAttribute("note", note);
			return "redirect:" + back(no, kind);
		}
	}

	/** Another technician for a job declined, not done or in progress, with the reason (required). */
	@PostMapping("/dispatch/board/redispatch")
	@PreAuthorize(DispatchPageController.EDIT)
	String redispatch(@RequestParam(defaultValue = "") String ticketNo, @RequestParam(required = false) String jobId,
			@RequestParam(required = false) String technicianId, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		String no = ticketNo.strip();
		try {
			long job = idOf(jobId, "jobId");
			long technician = technicianOf(technicianId);
			JobView moved = jobs.redispatch(Actor.current(), job, technician, reason);
			redirect.addFlashAttribute("noticeKey", "dispatch.board.redispatched");
			redirect.addFlashAttribute("noticeArgs", new Object[] { moved.ticketNo(), name(moved.technicianId()) });
			return "redirect:/dispatch/board";
		}
		catch (HeatDeskException e) {
			DispatchPageController.flash(redirect, e);
			redirect.addFlashAttribute("reason", reason);
			return "redirect:" + back(no, null);
		}
	}

	@GetMapping("/dispatch/workload")
	String workload(Model model) {
		Workload.View view = workload.view();
		model.addAttribute("view", view);
		model.addAttribute("bf", format(view.at()));
		return "dispatch/workload";
	}

	@GetMapping("/dispatch/workload/rows")
	String workloadRows(Model model) {
		Workload.View view = workload.view();
		model.addAttribute("view", view);
		model.addAttribute("bf", format(view.at()));
		return "dispatch/workload :: rows";
	}

	private BoardFormat format(java.time.Instant at) {
		return new BoardFormat(technicians.zone(), at);
	}

	private String name(long technicianId) {
		return technicians.technician(technicianId).map(TechnicianView::displayName).orElse("#" + technicianId);
	}

	private static String back(String ticketNo, String kind) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath("/dispatch/board");
		if (!ticketNo.isEmpty() && ticketNo.length() <= 40) {
			b.queryParam("ticket", ticketNo);
		}
		if (kindOf(kind) != null) {
			b.queryParam("kind", kind);
		}
		return b.encode().build().toUriString();
	}

	/**
	 * The kind chosen on the form, or {@code null} for the ticket's default; an unknown name is
	 * refused ({@code DISPATCH_JOB_KIND}).
	 */
	static JobKind kindOf(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return JobKind.valueOf(kind.strip());
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("DISPATCH_JOB_KIND", "kind");
		}
	}

	static long technicianOf(String value) {
		return idOf(value, "technicianId");
	}

	static long idOf(String value, String field) {
		String v = InputChecks.trim(value);
		if (v == null) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		try {
			long id = Long.parseLong(v);
			if (id <= 0) {
				throw new NumberFormatException();
			}
			return id;
		}
		catch (NumberFormatException e) {
			throw HeatDeskException.badInput("DISPATCH_NUMBER_FORMAT", field);
		}
	}

	private static boolean canDispatch(Authentication authentication) {
		return Role.of(authentication).stream().anyMatch(Roles.of(DispatchPageController.EDIT)::contains);
	}
}
