package org.heatdesk.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.customer.Customers;
import org.heatdesk.followup.CustomerRatings;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.ticket.Attachments;
import org.heatdesk.ticket.PublicTicketProgress;
import org.heatdesk.ticket.TicketQueries;
import org.heatdesk.ticket.TicketStatus;
import org.heatdesk.ticket.Tickets;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress of a ticket by its number and a phone: the phone must be one the ticket was recorded with,
 * the one its online request was confirmed with, or one of its customer's. A wrong number and a wrong
 * phone get the same answer (404 {@code PORTAL_PROGRESS_NOT_FOUND}, no field) after the same reads,
 * and each miss counts against the client's address and the number, so neither tickets nor phones
 * can be found by trying. The customer may add information or photos, and rate once it is resolved.
 */
@Service
class PortalProgress {

	private final TicketQueries tickets;

	private final Tickets ticketCommands;

	private final Attachments attachments;

	private final Customers customers;

	private final CustomerRatings ratings;

	private final PortalRateLimits limits;

	private final PortalRequestSettings settings;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final MessageSource text;

	PortalProgress(TicketQueries tickets, Tickets ticketCommands, Attachments attachments, Customers customers,
			CustomerRatings ratings, PortalRateLimits limits, PortalRequestSettings settings, AuditTrail audit,
			JdbcClient jdbc, MessageSource text) {
		this.tickets = tickets;
		this.ticketCommands = ticketCommands;
		this.attachments = attachments;
		this.customers = customers;
		this.ratings = ratings;
		this.limits = limits;
		this.settings = settings;
		this.audit = audit;
		this.jdbc = jdbc;
		this.text = text;
	}

	/**
	 * The ticket for this pair.
	 * @throws HeatDeskException 400 for a missing number or a malformed phone; 404
	 *     {@code PORTAL_PROGRESS_NOT_FOUND} for a wrong pair; 429 {@code PORTAL_RATE_LIMITED}
	 */
	PortalProgressView lookup(String ticketNo, String phone, String client) {
		PublicTicketProgress p = find(ticketNo, phone, client);
		return view(p, phone);
	}

	/** The ticket of the pair, or the one refusal for every wrong pair. */
	private PublicTicketProgress find(String ticketNoInput, String phoneInput, String client) {
		String no = InputChecks.required(PortalMasks.text(ticketNoInput, "ticketNo"), "ticketNo", 40).toUpperCase(Locale.ROOT);
		String phone = OneTimeCodes.mobile(phoneInput);
		limits.check(PortalRateLimits.Kind.LOOKUP_MISS, PortalRateLimits.address(client), settings.lookupMissesPerAddress(),
				null);
		limits.check(PortalRateLimits.Kind.LOOKUP_MISS, PortalRateLimits.ticket(no), settings.lookupMissesPerTicket(), null);
		Optional<PublicTicketProgress> p = tickets.publicProgress(no);
		// the same reads whether the number exists or not
		List<Long> customersOfPhone = customers.findByPhone(phone).stream().map(c -> c.id()).toList();
		List<String> requestPhones = jdbc.sql("select phone from portal_request where ticket_no = ?")
			.param(no)
			.query(String.class)
			.list();
		boolean matches = p.isPresent() && !p.get().incident()
				&& (p.get().phones().stream().map(PortalProgress::digits).anyMatch(phone::equals)
						|| requestPhones.contains(phone)
						|| (p.get().customerId() != null && customersOfPhone.contains(p.get().customerId())));
		if (!matches) {
			limits.recordApart(PortalRateLimits.Kind.LOOKUP_MISS, PortalRateLimits.address(client),
					PortalRateLimits.ticket(no));
			throw HeatDeskException.notFound("PORTAL_PROGRESS_NOT_FOUND");
		}
		return p.get();
	}

	private PortalProgressView view(PublicTicketProgress p, String phoneInput) {
		String phone = OneTimeCodes.mobile(phoneInput);
		List<PortalProgressView.PortalProgressMark> marks = new ArrayList<>();
		marks.add(new PortalProgressView.PortalProgressMark("RECORDED", p.recordedAt()));
		marks.add(new PortalProgressView.PortalProgressMark("DISPATCHED", p.dispatchedAt()));
		marks.add(new PortalProgressView.PortalProgressMark("RESPONDED", p.respondedAt()));
		marks.add(new PortalProgressView.PortalProgressMark("RESOLVED", p.resolvedAt()));
		boolean done = p.status() == TicketStatus.RESOLVED || p.status() == TicketStatus.CLOSED
				|| p.status() == TicketStatus.CANCELLED;
		String technician = p.technicianName() == null ? null
				: text.getMessage("portal.progress.technicianName", new Object[] { surname(p.technicianName()) },
						org.springframework.context.i18n.LocaleContextHolder.getLocale());
		java.time.Instant arriveBy = technician != null && p.onSiteAt() == null && !done ? p.onSiteDue() : null;
		String rating = ratings.ratingOf(p.ticketNo(), p.round());
		return new PortalProgressView(p.ticketNo(), p.type(), p.categoryName(), p.status(), p.round(),
				PortalMasks.address(p.address()), Customers.maskPhone(phone), marks, p.onSiteAt(), technician, arriveBy,
				p.result(), rating, p.status() == TicketStatus.RESOLVED && rating == null,
				p.status() != TicketStatus.CANCELLED && p.status() != TicketStatus.CLOSED);
	}

