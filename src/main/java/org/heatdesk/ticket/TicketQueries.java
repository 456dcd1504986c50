package org.heatdesk.ticket;

import org.heatdesk.platform.InputChecks;
import org.heatdesk.ticket.sla.SlaPolicy;
import org.heatdesk.ticket.sla.Deadlines;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.platform.TextSegmenter;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketSupport.Acting;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * Reading tickets: one ticket, its timeline and earlier rounds, the lists and boards of the desk
 * (mine, my team's queue, overdue), search, and the notifications of the one reading. What a reader
 * sees is cut for them: complaints about them are left out or refused (6.7), the complainant masked.
 */
@Service
public class TicketQueries {

	/** The most tickets one search answers with. */
	static final int SEARCH_LIMIT = 200;

	private final TicketRepository repository;

	private final TicketSupport support;

	private final Catalog catalog;

	private final Clock clock;

	private final TextSegmenter segmenter;

	private final TicketProperties properties;

	TicketQueries(TicketRepository repository, TicketSupport support, Catalog catalog, Clock clock, TextSegmenter segmenter,
			TicketProperties properties) {
		this.repository = repository;
		this.support = support;
		this.catalog = catalog;
		this.clock = clock;
		this.segmenter = segmenter;
		this.properties = properties;
	}

	/** The ticket with this number, or empty; for the staff member a complaint is about, the complainant is masked. */
	@Transactional(readOnly = true)
	public Optional<TicketView> find(Actor by, String ticketNo) {
		Acting me = support.acting(by);
		return repository.findByNo(ticketNo).filter(r -> support.mayRead(r, me)).map(r -> support.view(r, me.id()));
	}

	/**
	 * What field work needs of the ticket with this number (its place, marks and on-site deadline), for
	 * the dispatch module acting on it; nothing personal is in it.
	 */
	@Transactional(readOnly = true)
	public Optional<FieldTicket> forField(String ticketNo) {
		return repository.findByNo(ticketNo == null ? "" : ticketNo.strip().toUpperCase())
			.map(r -> new FieldTicket(r.id(), r.ticketNo(), r.type(), r.status(), r.customerId(), r.address(),
					r.substationId(), r.communityId(), r.assigneeId(), r.dispatchedAt(), r.respondedAt(), r.onSiteAt(),
					r.due().onSite(), r.resolvedAt()));
	}

	/** What the follow-up of a ticket needs of it (see {@link FollowUpTicket}), or empty when there is no such ticket. */
	@Transactional(readOnly = true)
	public Optional<FollowUpTicket> forFollowUp(String ticketNo) {
		return repository.findByNo(ticketNo == null ? "" : ticketNo.strip().toUpperCase())
			.map(r -> new FollowUpTicket(r.id(), r.ticketNo(), r.type(), catalog.categoryName(r.categoryId()), r.status(),
					r.customerId(), r.callerPhone(), r.contactPhone(), r.address(), r.description(), r.result(),
					r.resolvedBy(), r.resolvedAt(), repository.roundsEnded(r.id()) + 1, r.parentId(), r.recordedAt(),
					r.assignee(), r.aboutStaffId()));
	}

	/**
	 * The numbers of the tickets recorded since {@code since}, oldest first, at most {@code limit}:
	 * for a module that must catch up with tickets written before it listened (its demo data).
	 */
	@Transactional(readOnly = true)
	public List<String> numbersRecordedSince(Instant since, int limit) {
		return repository.numbersRecordedSince(since, limit);
	}

	/**
	 * What a message to the ticket's customer needs (the notification module); nothing is masked, so
	 * only the outbox and a preview by those who maintain the messages read it.
	 */
	@Transactional(readOnly = true)
	public Optional<TicketNotice> notice(String ticketNo) {
		return repository.findByNo(ticketNo == null ? "" : ticketNo.strip().toUpperCase())
			.map(r -> new TicketNotice(r.ticketNo(), r.type(), r.customerId(),
					r.contactPhone() != null ? r.contactPhone() : r.callerPhone(), r.parentId(), r.incident(), r.outageId(),
					r.assigneeId(), r.recordedAt(), r.dispatchedAt(), r.due().onSite(), r.resolvedAt(),
					r.status() == TicketStatus.RESOLVED || r.status() == TicketStatus.CLOSED ? r.result() : null));
	}

	/**
	 * The marks' times and, once resolved, the result of a ticket, for an integration (no staff member
	 * is acting, so nothing is masked: give it only to the system the ticket's request came from).
	 */
	@Transactional(readOnly = true)
	public Optional<TicketProgress> progress(String ticketNo) {
		return repository.findByNo(ticketNo).map(TicketQueries::progressOf);
	}

	private static TicketProgress progressOf(TicketRow r) {
		return new TicketProgress(r.ticketNo(), r.status(), r.recordedAt(),
				r.dispatchedAt(), r.respondedAt(), r.resolvedAt(), r.closedAt(),
				r.status() == TicketStatus.RESOLVED || r.status() == TicketStatus.CLOSED ? r.result() : null);
	}

	/**
	 * {@link #progress} of the ticket recorded with this idempotency key: for a caller that recorded
	 * it and has not yet been told its number (the contact's link follows the commit).
	 */
	@Transactional(readOnly = true)
	public Optional<TicketProgress> progressByKey(String idempotencyKey) {
		return repository.findByKey(idempotencyKey).map(TicketQueries::progressOf);
	}

	// ---- portal-b (issue 18): what the public portal shows of a ticket

	/**
	 * A ticket for the public portal's progress page ({@link PublicTicketProgress}): one indexed read by
	 * number, the category named in the current language. Empty for an unknown number.
	 */
	@Transactional(readOnly = true)
	public Optional<PublicTicketProgress> publicProgress(String ticketNo) {
		if (ticketNo == null || ticketNo.isBlank() || ticketNo.length() > 40) {
			return Optional.empty();
		}
		return repository.findByNo(ticketNo.strip().toUpperCase()).map(r -> {
			Locale locale = LocaleContextHolder.getLocale();
			String category = r.categoryId() == null ? null : catalog.category(r.categoryId()).map(c -> c.name(locale)).orElse(null);
			List<String> phones = java.util.stream.Stream.of(r.callerPhone(), r.contactPhone())
				.filter(p -> p != null && !p.isBlank())
				.distinct()
				.toList();
			boolean done = r.status() == TicketStatus.RESOLVED || r.status() == TicketStatus.CLOSED;
			return new PublicTicketProgress(r.ticketNo(), r.type(), category, r.channel(), r.status(),
					repository.roundsEnded(r.id()) + 1, r.customerId(), phones, r.address(), r.recordedAt(), r.dispatchedAt(),
					r.respondedAt(), r.onSiteAt(), r.resolvedAt(), r.closedAt(), r.cancelledAt(), r.due().onSite(),
					support.technicianName(r.assigneeId()), done ? r.result() : null, r.incident());
		});
	}

	/** The active categories of a type, in the managers' order, named in the current language. */
	public List<CategoryView> categories(TicketType type) {
		Locale locale = LocaleContextHolder.getLocale();
		return catalog.categories(type, true).stream().map(c -> new CategoryView(c.id(), c.type(), c.name(locale))).toList();
	}

	/** The category of {@code type} whose keywords the description mentions, as intake suggests it; or empty. */
	public Optional<CategoryView> suggestCategory(String description, TicketType type) {
		Locale locale = LocaleContextHolder.getLocale();
		return catalog.suggest(description, type).filter(c -> c.type() == type && c.active())
			.map(c -> new CategoryView(c.id(), c.type(), c.name(locale)));
	}

	/** The customer's tickets that still owe work, newest first. */
	@Transactional(readOnly = true)
	public List<TicketView> openForCustomer(Actor by, long customerId) {
		StaffView me = support.person(by);
		return repository.openForCustomer(customerId).stream().filter(r -> !r.about(me.id()))
			.map(r -> support.view(r, me.id())).toList();
	}

	/**
	 * The earlier tickets of a customer (or, for a ticket without one, of the same address as
	 * written), newest first, leaving out {@code exceptNo} and complaints about the reader (6.7): the
	 * history a technician reads at the door.
	 */
	@Transactional(readOnly = true)
	public List<PastTicket> history(Actor by, Long customerId, String address, String exceptNo, int limit) {
		if (customerId == null && (address == null || address.isBlank())) {
			return List.of();
		}
		StaffView me = support.person(by);
		return repository.history(customerId, address, exceptNo, me.id(), Math.max(1, Math.min(limit, 50)))
			.stream()
			.map(r -> new PastTicket(r.ticketNo(), r.recordedAt(), catalog.categoryName(r.categoryId()), r.status(),
					r.result(), r.resolvedAt()))
			.toList();
	}

	/**
	 * The tickets the field's dispatch board shows: when {@code waiting}, up to {@code limit} repair
	 * tickets still waiting for their 有指令 mark (recorded or reopened) that hang under no parent (an
	 * incident stands for its children), soonest dispatch deadline first; and the open tickets numbered
	 * {@code ticketNos} (e.g. those whose field job was declined or not done), whatever their status.
	 * Complaints about the reader are left out (6.7); categories named in the current language.
	 */
	@Transactional(readOnly = true)
	public List<WaitingTicket> waitingForField(Actor by, boolean waiting, java.util.Collection<String> ticketNos, int limit) {
		StaffView me = support.person(by);
		Locale locale = LocaleContextHolder.getLocale();
		return repository.waitingForField(waiting, ticketNos, me.id(), limit).stream().map(r -> {
			WaitingTicket t = r.ticket();
			Category c = catalog.category(r.categoryId()).orElse(null);
			return c == null ? t : new WaitingTicket(t.id(), t.ticketNo(), t.type(), c.code(), c.name(locale), t.priority(),
					t.status(), t.substationId(), t.communityId(), t.address(), t.description(), t.recordedAt(),
					t.dispatchDue(), t.onSiteDue(), t.incident(), t.outageId(), t.children(), t.version());
		}).toList();
	}

	/** The staff member reading (the system reads nothing here). */
	StaffView me(Actor by) {
		return support.person(by);
	}

	/** The ticket for the ticket page; refused to the staff member a complaint is about (6.7). */
	@Transactional(readOnly = true)
	TicketRow open(Actor by, String ticketNo) {
		return support.load(ticketNo, support.acting(by));
	}

	TicketView view(TicketRow row, Long viewer) {
		return support.view(row, viewer);
	}

	/** The actions {@code by} may take on the ticket now. */
	Set<Lifecycle.Action> allowedActions(Actor by, TicketRow row) {
		return support.allowedActions(row, support.acting(by));
	}

	@Transactional(readOnly = true)
	List<TimelineEntry> timeline(long ticketId) {
		return repository.timeline(ticketId);
	}

	/** The rounds the ticket's reopenings ended, with the marks' times as they were reached. */
	@Transactional(readOnly = true)
	List<Ticket.Round> rounds(long ticketId) {
		return repository.rounds(ticketId);
	}

	@Transactional(readOnly = true)
	List<Transfer> transfers(long ticketId) {
		return repository.transfers(ticketId);
	}

	@Transactional(readOnly = true)
	List<TicketRow> children(long ticketId) {
		return repository.children(ticketId);
	}

	@Transactional(readOnly = true)
	Optional<TicketRow> byId(long id) {
		return repository.find(id);
	}

	/** My tickets: those I recorded (to the end) and those I hold. */
	@Transactional(readOnly = true)
	List<TicketRow> mine(Actor by, boolean openOnly) {
		return repository.mine(me(by).id(), openOnly, 300);
	}

	@Transactional(readOnly = true)
	List<TicketRow> teamQueue(Actor by) {
		StaffView me = me(by);
		return me.teamId() == null ? List.of()
				: repository.teamQueue(me.teamId(), 300).stream().filter(r -> !r.about(me.id())).toList();
	}

	@Transactional(readOnly = true)
	List<Transfer> awaitingMe(Actor by) {
		StaffView me = me(by);
		return repository.awaiting(me.id(), me.teamId());
	}

	@Transactional(readOnly = true)
	List<TicketRow> overdue(Actor by) {
		StaffView me = me(by);
		return repository.overdue(clock.instant(), 300).stream().filter(r -> !r.about(me.id())).toList();
	}

	@Transactional(readOnly = true)
	List<Notification> myNotifications(Actor by) {
		return repository.unread(me(by).id(), 50);
	}

	@Transactional
	int readNotifications(Actor by) {
		return repository.markRead(me(by).id(), clock.instant());
	}

	@Transactional(readOnly = true)
	List<TicketRow> search(Actor by, String query, TicketType type, TicketStatus status, Priority priority, Long categoryId,
			Instant from, Instant to) {
		return search(by, query, type, status, priority, categoryId, from, to, null, SEARCH_LIMIT);
	}

	/**
	 * Up to {@code limit} tickets, newest first, after the ticket with id {@code before} if given.
	 * @throws HeatDeskException (400) for a limit outside 1..{@value #SEARCH_LIMIT}
	 */
	@Transactional(readOnly = true)
	List<TicketRow> search(Actor by, String query, TicketType type, TicketStatus status, Priority priority,
			Long categoryId, Instant from, Instant to, Long before, int limit) {
		if (limit < 1 || limit > SEARCH_LIMIT) {
			throw HeatDeskException.badInput("TICKET_LIMIT_OUT_OF_RANGE", "limit", SEARCH_LIMIT);
		}
		if (before != null && repository.find(before).isEmpty()) {
			throw HeatDeskException.badInput("TICKET_CURSOR_UNKNOWN", "before");
		}
		StaffView me = me(by);
		String q = InputChecks.trim(query);
		String no = null;
		String words = null;
		if (q != null && q.toUpperCase().startsWith(properties.numberPrefix()) && q.matches("[A-Za-z]+\\d{8}-\\d+")) {
			no = q.toUpperCase();
		}
		else if (q != null) {
			words = segmenter.segment(q);
		}
		return repository.search(words, no, type, status, priority, categoryId, from, to, me.id(), before, limit);
	}

	/** The deadlines a new ticket would get now, for the intake form. */
	Deadlines preview(TicketType type, Long categoryId, Priority priority, TicketScope scope) {
		SlaPolicy policy = catalog.currentPolicy();
		Category category = catalog.category(categoryId).orElse(null);
		return policy.deadlines(type, categoryId, category == null ? null : category.parentId(),
				priority == null ? Priority.NORMAL : priority, scope == null ? TicketScope.HOUSEHOLD : scope,
				clock.instant(), catalog.zone());
	}
}
