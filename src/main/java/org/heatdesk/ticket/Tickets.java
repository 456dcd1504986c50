package org.heatdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.TextSegmenter;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front door of the ticket module: record, find, and move tickets through their marks
 * (有记录、有指令、有回音、有结果). The staff member who records a ticket is its first responder for
 * good; the holder changes only by dispatch or by an accepted transfer. Every change is audited, goes
 * on the ticket's timeline, notifies the first responder and is guarded by the ticket's version
 * ({@code CONCURRENT_CHANGE} when someone else changed it first). The work on a ticket is for those who
 * may act on it ({@link TicketAccess}: holder, the lead or dispatcher of the holder's team, the first
 * responder, managers); anyone else is refused with {@code TICKET_NOT_HOLDER} (403, logged as a security event).
 */
@Service
public class Tickets {

	private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final TicketRepository repository;

	private final Catalog catalog;

	private final Staff staff;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TextSegmenter segmenter;

	private final TicketProperties properties;

	private final TransactionTemplate tx;

	private final CustomerLookup customers;

	private final AttachmentRepository attachments;

	Tickets(TicketRepository repository, Catalog catalog, Staff staff, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, TextSegmenter segmenter, TicketProperties properties, PlatformTransactionManager transactions,
			CustomerLookup customers, AttachmentRepository attachments) {
		this.repository = repository;
		this.catalog = catalog;
		this.staff = staff;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.segmenter = segmenter;
		this.properties = properties;
		this.tx = new TransactionTemplate(transactions);
		// inside a caller's transaction a savepoint, so that a key repeated concurrently leaves it usable
		this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
		this.customers = customers;
		this.attachments = attachments;
	}

	/** Intake with what only HeatDesk's own pages and API know: the staff member a complaint is about, a parent. */
	record Intake(RecordTicket command, Long aboutStaffId, Long parentId) {
	}

	// ------------------------------------------------------------------ recording

	/**
	 * Records a ticket; the current user becomes its first responder and first holder.
	 * With an idempotency key already used, returns the ticket recorded then and writes nothing.
	 * Publishes {@link TicketRecorded}.
	 * @throws HeatDeskException (400) for missing or malformed fields, with the field named
	 */
	public TicketView record(RecordTicket command) {
		return intake(new Intake(command, null, null), null);
	}

	/**
	 * Records an inquiry answered during the call: all four marks at once, the answer as its result.
	 * Publishes {@link TicketRecorded} and {@link TicketResolved}.
	 */
	public TicketView answerInCall(RecordTicket command, String answer) {
		String a = text(answer, "answer", 4000, true);
		return intake(new Intake(command, null, null), a);
	}

	TicketView intake(Intake intake, String answer) {
		StaffView me = me();
		RecordTicket c = normalise(intake.command());
		validate(c, intake.aboutStaffId(), me);
		CustomerLookup.Snapshot place = c.customerId() == null ? CustomerLookup.Snapshot.NONE
				: customers.snapshot(c.customerId())
					.orElseThrow(() -> HeatDeskException.badInput("TICKET_CUSTOMER_UNKNOWN", "customerId"));
		try {
			TicketView recorded = tx.execute(s -> insert(c, place, intake.aboutStaffId(), intake.parentId(), false, null, me,
					answer).map(row -> view(row, me)).orElse(null));
			if (recorded != null) {
				return recorded;
			}
			// the key was used before: answer with the first ticket, nothing written
			return repository.findByKey(c.idempotencyKey()).map(r -> view(r, me)).orElseThrow();
		}
		catch (DuplicateKeyException e) {
			if (c.idempotencyKey() == null) {
				throw e;
			}
			// a concurrent identical request committed first: answer with its ticket
			return repository.findByKey(c.idempotencyKey()).map(r -> view(r, me)).orElseThrow(() -> e);
		}
	}

	/** The new ticket, or empty when its idempotency key was used before (then nothing is written). */
	private Optional<TicketRow> insert(RecordTicket c, CustomerLookup.Snapshot place, Long aboutStaffId, Long parentId,
			boolean incident, Long outageId, StaffView me, String answer) {
		Instant now = clock.instant();
		SlaPolicy policy = catalog.currentPolicy();
		Category category = catalog.category(c.categoryId()).orElse(null);
		Deadlines due = policy.deadlines(c.type(), c.categoryId(), category == null ? null : category.parentId(),
				c.priority(), c.scope(), now, catalog.zone());
		if (c.address() == null && place.address() != null) {
			c = new RecordTicket(c.type(), c.categoryId(), c.priority(), c.scope(), c.channel(), c.customerId(),
					c.callerPhone(), place.address(), c.description(), c.contactPhone(), c.contactId(), c.idempotencyKey());
		}
		LocalDate day = LocalDate.ofInstant(now, catalog.zone());
		Optional<TicketRow> inserted = repository.insert(properties.numberPrefix() + DAY.format(day) + "-", day, c,
				TicketStatus.RECORDED, place.substationId(), place.communityId(), aboutStaffId, me.id(), me.username(),
				me.teamId(), parentId, incident, outageId, policy.id(), now, due, segmenter.segment(c.description()));
		if (inserted.isEmpty()) {
			return inserted;
		}
		TicketRow row = inserted.get();
		long id = row.id();
		String no = row.ticketNo();
		audit.record("TICKET_RECORDED", "ticket", no, null, snapshot(c, aboutStaffId, policy.version()));
		events.publishEvent(new TicketRecorded(id, no, c.type(), c.customerId(), me.id(), c.contactId(), now));
		if (answer != null) {
			if (!repository.update(id, 0, """
					status = ?, dispatched_at = ?, dispatched_by = ?, responded_at = ?, responded_by = ?, resolved_at = ?,
					resolved_by = ?, result = ?, search_text = ?""", TicketStatus.RESOLVED.name(), ts(now), me.username(),
					ts(now), me.username(), ts(now), me.username(), answer, segmenter.segment(c.description(), answer))) {
				throw HeatDeskException.conflict("CONCURRENT_CHANGE");
			}
			repository.addEvent(id, now, me.username(), "ANSWERED_IN_CALL", answer, c.contactId());
			audit.record("TICKET_ANSWERED_IN_CALL", "ticket", no, null, Map.of("result", answer));
			events.publishEvent(new TicketDispatched(id, no, me.id(), me.teamId(), now));
			events.publishEvent(new TicketResponded(id, no, c.customerId(), now));
			events.publishEvent(new TicketResolved(id, no, c.type(), c.customerId(), null, now));
			return repository.find(id);
		}
		return inserted;
	}