	/**
	 * Adds the customer's words and photos to the ticket of the pair: a note on its timeline
	 * ({@code system:portal}) and the photos as attachments. Audited {@code PORTAL_INFORMATION_ADDED}.
	 * @throws HeatDeskException 400 {@code PORTAL_ADDITION_EMPTY} (nothing given), the photos' and text's
	 *     refusals; 404 and 429 as {@link #lookup}; 409 {@code PORTAL_TICKET_CANCELLED}, {@code PORTAL_TICKET_CLOSED}
	 */
	@Transactional
	PortalProgressView add(String ticketNo, String phone, String words, List<PortalRequestPhoto> given, String client) {
		String w = InputChecks.optional(PortalMasks.text(words, "text"), "text", 1000);
		List<PortalRequestPhoto> photos = PortalRequestPhoto.check(given, settings.photosPerRequest(),
				settings.photoMaxBytes());
		if (w == null && photos.isEmpty()) {
			throw HeatDeskException.badInput("PORTAL_ADDITION_EMPTY", "text");
		}
		PublicTicketProgress p = find(ticketNo, phone, client);
		if (p.status() == TicketStatus.CANCELLED) {
			throw HeatDeskException.conflict("PORTAL_TICKET_CANCELLED");
		}
		if (p.status() == TicketStatus.CLOSED) {
			// a closed ticket is read by nobody any more: the customer makes a new request
			throw HeatDeskException.conflict("PORTAL_TICKET_CLOSED");
		}
		limits.check(PortalRateLimits.Kind.ADDITION, PortalRateLimits.ticket(p.ticketNo()), settings.additionsPerTicket(),
				null);
		if (w != null) {
			ticketCommands.note(OneTimeCodes.SYSTEM, p.ticketNo(),
					text.getMessage("portal.addition.note", new Object[] { w }, Locale.SIMPLIFIED_CHINESE));
		}
		for (PortalRequestPhoto photo : photos) {
			attachments.attachFromCustomer(OneTimeCodes.SYSTEM, p.ticketNo(), photo.fileName(), photo.bytes());
		}
		limits.record(PortalRateLimits.Kind.ADDITION, PortalRateLimits.ticket(p.ticketNo()));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("text", w);
		after.put("photos", photos.size());
		audit.record(OneTimeCodes.SYSTEM, "PORTAL_INFORMATION_ADDED", "ticket", p.ticketNo(), null, after);
		return view(tickets.publicProgress(p.ticketNo()).orElseThrow(), phone);
	}

	/**
	 * The customer's rating of the resolved ticket of the pair (the follow-up module's satisfaction,
	 * from the customer's own hand); dissatisfied reopens it.
	 * @throws HeatDeskException 404 and 429 as {@link #lookup}; the follow-up module's refusals
	 *     ({@code FOLLOWUP_SATISFACTION_INVALID}, {@code FOLLOWUP_TICKET_NOT_RESOLVED}, {@code FOLLOWUP_ALREADY_DONE})
	 */
	@Transactional
	PortalProgressView rate(String ticketNo, String phone, String satisfaction, String comment, String client) {
		String c = InputChecks.optional(PortalMasks.text(comment, "comment"), "comment", 1000);
		if (satisfaction == null || satisfaction.isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", "satisfaction");
		}
		PublicTicketProgress p = find(ticketNo, phone, client);
		ratings.rate(p.ticketNo(), satisfaction.strip(), c);
		return view(tickets.publicProgress(p.ticketNo()).orElseThrow(), phone);
	}

	static String digits(String phone) {
		String d = phone == null ? "" : phone.replaceAll("[^0-9]", "");
		return d.startsWith("86") && d.length() == 13 ? d.substring(2) : d;
	}

	/** The surname of a Chinese name (its first character), a Latin name's first word. */
	static String surname(String name) {
		String n = name == null ? "" : name.strip();
		if (n.isEmpty()) {
			return n;
		}
		if (Character.UnicodeScript.of(n.codePointAt(0)) != Character.UnicodeScript.HAN) {
			int space = n.indexOf(' ');
			return space > 0 ? n.substring(0, space) : n;
		}
		return n.substring(0, Character.charCount(n.codePointAt(0)));
	}
}
