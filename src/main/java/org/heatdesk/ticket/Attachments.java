package org.heatdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketSupport.Acting;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Photos and letters on a ticket: attach, list, download. */
@Service
public class Attachments {

	private final TicketRepository repository;

	private final TicketSupport support;

	private final AttachmentRepository attachments;

	private final AuditTrail audit;

	private final Clock clock;

	Attachments(TicketRepository repository, TicketSupport support, AttachmentRepository attachments, AuditTrail audit,
			Clock clock) {
		this.repository = repository;
		this.support = support;
		this.attachments = attachments;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Attaches a photo or letter to a ticket in any status (a letter may well arrive after closing), for
	 * whoever may read the ticket and works on tickets (agent, team lead, dispatcher, technician). The
	 * type is judged by the file's first bytes: JPEG, PNG, WebP, HEIC/HEIF or PDF, at most 10 MB.
	 * The same file again on the same ticket (same sha256) returns the attachment stored first and
	 * writes nothing. Audited ({@code TICKET_ATTACHMENT_ADDED}) and on the timeline.
	 * @param contentType the type the uploader declared; informative only, the bytes decide
	 * @throws HeatDeskException {@code TICKET_ATTACHMENT_EMPTY}, {@code _TOO_LARGE}, {@code _TYPE} (400, field
	 * {@code file}), {@code TICKET_NOT_FOUND}, {@code TICKET_ABOUT_YOU} (6.7), {@code FORBIDDEN}
	 */
	@Transactional
	public AttachmentView attach(Actor actor, String ticketNo, String fileName, String contentType, byte[] content) {
		StaffView me = support.person(actor);
		if (!me.has(Role.AGENT) && !me.has(Role.TEAM_LEAD) && !me.has(Role.DISPATCHER) && !me.has(Role.TECHNICIAN)) {
			throw HeatDeskException.forbidden("FORBIDDEN");
		}
		return store(actor, me.username(), support.load(ticketNo, new Acting(actor, me)), fileName, content);
	}

	// ---- portal-b (issue 18): a photo the customer adds on the public portal

	/**
	 * Attaches a photo the customer sent from the public portal: only the system may (the portal, once it
	 * has checked the ticket's number with its phone), the rules of {@link #attach} otherwise; the
	 * uploader is the system's name ({@code system:portal}), so the timeline and the trail say where it
	 * came from.
	 * @throws HeatDeskException {@code FORBIDDEN} (403) for a person; as {@link #attach} otherwise
	 */
	@Transactional
	public AttachmentView attachFromCustomer(Actor system, String ticketNo, String fileName, byte[] content) {
		if (system == null || !system.system()) {
			throw HeatDeskException.forbidden("FORBIDDEN");
		}
		return store(system, system.name(), support.load(ticketNo, support.acting(system)), fileName, content);
	}

	/**
	 * Stores the file on the ticket once: the same file again (same sha256) answers with the attachment
	 * stored first and writes nothing; else on the timeline under {@code uploader} and audited.
	 */
	private AttachmentView store(Actor actor, String uploader, TicketRow row, String fileName, byte[] content) {
		String type = AttachmentCheck.contentType(content);
		String name = AttachmentCheck.fileName(fileName, type);
		String sha = AttachmentCheck.sha256(content);
		Optional<AttachmentView> same = attachments.bySha(row.id(), sha);
		if (same.isPresent()) {
			return same.get();
		}
		Instant now = clock.instant();
		Optional<Long> id = attachments.insert(row.id(), name, type, content, sha, uploader, now);
		if (id.isEmpty()) {
			// the same file committed concurrently: answer with it
			return attachments.bySha(row.id(), sha).orElseThrow();
		}
		repository.addEvent(row.id(), now, uploader, "ATTACHMENT_ADDED", name, null);
		// like every ticket audit row, keyed by the ticket number, so the ticket's history shows it
		audit.record(actor, "TICKET_ATTACHMENT_ADDED", "ticket", row.ticketNo(), null,
				Map.of("attachmentId", id.get(), "fileName", name, "size", content.length, "sha256", sha));
		return attachments.find(row.id(), id.get()).orElseThrow();
	}

	/** The ticket's attachments, oldest first; refused like the ticket itself (6.7). */
	@Transactional(readOnly = true)
	public List<AttachmentView> attachments(Actor actor, String ticketNo) {
		TicketRow row = support.load(ticketNo, support.acting(actor));
		return attachments.list(row.id());
	}

	/**
	 * One attachment with its bytes; refused like the ticket itself (6.7).
	 * @throws HeatDeskException {@code TICKET_ATTACHMENT_NOT_FOUND} when the ticket has no such attachment
	 */
	@Transactional(readOnly = true)
	public Attachment download(Actor actor, String ticketNo, long id) {
		TicketRow row = support.load(ticketNo, support.acting(actor));
		return attachments.download(row.id(), id)
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_ATTACHMENT_NOT_FOUND"));
	}
}