	private RecordTicket normalise(RecordTicket c) {
		if (c == null) {
			throw HeatDeskException.badInput("REQUIRED", "type");
		}
		return new RecordTicket(c.type(), c.categoryId(), c.priority() == null ? Priority.NORMAL : c.priority(),
				c.scope() == null ? TicketScope.HOUSEHOLD : c.scope(), c.channel() == null ? Channel.PHONE : c.channel(),
				c.customerId(), trim(c.callerPhone()), trim(c.address()), trim(c.description()), trim(c.contactPhone()),
				c.contactId(), trim(c.idempotencyKey()));
	}

	private void validate(RecordTicket c, Long aboutStaffId, StaffView me) {
		if (c.type() == null) {
			throw HeatDeskException.badInput("REQUIRED", "type");
		}
		text(c.description(), "description", 2000, true);
		if (c.customerId() == null && c.callerPhone() == null) {
			throw HeatDeskException.badInput("TICKET_CALLER_REQUIRED", "callerPhone");
		}
		phone(c.callerPhone(), "callerPhone");
		phone(c.contactPhone(), "contactPhone");
		text(c.address(), "address", 200, false);
		text(c.idempotencyKey(), "idempotencyKey", 100, false);
		if (c.categoryId() != null) {
			Category category = catalog.category(c.categoryId()).orElse(null);
			if (category == null || !category.active() || category.type() != c.type()) {
				throw HeatDeskException.badInput("TICKET_CATEGORY_INVALID", "categoryId");
			}
		}
		if (aboutStaffId != null) {
			if (c.type() != TicketType.COMPLAINT) {
				throw HeatDeskException.badInput("TICKET_ABOUT_STAFF_ONLY_COMPLAINT", "aboutStaffId");
			}
			if (staff.find(aboutStaffId).isEmpty()) {
				throw HeatDeskException.badInput("TICKET_ABOUT_STAFF_UNKNOWN", "aboutStaffId");
			}
			if (aboutStaffId == me.id()) {
				throw HeatDeskException.badInput("TICKET_ABOUT_YOURSELF", "aboutStaffId");
			}
		}
	}

	// ------------------------------------------------------------------ reading

	/** The ticket with this number, or empty; for the staff member a complaint is about, the complainant is masked. */
	@Transactional(readOnly = true)
	public Optional<TicketView> find(String ticketNo) {
		StaffView me = me();
		return repository.findByNo(ticketNo).map(r -> view(r, me));
	}

	/**
	 * The marks' times and, once resolved, the result of a ticket, for an integration (no staff member
	 * is acting, so nothing is masked: give it only to the system the ticket's request came from).
	 */
	@Transactional(readOnly = true)
	public Optional<TicketProgress> progress(String ticketNo) {
		return repository.findByNo(ticketNo).map(r -> new TicketProgress(r.ticketNo(), r.status(), r.recordedAt(),
				r.dispatchedAt(), r.respondedAt(), r.resolvedAt(), r.closedAt(),
				r.status() == TicketStatus.RESOLVED || r.status() == TicketStatus.CLOSED ? r.result() : null));
	}

