package org.heatdesk.ticket;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Roles;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/tickets}: record (idempotent with an {@code Idempotency-Key} header), read, search,
 * and move tickets through their marks. Refusals are JSON {@code {"code","message","field"}}.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@PreAuthorize(Roles.CASEWORK)
class TicketApiController {

	/** The length of {@code ticket.result}, which an answer given in the call becomes. */
	static final int MAX_ANSWER = 4000;

	private final Tickets tickets;

	private final TicketQueries queries;

	private final Transfers transfers;

	private final Incidents incidents;

	private final Attachments attachments;

	TicketApiController(Tickets tickets, TicketQueries queries, Transfers transfers, Incidents incidents,
			Attachments attachments) {
		this.tickets = tickets;
		this.queries = queries;
		this.transfers = transfers;
		this.incidents = incidents;
		this.attachments = attachments;
	}

	/** The body of {@code POST /api/v1/tickets}. */
	record NewTicket(TicketType type, Long categoryId, Priority priority, TicketScope scope, Channel channel,
			Long customerId, String callerPhone, String address, String description, String contactPhone, Long contactId,
			Long aboutStaffId, String answer) {
	}

	/** The body of an action; each action reads the fields it needs. */
	record Action(Integer version, String note, String result, String reason, Long assigneeId, Long teamId,
			Long toStaffId, Long toTeamId, String parentNo) {
	}

	/**
	 * A ticket with what its page shows.
	 * @param onSiteAt when the technician arrived (上门, 10.2), or {@code null}
	 * @param onSiteInTime whether that was by {@code onSiteDue}; {@code null} before arrival or without a deadline
	 */
	record TicketDetails(TicketView ticket, int version, Instant dispatchDue, Instant respondDue, Instant onSiteDue,
			Instant resolveDue, String result, String parentNo, List<TimelineEntry> timeline, List<Transfer> transfers,
			Instant onSiteAt, Boolean onSiteInTime) {
	}