	/** The active categories of a type, in the managers' order, named in the current language. */
	public List<CategoryView> categories(TicketType type) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return catalog.categories(type, true).stream().map(c -> new CategoryView(c.id(), c.type(), c.name(locale))).toList();
	}

	/** The category of {@code type} whose keywords the description mentions, as intake suggests it; or empty. */
	public Optional<CategoryView> suggestCategory(String description, TicketType type) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return catalog.suggest(description, type).filter(c -> c.type() == type && c.active())
			.map(c -> new CategoryView(c.id(), c.type(), c.name(locale)));
	}

	/** The customer's tickets that still owe work, newest first. */
	@Transactional(readOnly = true)
	public List<TicketView> openForCustomer(long customerId) {
		StaffView me = me();
		return repository.openForCustomer(customerId).stream().filter(r -> !r.about(me.id())).map(r -> view(r, me)).toList();
	}

	/**
	 * Links a call or visit to a ticket: it appears on the ticket's timeline.
	 * @throws HeatDeskException {@code TICKET_NOT_FOUND}
	 */
	@Transactional
	public void noteContact(String ticketNo, long contactId, String summary) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		String s = text(summary, "summary", 1000, false);
		repository.addEvent(row.id(), clock.instant(), me.username(), "CONTACT", s, contactId);
		audit.record("TICKET_CONTACT_NOTED", "ticket", ticketNo, null, Map.of("contactId", contactId));
	}

	/** The ticket for the ticket page; refused to the staff member a complaint is about (6.7). */
	@Transactional(readOnly = true)
	TicketRow open(String ticketNo) {
		return loadFor(ticketNo, me());
	}

	@Transactional(readOnly = true)
	List<TimelineEntry> timeline(long ticketId) {
		return repository.timeline(ticketId);
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
	List<TicketRow> mine(boolean openOnly) {
		return repository.mine(me().id(), openOnly, 300);
	}

	@Transactional(readOnly = true)
	List<TicketRow> teamQueue() {
		StaffView me = me();
		return me.teamId() == null ? List.of()
				: repository.teamQueue(me.teamId(), 300).stream().filter(r -> !r.about(me.id())).toList();
	}

	@Transactional(readOnly = true)
	List<Transfer> awaitingMe() {
		StaffView me = me();
		return repository.awaiting(me.id(), me.teamId());
	}

	@Transactional(readOnly = true)
	List<TicketRow> overdue() {
		StaffView me = me();
		return repository.overdue(clock.instant(), 300).stream().filter(r -> !r.about(me.id())).toList();
	}

	@Transactional(readOnly = true)
	List<Notification> myNotifications() {
		return repository.unread(me().id(), 50);
	}

	@Transactional
	int readNotifications() {
		return repository.markRead(me().id(), clock.instant());
	}

	/** The most tickets one search answers with. */
	static final int SEARCH_LIMIT = 200;

	@Transactional(readOnly = true)
	List<TicketRow> search(String query, TicketType type, TicketStatus status, Priority priority, Long categoryId,
			Instant from, Instant to) {
		return search(query, type, status, priority, categoryId, from, to, null, SEARCH_LIMIT);
	}

	/**
	 * Up to {@code limit} tickets, newest first, after the ticket with id {@code before} if given.
	 * @throws HeatDeskException (400) for a limit outside 1..{@value #SEARCH_LIMIT}
	 */
	@Transactional(readOnly = true)
	List<TicketRow> search(String query, TicketType type, TicketStatus status, Priority priority, Long categoryId,
			Instant from, Instant to, Long before, int limit) {
		if (limit < 1 || limit > SEARCH_LIMIT) {
			throw HeatDeskException.badInput("TICKET_LIMIT_OUT_OF_RANGE", "limit", SEARCH_LIMIT);
		}
		if (before != null && repository.find(before).isEmpty()) {
			throw HeatDeskException.badInput("TICKET_CURSOR_UNKNOWN", "before");
		}
		StaffView me = me();
		String q = trim(query);
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

	// ------------------------------------------------------------------ the marks

	/**
	 * 有指令: assigns the ticket to whoever will act (a person, a team, or by default the current user).
	 * Never to the staff member a complaint is about. Publishes {@link TicketDispatched}.
	 * @param version the version the user saw, or {@code null} for the current one
	 */
	@Transactional
	public TicketView dispatch(String ticketNo, Integer version, Long assigneeId, Long teamId, String note) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.DISPATCH);
		checkVersion(row, version);
		TicketStatus next = Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.DISPATCH);
		String n = text(note, "note", 1000, false);
		StaffView target = null;
		Long team = teamId;
		if (assigneeId != null) {
			target = receiver(row, assigneeId, "assigneeId");
			team = target.teamId();
		}
		else if (teamId != null) {
			checkTeam(teamId, "teamId");
		}
		else {
			target = me;
			team = me.teamId();
		}
		Instant now = clock.instant();
		save(row, "status = ?, dispatched_at = ?, dispatched_by = ?, assignee_id = ?, assignee = ?, assignee_team_id = ?",
				next.name(), ts(now), me.username(), target == null ? null : target.id(),
				target == null ? null : target.username(), team);
		String to = target != null ? target.displayName() : teamName(teamId);
		repository.addEvent(row.id(), now, me.username(), "DISPATCHED", join(to, n), null);
		notifyFirstResponder(row, me, "DISPATCHED", to, now);
		if (target != null && target.id() != me.id()) {
			repository.notify(target.id(), row.id(), "ASSIGNED", n, now);
		}
		audit.record("TICKET_DISPATCHED", "ticket", ticketNo, Map.of("status", row.status()),
				mapOf("status", next, "assignee", target == null ? null : target.username(), "teamId", team));
		events.publishEvent(new TicketDispatched(row.id(), ticketNo, target == null ? null : target.id(), team, now));
		return reload(row, me);
	}

	/** 有回音: the customer has heard back. Publishes {@link TicketResponded}. */
	@Transactional
	public TicketView respond(String ticketNo, Integer version, String note) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.RESPOND);
		checkVersion(row, version);
		TicketStatus next = Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.RESPOND);
		String n = text(note, "note", 1000, false);
		Instant now = clock.instant();
		save(row, "status = ?, responded_at = ?, responded_by = ?", next.name(), ts(now), me.username());
		repository.addEvent(row.id(), now, me.username(), "RESPONDED", n, null);
		notifyFirstResponder(row, me, "RESPONDED", n, now);
		audit.record("TICKET_RESPONDED", "ticket", ticketNo, Map.of("status", row.status()), Map.of("status", next));
		events.publishEvent(new TicketResponded(row.id(), ticketNo, row.customerId(), now));
		return reload(row, me);
	}

	/**
	 * 有结果: the ticket's result, which is required. Open tickets linked under it are resolved with the
	 * same result. Publishes {@link TicketResolved} for it and each child.
	 */
	@Transactional
	public TicketView resolve(String ticketNo, Integer version, String result) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.RESOLVE);
		checkVersion(row, version);
		String r = trim(result);
		if (r == null) {
			throw HeatDeskException.badInput("TICKET_RESULT_REQUIRED", "result");
		}
		text(r, "result", 4000, true);
		TicketStatus next = Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.RESOLVE);
		Instant now = clock.instant();
		save(row, "status = ?, resolved_at = ?, resolved_by = ?, result = ?, search_text = ?", next.name(), ts(now),
				me.username(), r, segmenter.segment(row.description(), r));
		repository.addEvent(row.id(), now, me.username(), "RESOLVED", r, null);
		notifyFirstResponder(row, me, "RESOLVED", null, now);
		audit.record("TICKET_RESOLVED", "ticket", ticketNo, Map.of("status", row.status()),
				Map.of("status", next, "result", r));
		events.publishEvent(new TicketResolved(row.id(), ticketNo, row.type(), row.customerId(), row.parentId(), now));
		for (TicketRow child : repository.children(row.id())) {
			if (child.status().open()) {
				resolveWithParent(child, row, r, me, now);
			}
		}
		return reload(row, me);
	}

	private void resolveWithParent(TicketRow child, TicketRow parent, String result, StaffView me, Instant now) {
		save(child, """
				status = ?, dispatched_at = coalesce(dispatched_at, ?), dispatched_by = coalesce(dispatched_by, ?),
				responded_at = coalesce(responded_at, ?), responded_by = coalesce(responded_by, ?), resolved_at = ?,
				resolved_by = ?, result = ?, status_before_pause = null, paused_at = null, search_text = ?""",
				TicketStatus.RESOLVED.name(), ts(now), me.username(), ts(now), me.username(), ts(now), me.username(), result,
				segmenter.segment(child.description(), result));
		repository.addEvent(child.id(), now, me.username(), "RESOLVED_WITH_PARENT", parent.ticketNo() + ": " + result, null);
		notifyFirstResponder(child, me, "RESOLVED", parent.ticketNo(), now);
		audit.record("TICKET_RESOLVED", "ticket", child.ticketNo(), Map.of("status", child.status()),
				Map.of("status", TicketStatus.RESOLVED, "parent", parent.ticketNo(), "result", result));
		events.publishEvent(new TicketResolved(child.id(), child.ticketNo(), child.type(), child.customerId(), parent.id(), now));
	}

	/** Closes a resolved ticket after its follow-up. */
	@Transactional
	public TicketView close(String ticketNo, Integer version, String note) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.CLOSE);
		checkVersion(row, version);
		TicketStatus next = Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.CLOSE);
		String n = text(note, "note", 1000, false);
		Instant now = clock.instant();
		save(row, "status = ?, closed_at = ?", next.name(), ts(now));
		repository.addEvent(row.id(), now, me.username(), "CLOSED", n, null);
		notifyFirstResponder(row, me, "CLOSED", null, now);
		audit.record("TICKET_CLOSED", "ticket", ticketNo, Map.of("status", row.status()), Map.of("status", next));
		return reload(row, me);
	}

	/**
	 * Reopens a resolved or closed ticket whose customer is not satisfied: the marks after intake are
	 * owed again, with deadlines from now under the ticket's own policy version. Publishes {@link TicketReopened}.
	 */
	@Transactional
	public TicketView reopen(String ticketNo, Integer version, String reason) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.REOPEN);
		checkVersion(row, version);
		String r = reason(reason);
		TicketStatus next = Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.REOPEN);
		Instant now = clock.instant();
		Category category = catalog.category(row.categoryId()).orElse(null);
		Deadlines due = catalog.policy(row.policyId()).deadlines(row.type(), row.categoryId(),
				category == null ? null : category.parentId(), row.priority(), row.scope(), now, catalog.zone());
		save(row, """
				status = ?, dispatched_at = null, dispatched_by = null, responded_at = null, responded_by = null,
				resolved_at = null, resolved_by = null, result = null, closed_at = null, dispatch_due = ?, respond_due = ?,
				on_site_due = ?, resolve_due = ?, reminded_mark = null, overdue_mark = null""", next.name(),
				ts(due.dispatch()), ts(due.respond()), ts(due.onSite()), ts(due.resolve()));
		repository.addEvent(row.id(), now, me.username(), "REOPENED", r, null);
		notifyFirstResponder(row, me, "REOPENED", r, now);
		audit.record("TICKET_REOPENED", "ticket", ticketNo, mapOf("status", row.status(), "result", row.result()),
				Map.of("status", next, "reason", r));
		events.publishEvent(new TicketReopened(row.id(), ticketNo, row.customerId(), r, now));
		return reload(row, me);
	}

	/** Waits on the customer: the deadline clock stops until {@link #resume}. */
	@Transactional
	public TicketView pause(String ticketNo, Integer version, String reason) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.PAUSE);
		checkVersion(row, version);
		String r = reason(reason);
		TicketStatus next = Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.PAUSE);
		Instant now = clock.instant();
		save(row, "status = ?, status_before_pause = ?, paused_at = ?", next.name(), row.status().name(), ts(now));
		repository.addEvent(row.id(), now, me.username(), "PAUSED", r, null);
		audit.record("TICKET_PAUSED", "ticket", ticketNo, Map.of("status", row.status()), Map.of("status", next, "reason", r));
		events.publishEvent(new TicketPaused(row.id(), ticketNo, r, now));
		return reload(row, me);
	}

	/** The customer is back: the counting time that was left at the pause runs again from now. */
	@Transactional
	public TicketView resume(String ticketNo, Integer version) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.RESUME);
		checkVersion(row, version);
		TicketStatus next = Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.RESUME);
		Instant now = clock.instant();
		SlaCalendar calendar = catalog.policy(row.policyId()).calendar(catalog.zone());
		Deadlines due = row.due().resumed(row.pausedAt(), now, calendar);
		long paused = calendar.between(row.pausedAt(), now).toSeconds();
		save(row, """
				status = ?, status_before_pause = null, paused_at = null, paused_seconds = paused_seconds + ?,
				dispatch_due = ?, respond_due = ?, on_site_due = ?, resolve_due = ?""", next.name(), paused,
				ts(due.dispatch()), ts(due.respond()), ts(due.onSite()), ts(due.resolve()));
		repository.addEvent(row.id(), now, me.username(), "RESUMED", null, null);
		audit.record("TICKET_RESUMED", "ticket", ticketNo, Map.of("status", row.status()),
				Map.of("status", next, "pausedSeconds", paused));
		events.publishEvent(new TicketResumed(row.id(), ticketNo, paused, now));
		return reload(row, me);
	}

	/** Cancels with a reason (a duplicate, a caller who withdrew); the ticket is kept. */
	@Transactional
	public TicketView cancel(String ticketNo, Integer version, String reason) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.CANCEL);
		checkVersion(row, version);
		String r = reason(reason);
		TicketStatus next = Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.CANCEL);
		Instant now = clock.instant();
		save(row, "status = ?, cancelled_at = ?, cancel_reason = ?", next.name(), ts(now), r);
		repository.pendingTransfer(row.id()).ifPresent(t -> repository.decide(t.id(), "CANCELLED", me.username(), r, now));
		repository.addEvent(row.id(), now, me.username(), "CANCELLED", r, null);
		notifyFirstResponder(row, me, "CANCELLED", r, now);
		audit.record("TICKET_CANCELLED", "ticket", ticketNo, Map.of("status", row.status()), Map.of("status", next, "reason", r));
		events.publishEvent(new TicketCancelled(row.id(), ticketNo, row.customerId(), r, now));
		return reload(row, me);
	}

	/** A note on the timeline. */
	@Transactional
	public void note(String ticketNo, String text) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.NOTE);
		String t = text(text, "note", 2000, true);
		repository.addEvent(row.id(), clock.instant(), me.username(), "NOTE", t, null);
		audit.record("TICKET_NOTE", "ticket", ticketNo, null, Map.of("note", t));
	}

	// ------------------------------------------------------------------ attachments

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
	public AttachmentView attach(String ticketNo, String fileName, String contentType, byte[] content) {
		StaffView me = me();
		if (!me.has(Role.AGENT) && !me.has(Role.TEAM_LEAD) && !me.has(Role.DISPATCHER) && !me.has(Role.TECHNICIAN)) {
			throw HeatDeskException.forbidden("FORBIDDEN");
		}
		TicketRow row = loadFor(ticketNo, me);
		String type = AttachmentCheck.contentType(content);
		String name = AttachmentCheck.fileName(fileName, type);
		String sha = AttachmentCheck.sha256(content);
		Optional<AttachmentView> same = attachments.bySha(row.id(), sha);
		if (same.isPresent()) {
			return same.get();
		}
		Instant now = clock.instant();
		Optional<Long> id = attachments.insert(row.id(), name, type, content, sha, me.username(), now);
		if (id.isEmpty()) {
			// the same file committed concurrently: answer with it
			return attachments.bySha(row.id(), sha).orElseThrow();
		}
		repository.addEvent(row.id(), now, me.username(), "ATTACHMENT_ADDED", name, null);
		// like every ticket audit row, keyed by the ticket number, so the ticket's history shows it
		audit.record("TICKET_ATTACHMENT_ADDED", "ticket", row.ticketNo(), null,
				Map.of("attachmentId", id.get(), "fileName", name, "size", content.length, "sha256", sha));
		return attachments.find(row.id(), id.get()).orElseThrow();
	}

	/** The ticket's attachments, oldest first; refused like the ticket itself (6.7). */
	@Transactional(readOnly = true)
	public List<AttachmentView> attachments(String ticketNo) {
		TicketRow row = loadFor(ticketNo, me());
		return attachments.list(row.id());
	}

	/**
	 * One attachment with its bytes; refused like the ticket itself (6.7).
	 * @throws HeatDeskException {@code TICKET_ATTACHMENT_NOT_FOUND} when the ticket has no such attachment
	 */
	@Transactional(readOnly = true)
	public Attachment download(String ticketNo, long id) {
		TicketRow row = loadFor(ticketNo, me());
		return attachments.download(row.id(), id)
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_ATTACHMENT_NOT_FOUND"));
	}

	// ------------------------------------------------------------------ transfers and escalation

	/**
	 * Offers the ticket to a person or a team with a reason; the sender holds it until the receiver
	 * accepts. Only those who may work it ({@link TicketAccess}) may transfer it; one offer at a time.
	 * @return the transfer's id
	 */
	@Transactional
	public long transfer(String ticketNo, Integer version, Long toStaffId, Long toTeamId, String reason) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.TRANSFER);
		checkVersion(row, version);
		String r = reason(reason);
		if ((toStaffId == null) == (toTeamId == null)) {
			throw HeatDeskException.badInput("TICKET_RECEIVER_REQUIRED", "toStaffId");
		}
		Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.TRANSFER);
		StaffView target = null;
		if (toStaffId != null) {
			target = receiver(row, toStaffId, "toStaffId");
			if (target.id() == me.id()) {
				throw HeatDeskException.badInput("TICKET_TRANSFER_TO_SELF", "toStaffId");
			}
		}
		else {
			checkTeam(toTeamId, "toTeamId");
		}
		if (repository.pendingTransfer(row.id()).isPresent()) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_PENDING");
		}
		Instant now = clock.instant();
		save(row, "status = status");
		long id;
		try {
			id = repository.insertTransfer(row.id(), Transfer.TRANSFER, me.id(), me.username(), toStaffId, toTeamId, r, now);
		}
		catch (DuplicateKeyException e) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_PENDING");
		}
		String to = target != null ? target.displayName() : teamName(toTeamId);
		repository.addEvent(row.id(), now, me.username(), "TRANSFER_REQUESTED", join(to, r), null);
		if (target != null) {
			repository.notify(target.id(), row.id(), "TRANSFER_OFFERED", r, now);
		}
		audit.record("TICKET_TRANSFER_REQUESTED", "ticket", ticketNo, null,
				mapOf("transferId", id, "to", target == null ? null : target.username(), "teamId", toTeamId, "reason", r));
		return id;
	}

	/** The receiver (or a member of the receiving team) takes the ticket over. */
	@Transactional
	public TicketView acceptTransfer(String ticketNo, long transferId) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		Transfer t = pendingFor(row, transferId);
		checkReceiver(t, me);
		Instant now = clock.instant();
		if (!repository.decide(transferId, "ACCEPTED", me.username(), null, now)) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_NOT_PENDING");
		}
		save(row, "assignee_id = ?, assignee = ?, assignee_team_id = ?", me.id(), me.username(), me.teamId());
		repository.addEvent(row.id(), now, me.username(), "TRANSFER_ACCEPTED", t.fromStaff() + " → " + me.displayName(), null);
		notifyFirstResponder(row, me, "TRANSFER_ACCEPTED", me.displayName(), now);
		if (t.fromStaffId() != me.id() && t.fromStaffId() != row.firstResponderId()) {
			repository.notify(t.fromStaffId(), row.id(), "TRANSFER_ACCEPTED", me.displayName(), now);
		}
		audit.record("TICKET_TRANSFER_ACCEPTED", "ticket", ticketNo, mapOf("assignee", row.assignee()),
				Map.of("assignee", me.username(), "transferId", transferId));
		events.publishEvent(new TicketTransferred(row.id(), ticketNo, t.fromStaffId(), me.id(), me.teamId(), now));
		return reload(row, me);
	}

	/** The receiver declines with a reason; the sender keeps the ticket. */
	@Transactional
	public void declineTransfer(String ticketNo, long transferId, String reason) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		String r = reason(reason);
		Transfer t = pendingFor(row, transferId);
		checkReceiver(t, me);
		Instant now = clock.instant();
		if (!repository.decide(transferId, "DECLINED", me.username(), r, now)) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_NOT_PENDING");
		}
		repository.addEvent(row.id(), now, me.username(), "TRANSFER_DECLINED", r, null);
		repository.notify(t.fromStaffId(), row.id(), "TRANSFER_DECLINED", r, now);
		audit.record("TICKET_TRANSFER_DECLINED", "ticket", ticketNo, null, Map.of("transferId", transferId, "reason", r));
	}

	/**
	 * Escalates to the team lead of the current user's team (ch. 5.3) with a reason: an offer the lead
	 * accepts like a transfer. Publishes {@link TicketEscalated}.
	 */
	@Transactional
	public long escalate(String ticketNo, Integer version, String reason) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.ESCALATE);
		checkVersion(row, version);
		String r = reason(reason);
		Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.ESCALATE);
		StaffView lead = leadFor(me.teamId(), row, me.id())
			.orElseThrow(() -> HeatDeskException.conflict("TICKET_NO_LEAD"));
		if (repository.pendingTransfer(row.id()).isPresent()) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_PENDING");
		}
		Instant now = clock.instant();
		save(row, "escalation_level = escalation_level + 1");
		long id;
		try {
			id = repository.insertTransfer(row.id(), Transfer.ESCALATION, me.id(), me.username(), lead.id(), null, r, now);
		}
		catch (DuplicateKeyException e) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_PENDING");
		}
		repository.addEvent(row.id(), now, me.username(), "ESCALATED", join(lead.displayName(), r), null);
		repository.notify(lead.id(), row.id(), "ESCALATED", r, now);
		notifyFirstResponder(row, me, "ESCALATED", lead.displayName(), now);
		audit.record("TICKET_ESCALATED", "ticket", ticketNo, null, Map.of("to", lead.username(), "reason", r));
		events.publishEvent(new TicketEscalated(row.id(), ticketNo, me.id(), lead.id(), r, now));
		return id;
	}

	/** The team lead of {@code teamId} (any active lead when the team has none), never the person a complaint is about. */
	Optional<StaffView> leadFor(Long teamId, TicketRow row, Long except) {
		List<StaffView> leads = staff.withRole(Role.TEAM_LEAD).stream()
			.filter(l -> !row.about(l.id()) && (except == null || l.id() != except))
			.toList();
		return leads.stream().filter(l -> teamId != null && teamId.equals(l.teamId())).findFirst()
			.or(() -> leads.stream().findFirst());
	}

	// ------------------------------------------------------------------ incidents

	/**
	 * Hangs a ticket under a parent incident; resolving the parent resolves it with the parent's result.
	 * @throws HeatDeskException {@code TICKET_PARENT_NOT_INCIDENT} when the parent is not an incident
	 */
	@Transactional
	public TicketView link(String ticketNo, String parentNo) {
		StaffView me = me();
		TicketRow row = loadFor(ticketNo, me);
		checkMay(row, me, Lifecycle.Action.LINK);
		TicketRow parent = loadFor(parentNo, me);
		return linkRows(row, parent, me);
	}

	private TicketView linkRows(TicketRow row, TicketRow parent, StaffView me) {
		if (!parent.incident() || row.incident() || row.id() == parent.id()) {
			throw HeatDeskException.conflict("TICKET_PARENT_NOT_INCIDENT");
		}
		if (!row.status().open() || !parent.status().open()) {
			throw Lifecycle.notAllowed("LINK", row.status());
		}
		Instant now = clock.instant();
		save(row, "parent_id = ?", parent.id());
		repository.addEvent(row.id(), now, me.username(), "LINKED", parent.ticketNo(), null);
		repository.addEvent(parent.id(), now, me.username(), "CHILD_LINKED", row.ticketNo(), null);
		audit.record("TICKET_LINKED", "ticket", row.ticketNo(), mapOf("parent", null), Map.of("parent", parent.ticketNo()));
		return reload(row, me);
	}

	/** Records a parent incident (e.g. a substation fault) that other tickets hang under; one per outage. */
	@Transactional
	public TicketView recordIncident(String description, Long outageId) {
		StaffView me = me();
		String d = text(description, "description", 2000, true);
		if (outageId != null && repository.incidentForOutage(outageId).isPresent()) {
			throw HeatDeskException.conflict("TICKET_INCIDENT_EXISTS");
		}
		return view(insert(new RecordTicket(TicketType.REPAIR, null, Priority.URGENT, TicketScope.SUBSTATION, Channel.PHONE,
				null, null, null, d, null, null, null), CustomerLookup.Snapshot.NONE, null, null, true, outageId, me, null)
			.orElseThrow(), me);
	}

	/**
	 * One click on the intake page: links the ticket to the incident of an outage, recording that
	 * incident first when nobody has yet.
	 */
	public TicketView linkToOutage(String ticketNo, long outageId, String incidentDescription) {
		StaffView me = me();
		for (int attempt = 0;; attempt++) {
			try {
				return tx.execute(s -> {
					TicketRow row = loadFor(ticketNo, me);
					checkMay(row, me, Lifecycle.Action.LINK);
					TicketRow parent = repository.incidentForOutage(outageId).orElseGet(() -> insert(
							new RecordTicket(TicketType.REPAIR, null, Priority.URGENT, TicketScope.SUBSTATION, Channel.PHONE,
									null, null, null, incidentDescription, null, null, null),
							CustomerLookup.Snapshot.NONE, null, null, true, outageId, me, null).orElseThrow());
					return linkRows(row, parent, me);
				});
			}
			catch (DuplicateKeyException e) {
				if (attempt > 0) {
					throw e;
				}
				// another agent recorded the incident at the same moment: link to theirs
			}
		}
	}

	// ------------------------------------------------------------------ helpers

	/** Who is acting; looked up at most every few seconds per user (the request itself was authenticated). */
	StaffView me() {
		String username = AuditTrail.currentActor();
		long nowMillis = System.currentTimeMillis();
		CachedStaff cached = meCache.get(username);
		if (cached != null && nowMillis - cached.at() < ME_TTL_MILLIS) {
			return cached.view();
		}
		StaffView view = staff.findByUsername(username).filter(StaffView::active)
			.orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
		meCache.put(username, new CachedStaff(view, nowMillis));
		return view;
	}

	private record CachedStaff(StaffView view, long at) {
	}

	private static final long ME_TTL_MILLIS = 10_000;

	private final java.util.Map<String, CachedStaff> meCache = new java.util.concurrent.ConcurrentHashMap<>();

	private TicketRow loadFor(String ticketNo, StaffView me) {
		TicketRow row = repository.findByNo(ticketNo == null ? "" : ticketNo.strip().toUpperCase())
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND", ticketNo));
		if (row.about(me.id())) {
			audit.recordSecurityEvent(me.username(), "TICKET_ACCESS_REFUSED", "ticket", row.ticketNo(),
					Map.of("rule", "6.7"));
			throw HeatDeskException.forbidden("TICKET_ABOUT_YOU");
		}
		return row;
	}

	private TicketView reload(TicketRow row, StaffView me) {
		return view(repository.find(row.id()).orElseThrow(), me);
	}

	private void save(TicketRow row, String assignments, Object... params) {
		if (!repository.update(row.id(), row.version(), assignments, params)) {
			throw HeatDeskException.conflict("CONCURRENT_CHANGE");
		}
	}

	private static void checkVersion(TicketRow row, Integer version) {
		if (version != null && version != row.version()) {
			throw HeatDeskException.conflict("CONCURRENT_CHANGE");
		}
	}

	/**
	 * Refuses an action the current user may not take on this ticket ({@link TicketAccess}): 403
	 * {@code TICKET_NOT_HOLDER}, kept in the audit trail as a security event; nothing else is written.
	 */
	private void checkMay(TicketRow row, StaffView me, Lifecycle.Action action) {
		if (!TicketAccess.may(action, holding(row, me), actor(me))) {
			audit.recordSecurityEvent(me.username(), "TICKET_ACTION_REFUSED", "ticket", row.ticketNo(),
					Map.of("rule", "holder", "action", action.name()));
			throw TicketAccess.refused(action);
		}
	}

	/** The actions the current user may take on the ticket now: allowed in its status and to them. */
	Set<Lifecycle.Action> allowedActions(TicketRow row) {
		StaffView me = me();
		TicketAccess.Holding holding = holding(row, me);
		TicketAccess.Actor actor = actor(me);
		Set<Lifecycle.Action> allowed = EnumSet.noneOf(Lifecycle.Action.class);
		for (Lifecycle.Action a : Lifecycle.Action.values()) {
			if (Lifecycle.allowed(row.status(), a) && TicketAccess.may(a, holding, actor)) {
				allowed.add(a);
			}
		}
		return allowed;
	}

	private TicketAccess.Holding holding(TicketRow row, StaffView me) {
		// only a dispatcher's standing depends on a crew holding the ticket: nobody else pays the look-up
		return TicketAccess.Holding.of(row, me.has(Role.DISPATCHER) && heldByCrew(row));
	}

	private static TicketAccess.Actor actor(StaffView me) {
		return new TicketAccess.Actor(me.id(), me.teamId(), me.roles());
	}

	/** Whether a field technician, or a team with technicians in it, holds the ticket. */
	private boolean heldByCrew(TicketRow row) {
		if (row.assigneeId() == null && row.assigneeTeamId() == null) {
			return false;
		}
		return staff.withRole(Role.TECHNICIAN).stream()
			.anyMatch(t -> row.assigneeId() != null && t.id() == row.assigneeId()
					|| t.teamId() != null && t.teamId().equals(row.assigneeTeamId()));
	}

	private Transfer pendingFor(TicketRow row, long transferId) {
		Transfer t = repository.transfer(transferId).filter(x -> x.ticketId() == row.id())
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_TRANSFER_NOT_FOUND"));
		if (!t.pending()) {
			throw HeatDeskException.conflict("TICKET_TRANSFER_NOT_PENDING");
		}
		return t;
	}

	private static void checkReceiver(Transfer t, StaffView me) {
		boolean receiver = t.toStaffId() != null ? t.toStaffId() == me.id()
				: t.toTeamId() != null && t.toTeamId().equals(me.teamId());
		if (!receiver) {
			throw HeatDeskException.forbidden("TICKET_NOT_RECEIVER");
		}
	}

	/** A person who may receive the ticket: active, and not the person a complaint is about (6.7). */
	private StaffView receiver(TicketRow row, long staffId, String field) {
		StaffView target = staff.find(staffId).filter(StaffView::active)
			.orElseThrow(() -> HeatDeskException.badInput("TICKET_RECEIVER_UNKNOWN", field));
		if (row.about(target.id())) {
			audit.recordSecurityEvent(AuditTrail.currentActor(), "TICKET_CONFLICT_ROUTING_REFUSED", "ticket",
					row.ticketNo(), Map.of("rule", "6.7", "to", target.username()));
			throw HeatDeskException.badInput("TICKET_CONFLICT_OF_INTEREST", field);
		}
		return target;
	}

	private void checkTeam(long teamId, String field) {
		if (staff.teams().stream().noneMatch(t -> t.id() == teamId)) {
			throw HeatDeskException.badInput("TICKET_TEAM_UNKNOWN", field);
		}
	}

	private String teamName(Long teamId) {
		return staff.teams().stream().filter(t -> teamId != null && t.id() == teamId).map(t -> t.name()).findFirst()
			.orElse(null);
	}

	private void notifyFirstResponder(TicketRow row, StaffView actor, String kind, String detail, Instant at) {
		if (row.firstResponderId() != actor.id()) {
			repository.notify(row.firstResponderId(), row.id(), kind, detail, at);
		}
	}

	TicketView view(TicketRow r, StaffView me) {
		Mark mark = r.nextMark();
		return new TicketView(r.id(), r.ticketNo(), r.type(), catalog.categoryName(r.categoryId()), r.priority(),
				r.status(), me != null && r.about(me.id()) ? null : r.customerId(), r.description(), r.firstResponder(),
				r.assignee(), r.recordedAt(), r.nextDeadline(), mark == null ? null : mark.name());
	}

	private static Map<String, Object> snapshot(RecordTicket c, Long aboutStaffId, int policyVersion) {
		return mapOf("type", c.type(), "categoryId", c.categoryId(), "priority", c.priority(), "scope", c.scope(),
				"channel", c.channel(), "customerId", c.customerId(), "description", c.description(), "aboutStaffId",
				aboutStaffId, "policyVersion", policyVersion);
	}

	static Map<String, Object> mapOf(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

	private static String reason(String reason) {
		String r = trim(reason);
		if (r == null) {
			throw HeatDeskException.badInput("TICKET_REASON_REQUIRED", "reason");
		}
		return text(r, "reason", 500, true);
	}

	private static String text(String value, String field, int max, boolean required) {
		String v = trim(value);
		if (v == null) {
			if (required) {
				throw HeatDeskException.badInput("REQUIRED", field);
			}
			return null;
		}
		if (v.length() > max) {
			throw HeatDeskException.badInput("TOO_LONG", field, max);
		}
		return v;
	}

	private static void phone(String value, String field) {
		if (value != null && !PHONE.matcher(value).matches()) {
			throw HeatDeskException.badInput("TICKET_PHONE_FORMAT", field);
		}
	}

	private static String join(String a, String b) {
		return a == null ? b : b == null ? a : a + " — " + b;
	}

	static String trim(String value) {
		if (value == null) {
			return null;
		}
		String t = value.strip();
		return t.isEmpty() ? null : t;
	}

	private static java.sql.Timestamp ts(Instant i) {
		return TicketRepository.ts(i);
	}
}