	@PostMapping
	@PreAuthorize(Roles.DESK)
	ResponseEntity<TicketView> record(@RequestBody NewTicket body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		if (body == null) {
			throw HeatDeskException.badInput("REQUIRED", "type");
		}
		RecordTicket command = new RecordTicket(body.type(), body.categoryId(), body.priority(), body.scope(),
				body.channel(), body.customerId(), body.callerPhone(), body.address(), body.description(),
				body.contactPhone(), body.contactId(), key);
		String answer = body.answer() == null || body.answer().isBlank() ? null : body.answer().strip();
		if (answer != null && answer.length() > MAX_ANSWER) {
			// the result column's limit; refused before anything is written
			throw HeatDeskException.badInput("TOO_LONG", "answer", MAX_ANSWER);
		}
		TicketView view = tickets.intake(Actor.current(), new Tickets.Intake(command, body.aboutStaffId(), null), answer);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + view.ticketNo())).body(view);
	}

	/** The body of {@code POST /api/v1/tickets/incidents}. */
	record NewIncident(String description, Long outageId) {
	}

	@PostMapping("/incidents")
	@PreAuthorize(Roles.DESK_AND_DISPATCH)
	ResponseEntity<TicketView> incident(@RequestBody NewIncident body) {
		TicketView view = incidents.recordIncident(Actor.current(), body == null ? null : body.description(), body == null ? null : body.outageId());
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + view.ticketNo())).body(view);
	}

	@GetMapping("/{no}")
	TicketDetails get(@PathVariable String no) {
		TicketRow row = queries.open(Actor.current(), no);
		String parentNo = row.parentId() == null ? null : queries.byId(row.parentId()).map(TicketRow::ticketNo).orElse(null);
		return new TicketDetails(queries.view(row, null), row.version(), row.due().dispatch(), row.due().respond(),
				row.due().onSite(), row.due().resolve(), row.result(), parentNo, queries.timeline(row.id()),
				queries.transfers(row.id()), row.onSiteAt(), row.onSiteInTime());
	}

	/**
	 * Newest first, at most {@code limit}; a full page carries {@code Link: <…&before=id>; rel="next"}
	 * for the next one (RFC 8288), so that an integration can read a whole day page by page.
	 */
	@GetMapping
	ResponseEntity<List<TicketView>> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) TicketType type, @RequestParam(required = false) TicketStatus status,
			@RequestParam(required = false) Priority priority, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "" + TicketQueries.SEARCH_LIMIT) int limit) {
		if (mine) {
			return ResponseEntity.ok(queries.mine(Actor.current(), false).stream().map(r -> queries.view(r, null)).toList());
		}
		List<TicketRow> rows = queries.search(Actor.current(), q, type, status, priority, categoryId, from, to, before, limit);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (rows.size() == limit) {
			String next = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("before", rows.get(rows.size() - 1).id())
				.build()
				.toUriString();
			answer.header(org.springframework.http.HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return answer.body(rows.stream().map(r -> queries.view(r, null)).toList());
	}

	@PostMapping("/{no}/dispatch")
	@PreAuthorize(Roles.OPERATIONS)
	TicketView dispatch(@PathVariable String no, @RequestBody(required = false) Action a) {
		Action b = orEmpty(a);
		return tickets.dispatch(Actor.current(), no, b.version(), b.assigneeId(), b.teamId(), b.note());
	}

	@PostMapping("/{no}/respond")
	@PreAuthorize(Roles.OPERATIONS)
	TicketView respond(@PathVariable String no, @RequestBody(required = false) Action a) {
		Action b = orEmpty(a);
		return tickets.respond(Actor.current(), no, b.version(), b.note());
	}

	@PostMapping("/{no}/resolve")
	@PreAuthorize(Roles.OPERATIONS)
	TicketView resolve(@PathVariable String no, @RequestBody(required = false) Action a) {
		Action b = orEmpty(a);
		return tickets.resolve(Actor.current(), no, b.version(), b.result());
	}

	@PostMapping("/{no}/reopen")
	@PreAuthorize(Roles.OPERATIONS)
	TicketView reopen(@PathVariable String no, @RequestBody(required = false) Action a) {
		Action b = orEmpty(a);
		return tickets.reopen(Actor.current(), no, b.version(), b.reason());
	}

	@PostMapping("/{no}/close")
	@PreAuthorize(Roles.OPERATIONS)
	TicketView close(@PathVariable String no, @RequestBody(required = false) Action a) {
		Action b = orEmpty(a);
		return tickets.close(Actor.current(), no, b.version(), b.note());
	}

	@PostMapping("/{no}/pause")
	@PreAuthorize(Roles.OPERATIONS)
	TicketView pause(@PathVariable String no, @RequestBody(required = false) Action a) {
		Action b = orEmpty(a);
		return tickets.pause(Actor.current(), no, b.version(), b.reason());
	}

	@PostMapping("/{no}/resume")
	@PreAuthorize(Roles.OPERATIONS)
	TicketView resume(@PathVariable String no, @RequestBody(required = false) Action a) {
		return tickets.resume(Actor.current(), no, orEmpty(a).version());
	}

	@PostMapping("/{no}/cancel")
	@PreAuthorize(Roles.OPERATIONS)
	TicketView cancel(@PathVariable String no, @RequestBody(required = false) Action a) {
		Action b = orEmpty(a);
		return tickets.cancel(Actor.current(), no, b.version(), b.reason());
	}

	@PostMapping("/{no}/escalate")
	@PreAuthorize(Roles.OPERATIONS)
	ResponseEntity<Map<String, Object>> escalate(@PathVariable String no, @RequestBody(required = false) Action a) {
		Action b = orEmpty(a);
		long id = transfers.escalate(Actor.current(), no, b.version(), b.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("transferId", id));
	}

	@PostMapping("/{no}/transfers")
	@PreAuthorize(Roles.OPERATIONS)
	ResponseEntity<Map<String, Object>> transfer(@PathVariable String no, @RequestBody(required = false) Action a) {
		Action b = orEmpty(a);
		long id = transfers.transfer(Actor.current(), no, b.version(), b.toStaffId(), b.toTeamId(), b.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("transferId", id));
	}

	@PostMapping("/{no}/transfers/{id}/accept")
	@PreAuthorize(Roles.DESK_AND_DISPATCH)
	TicketView accept(@PathVariable String no, @PathVariable long id) {
		return transfers.acceptTransfer(Actor.current(), no, id);
	}

	@PostMapping("/{no}/transfers/{id}/decline")
	@PreAuthorize(Roles.DESK_AND_DISPATCH)
	ResponseEntity<Void> decline(@PathVariable String no, @PathVariable long id, @RequestBody(required = false) Action a) {
		transfers.declineTransfer(Actor.current(), no, id, orEmpty(a).reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{no}/link")
	@PreAuthorize(Roles.OPERATIONS)
	TicketView link(@PathVariable String no, @RequestBody(required = false) Action a) {
		Action b = orEmpty(a);
		if (b.parentNo() == null) {
			throw HeatDeskException.badInput("REQUIRED", "parentNo");
		}
		return incidents.link(Actor.current(), no, b.parentNo());
	}

	@PostMapping("/{no}/notes")
	@PreAuthorize(Roles.OPERATIONS)
	ResponseEntity<Void> note(@PathVariable String no, @RequestBody(required = false) Action a) {
		tickets.note(Actor.current(), no, orEmpty(a).note());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/{no}/attachments", consumes = "multipart/form-data")
	@PreAuthorize(Roles.DESK_DISPATCH_AND_FIELD)
	ResponseEntity<AttachmentView> attach(@PathVariable String no,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		byte[] content = AttachmentResponses.bytes(file);
		AttachmentView view = attachments.attach(Actor.current(), no, file.getOriginalFilename(), file.getContentType(), content);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + view.ticketNo() + "/attachments/" + view.id()))
			.body(view);
	}

	@GetMapping("/{no}/attachments")
	List<AttachmentView> attachments(@PathVariable String no) {
		return attachments.attachments(Actor.current(), no);
	}

	@GetMapping("/{no}/attachments/{id}")
	ResponseEntity<byte[]> download(@PathVariable String no, @PathVariable long id) {
		return AttachmentResponses.of(attachments.download(Actor.current(), no, id));
	}

	private static Action orEmpty(Action a) {
		return a == null ? new Action(null, null, null, null, null, null, null, null, null) : a;
	}
}
