package org.heatdesk.ticket;

import org.heatdesk.platform.InputChecks;
import org.heatdesk.ticket.sla.SlaPolicy;
import org.heatdesk.ticket.sla.Deadlines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.platform.TextSegmenter;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.TicketSupport.Acting;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.heatdesk.ticket.TicketSupport.join;
import static org.heatdesk.ticket.TicketSupport.mapOf;
import static org.heatdesk.ticket.TicketSupport.reason;

/**
 * The ticket module's commands: record a ticket and move it through its marks (有记录、有指令、有回音、
 * 有结果). Every command names who is acting ({@link Actor}: the person of a request, or the system
 * for a job or listener where the rules allow it — a reopening, a note). The staff member who records a
 * ticket is its first responder for good; the holder changes only by dispatch or by an accepted
 * transfer ({@link Transfers}). Every change is made by the {@link Ticket} aggregate, saved guarded
 * by the ticket's version ({@code CONCURRENT_CHANGE} when someone else changed it first), audited,
 * put on the ticket's timeline, notified to the first responder and published. The work on a ticket
 * is for those who may act on it ({@link TicketAccess}); anyone else is refused with
 * {@code TICKET_NOT_HOLDER} (403, logged as a security event).
 */
@Service
public class Tickets {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final TicketRepository repository;

	private final TicketSupport support;

	private final Catalog catalog;

	private final Staff staff;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TextSegmenter segmenter;

	private final TicketProperties properties;

	private final TransactionTemplate tx;

	private final CustomerLookup customers;

	private final org.springframework.beans.factory.ObjectProvider<CloseCondition> closeConditions;

	Tickets(TicketRepository repository, TicketSupport support, Catalog catalog, Staff staff, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, TextSegmenter segmenter, TicketProperties properties,
			PlatformTransactionManager transactions, CustomerLookup customers,
			org.springframework.beans.factory.ObjectProvider<CloseCondition> closeConditions) {
		this.closeConditions = closeConditions;
		this.repository = repository;
		this.support = support;
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
	}

	/** Intake with what only HeatDesk's own pages and API know: the staff member a complaint is about, a parent. */
	record Intake(RecordTicket command, Long aboutStaffId, Long parentId) {
	}

	// ------------------------------------------------------------------ recording

	/**
	 * Records a ticket; {@code by} (a person) becomes its first responder and first holder.
	 * With an idempotency key already used, returns the ticket recorded then and writes nothing.
	 * Publishes {@link TicketRecorded}.
	 * @throws HeatDeskException (400) for missing or malformed fields, with the field named
	 */
	public TicketView record(Actor by, RecordTicket command) {
		return intake(by, new Intake(command, null, null), null);
	}

	/**
	 * Records an inquiry answered during the call: all four marks at once, the answer as its result.
	 * Publishes {@link TicketRecorded} and {@link TicketResolved}.
	 */
	public TicketView answerInCall(Actor by, RecordTicket command, String answer) {
		String a = InputChecks.required(answer, "answer", 4000);
		return intake(by, new Intake(command, null, null), a);
	}

	TicketView intake(Actor actor, Intake intake, String answer) {
		StaffView me = support.person(actor);
		RecordTicket c = normalise(intake.command());
		validate(c, intake.aboutStaffId(), me);
		CustomerLookup.Snapshot place = c.customerId() == null ? CustomerLookup.Snapshot.NONE
				: customers.snapshot(c.customerId())
					.orElseThrow(() -> HeatDeskException.badInput("TICKET_CUSTOMER_UNKNOWN", "customerId"));
		Acting by = new Acting(actor, me);
		try {
			TicketView recorded = tx.execute(s -> insert(c, place, intake.aboutStaffId(), intake.parentId(), false, null, by,
					answer).map(row -> support.view(row, me.id())).orElse(null));
			if (recorded != null) {
				return recorded;
			}
			// the key was used before: answer with the first ticket, nothing written
			return repository.findByKey(c.idempotencyKey()).map(r -> support.view(r, me.id())).orElseThrow();
		}
		catch (DuplicateKeyException e) {
			if (c.idempotencyKey() == null) {
				throw e;
			}
			// a concurrent identical request committed first: answer with its ticket
			return repository.findByKey(c.idempotencyKey()).map(r -> support.view(r, me.id())).orElseThrow(() -> e);
		}
	}

	/** The new ticket, or empty when its idempotency key was used before (then nothing is written). */
	Optional<TicketRow> insert(RecordTicket c, CustomerLookup.Snapshot place, Long aboutStaffId, Long parentId,
			boolean incident, Long outageId, Acting by, String answer) {
		StaffView me = by.staff();
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
		audit.record(by.actor(), "TICKET_RECORDED", "ticket", no, null, snapshot(c, aboutStaffId, policy.version()));
		events.publishEvent(new TicketRecorded(id, no, c.type(), c.customerId(), me.id(), c.contactId(), now));
		if (answer != null) {
			Ticket t = Ticket.of(row);
			t.answerInCall(me.username(), answer, now);
			support.save(t, segmenter.segment(c.description(), answer));
			repository.addEvent(id, now, me.username(), "ANSWERED_IN_CALL", answer, c.contactId());
			audit.record(by.actor(), "TICKET_ANSWERED_IN_CALL", "ticket", no, null, Map.of("result", answer));
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
				c.customerId(), InputChecks.trim(c.callerPhone()), InputChecks.trim(c.address()), InputChecks.trim(c.description()), InputChecks.trim(c.contactPhone()),
				c.contactId(), InputChecks.trim(c.idempotencyKey()));
	}

	private void validate(RecordTicket c, Long aboutStaffId, StaffView me) {
		if (c.type() == null) {
			throw HeatDeskException.badInput("REQUIRED", "type");
		}
		InputChecks.required(c.description(), "description", 2000);
		if (c.customerId() == null && c.callerPhone() == null) {
			throw HeatDeskException.badInput("TICKET_CALLER_REQUIRED", "callerPhone");
		}
		TicketSupport.phone(c.callerPhone(), "callerPhone");
		TicketSupport.phone(c.contactPhone(), "contactPhone");
		InputChecks.optional(c.address(), "address", 200);
		InputChecks.optional(c.idempotencyKey(), "idempotencyKey", 100);
		if (c.categoryId() != null) {
			Category category = catalog.category(c.categoryId()).orElse(null);
			if (category == null || !category.active() || category.type() != c.type()) {
				throw HeatDeskException.badInput("TICKET_CATEGORY_INVALID", "categoryId");
			}
		}
		if (aboutStaffId != null) {
			// a complaint names whom it is about (6.7); a praise whom to commend (quality-b, issue 17: 11.1)
			if (c.type() != TicketType.COMPLAINT && c.type() != TicketType.PRAISE) {
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

	private static Map<String, Object> snapshot(RecordTicket c, Long aboutStaffId, int policyVersion) {
		return mapOf("type", c.type(), "categoryId", c.categoryId(), "priority", c.priority(), "scope", c.scope(),
				"channel", c.channel(), "customerId", c.customerId(), "description", c.description(), "aboutStaffId",
				aboutStaffId, "policyVersion", policyVersion);
	}

	/**
	 * Links a call or visit to a ticket: it appears on the ticket's timeline.
	 * @throws HeatDeskException {@code TICKET_NOT_FOUND}
	 */
	@Transactional
	public void noteContact(Actor actor, String ticketNo, long contactId, String summary) {
		Acting by = support.acting(actor);
		TicketRow row = support.load(ticketNo, by);
		String s = InputChecks.optional(summary, "summary", 1000);
		repository.addEvent(row.id(), clock.instant(), by.name(), "CONTACT", s, contactId);
		audit.record(by.actor(), "TICKET_CONTACT_NOTED", "ticket", ticketNo, null, Map.of("contactId", contactId));
	}

	// ------------------------------------------------------------------ the marks

	/**
	 * 有指令: assigns the ticket to whoever will act (a person, a team, or by default {@code by}).
	 * Never to the staff member a complaint is about. Publishes {@link TicketDispatched}.
	 * @param version the version the user saw, or {@code null} for the current one
	 */
	@Transactional
	public TicketView dispatch(Actor by, String ticketNo, Integer version, Long assigneeId, Long teamId, String note) {
		return apply(by, ticketNo, version, Lifecycle.Action.DISPATCH, (t, me, now) -> {
			TicketStatus before = t.status();
			String n = InputChecks.optional(note, "note", 1000);
			StaffView target = null;
			Long team = teamId;
			if (assigneeId != null) {
				target = support.receiver(t.row(), assigneeId, "assigneeId", me);
				team = target.teamId();
			}
			else if (teamId != null) {
				support.checkTeam(teamId, "teamId");
			}
			else {
				target = me.staff();
				team = me.teamId();
			}
			TicketDispatched event = t.dispatch(me.name(), target, team, now);
			String to = target != null ? target.displayName() : support.teamName(teamId);
			StaffView notified = target;
			return new Done(event, "DISPATCHED", join(to, n), true, to, Map.of("status", before),
					mapOf("status", t.status(), "assignee", target == null ? null : target.username(), "teamId", team), null,
					() -> {
						if (notified != null && !me.is(notified.id())) {
							repository.notify(notified.id(), t.id(), "ASSIGNED", n, now);
						}
					});
		});
	}

	/** 有回音: the customer has heard back. Publishes {@link TicketResponded}. */
	@Transactional
	public TicketView respond(Actor by, String ticketNo, Integer version, String note) {
		return apply(by, ticketNo, version, Lifecycle.Action.RESPOND, responding(note));
	}

	private Change responding(String note) {
		return (t, me, now) -> {
			TicketStatus before = t.status();
			String n = InputChecks.optional(note, "note", 1000);
			TicketResponded event = t.respond(me.name(), now);
			return new Done(event, "RESPONDED", n, true, n, Map.of("status", before), Map.of("status", t.status()), null,
					null);
		};
	}

	/**
	 * 有结果: the ticket's result, which is required. Open tickets linked under it are resolved with the
	 * same result. Publishes {@link TicketResolved} for it and each child.
	 */
	@Transactional
	public TicketView resolve(Actor by, String ticketNo, Integer version, String result) {
		return apply(by, ticketNo, version, Lifecycle.Action.RESOLVE, resolving(result));
	}

	private Change resolving(String result) {
		return (t, me, now) -> {
			TicketStatus before = t.status();
			String r = InputChecks.trim(result);
			if (r == null) {
				throw HeatDeskException.badInput("TICKET_RESULT_REQUIRED", "result");
			}
			InputChecks.required(r, "result", 4000);
			TicketResolved event = t.resolve(me.name(), r, now);
			return new Done(event, "RESOLVED", r, true, null, Map.of("status", before),
					Map.of("status", t.status(), "result", r), segmenter.segment(t.row().description(), r), () -> {
						for (TicketRow child : repository.children(t.id())) {
							if (child.status().open()) {
								resolveWithParent(child, t, r, me, now);
							}
						}
					});
		};
	}

	private void resolveWithParent(TicketRow row, Ticket parent, String result, Acting by, Instant now) {
		Ticket child = Ticket.of(row);
		TicketResolved event = child.resolveWithParent(by.name(), parent, result, now);
		support.save(child, segmenter.segment(row.description(), result));
		repository.addEvent(row.id(), now, by.name(), "RESOLVED_WITH_PARENT", parent.ticketNo() + ": " + result, null);
		support.notifyFirstResponder(row, by, "RESOLVED", parent.ticketNo(), now);
		audit.record(by.actor(), "TICKET_RESOLVED", "ticket", row.ticketNo(), Map.of("status", row.status()),
				Map.of("status", TicketStatus.RESOLVED, "parent", parent.ticketNo(), "result", result));
		events.publishEvent(event);
	}

	// ------------------------------------------------------------------ the field: what dispatch tells the ticket

	/** How far ahead of the server's clock a time recorded on a phone may lie (clocks differ a little). */
	public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);

	/** The technicians' steps that go on the timeline ({@code FIELD_<step>}). */
	public static final Set<String> FIELD_STEPS = Set.of("ACCEPTED", "DECLINED", "ON_THE_WAY", "ARRIVED", "DONE",
			"NOT_DONE");

	/**
	 * Sends the ticket to a field technician: 有指令 when it was not dispatched yet, otherwise the holder
	 * changes to the technician (no transfer to accept: the dispatch desk sends its crews). Those who
	 * work the ticket may do it, and so may the dispatch desk (DISPATCHER, TEAM_LEAD) for any open ticket.
	 * Publishes {@link TicketDispatched} or {@link TicketTransferred}.
	 */
	@Transactional
	public TicketView dispatchToField(Actor by, String ticketNo, long technicianId, String note) {
		TicketStatus status = repository.findByNo(ticketNo == null ? "" : ticketNo.strip().toUpperCase())
			.map(TicketRow::status)
			.orElse(null);
		if (status == TicketStatus.RECORDED || status == TicketStatus.REOPENED) {
			return apply(by, ticketNo, null, Lifecycle.Action.DISPATCH, null, true, (t, me, now) -> {
				TicketStatus before = t.status();
				String n = InputChecks.optional(note, "note", 1000);
				StaffView target = support.receiver(t.row(), technicianId, "technicianId", me);
				TicketDispatched event = t.dispatch(me.name(), target, target.teamId(), now);
				return new Done(event, "DISPATCHED", join(target.displayName(), n), true, target.displayName(),
						Map.of("status", before), mapOf("status", t.status(), "assignee", target.username(), "teamId",
								target.teamId()), null,
						() -> repository.notify(target.id(), t.id(), "ASSIGNED", n, now));
			});
		}
		return reassign(by, ticketNo, technicianId, note, false);
	}

	/**
	 * Hands a dispatched ticket to another person with a reason (a field job sent to someone else);
	 * the marks stay as they are, the new holder and the first responder are told. Publishes
	 * {@link TicketTransferred}.
	 */
	@Transactional
	public TicketView reassign(Actor by, String ticketNo, long toStaffId, String reason) {
		return reassign(by, ticketNo, toStaffId, reason, true);
	}

	private TicketView reassign(Actor by, String ticketNo, long toStaffId, String reason, boolean reasonRequired) {
		return apply(by, ticketNo, null, Lifecycle.Action.REASSIGN, null, true, (t, me, now) -> {
			String r = reasonRequired ? reason(reason) : InputChecks.optional(reason, "reason", 1000);
			String from = t.assignee();
			StaffView target = support.receiver(t.row(), toStaffId, "technicianId", me);
			TicketTransferred event = t.reassign(target, now);
			return new Done(event, "REASSIGNED", join(target.displayName(), r), true, target.displayName(),
					mapOf("assignee", from), mapOf("assignee", target.username(), "teamId", target.teamId(), "reason", r),
					null, () -> {
						if (!me.is(target.id())) {
							repository.notify(target.id(), t.id(), "ASSIGNED", r, now);
						}
					});
		});
	}

	/**
	 * 有回音 at the time it happened ({@code at}, e.g. a technician setting off, recorded on his phone):
	 * refused more than {@link #CLOCK_TOLERANCE} ahead of the clock or before the ticket was dispatched.
	 */
	@Transactional
	public TicketView respondAt(Actor by, String ticketNo, Instant at, String note) {
		Change responding = responding(note);
		return apply(by, ticketNo, null, Lifecycle.Action.RESPOND, required(at), false, (t, me, now) -> {
			notBefore(t.dispatchedAt(), now);
			return responding.on(t, me, now);
		});
	}

	/**
	 * 上门: the technician arrived at {@code at} (10.2). Once per round; refused before the customer
	 * heard back (status), before the ticket was dispatched (time) or ahead of the clock.
	 * Publishes {@link TicketOnSite}.
	 */
	@Transactional
	public TicketView arrive(Actor by, String ticketNo, Instant at) {
		return apply(by, ticketNo, null, Lifecycle.Action.ARRIVE, required(at), false, (t, me, now) -> {
			notBefore(t.dispatchedAt(), now);
			TicketOnSite event = t.arrive(me.name(), now);
			return new Done(event, "ON_SITE", null, true, null, mapOf("onSiteAt", null),
					mapOf("onSiteAt", now.toString()), null, null);
		});
	}

	/** 有结果 at the time it happened: refused before the ticket was dispatched or its technician arrived. */
	@Transactional
	public TicketView resolveAt(Actor by, String ticketNo, Instant at, String result) {
		Change resolving = resolving(result);
		return apply(by, ticketNo, null, Lifecycle.Action.RESOLVE, required(at), false, (t, me, now) -> {
			notBefore(t.dispatchedAt(), now);
			notBefore(t.onSiteAt(), now);
			return resolving.on(t, me, now);
		});
	}

	/**
	 * A technician's step on the ticket's timeline ({@code FIELD_<step>}, one of {@link #FIELD_STEPS})
	 * at the time it happened, told to the first responder when {@code notify} (a step that reached a
	 * mark has told them already).
	 */
	@Transactional
	public void fieldStep(Actor actor, String ticketNo, String step, String detail, Instant at, boolean notify) {
		if (step == null || !FIELD_STEPS.contains(step)) {
			throw new IllegalArgumentException("not a field step: " + step);
		}
		Acting by = support.acting(actor);
		TicketRow row = support.load(ticketNo, by);
		support.checkMay(row, by, Lifecycle.Action.NOTE);
		Instant when = notInFuture(required(at));
		String d = InputChecks.optional(detail, "detail", 2000);
		repository.addEvent(row.id(), when, by.name(), "FIELD_" + step, d, null);
		if (notify) {
			support.notifyFirstResponder(row, by, "FIELD_" + step, d == null ? null : d.length() > 500 ? d.substring(0, 500) : d, when);
		}
		audit.record(by.actor(), "TICKET_FIELD_STEP", "ticket", row.ticketNo(), null, mapOf("step", step, "detail", d,
				"at", when.toString()));
	}

	private static Instant required(Instant at) {
		if (at == null) {
			throw HeatDeskException.badInput("REQUIRED", "occurredAt");
		}
		return at;
	}

	private Instant notInFuture(Instant at) {
		if (at.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
			throw HeatDeskException.badInput("TICKET_TIME_IN_FUTURE", "occurredAt");
		}
		return at;
	}

	private static void notBefore(Instant previous, Instant at) {
		if (previous != null && at.isBefore(previous)) {
			throw HeatDeskException.badInput("TICKET_TIME_BEFORE_PREVIOUS_MARK", "occurredAt");
		}
	}

	/**
	 * Closes a resolved ticket (by a person who works it). Every {@link CloseCondition} is asked first:
	 * a refusal is a 400 with its code and nothing is written.
	 */
	@Transactional
	public TicketView close(Actor by, String ticketNo, Integer version, String note) {
		return apply(by, ticketNo, version, Lifecycle.Action.CLOSE, closing(note));
	}

	/**
	 * The system closes a resolved ticket after its follow-up (the customer was satisfied, or could not
	 * be reached): only the system may, and only on a {@code RESOLVED} ticket; the {@link CloseCondition}s
	 * are asked as for any close. The note goes on the timeline.
	 * @throws HeatDeskException {@code FORBIDDEN} (403) for a person; {@code TICKET_ACTION_NOT_ALLOWED}
	 *         (409) when the ticket is not resolved
	 */
	@Transactional
	public TicketView closeAfterFollowUp(Actor system, String ticketNo, String note) {
		requireSystem(system);
		return apply(system, ticketNo, null, Lifecycle.Action.CLOSE, null, Gate.FOLLOW_UP, closing(note));
	}

	private Change closing(String note) {
		return (t, me, now) -> {
			TicketStatus before = t.status();
			String n = InputChecks.optional(note, "note", 1000);
			Lifecycle.after(t.status(), t.statusBeforePause(), Lifecycle.Action.CLOSE);
			TicketView view = support.view(t.row(), null);
			for (CloseCondition condition : closeConditions.orderedStream().toList()) {
				condition.refusal(view).ifPresent(code -> {
					throw HeatDeskException.badInput(code, null);
				});
			}
			t.close(now);
			return new Done(null, "CLOSED", n, true, null, Map.of("status", before), Map.of("status", t.status()), null,
					null);
		};
	}

	/**
	 * The follow-up found the customer not satisfied: the system reopens the ticket (as {@link #reopen})
	 * with the customer's words, and hands it back to whoever resolved the round that ends; he and the
	 * team lead(s) of his team get an in-app notice ({@code FOLLOW_UP_REOPENED}) with the customer's
	 * words. When the resolver is no longer active the ticket waits in his team's queue.
	 * @throws HeatDeskException {@code FORBIDDEN} (403) for a person; {@code TICKET_ACTION_NOT_ALLOWED}
	 *         (409) when the ticket is neither resolved nor closed; {@code TICKET_REASON_REQUIRED} (400)
	 *         without words
	 */
	@Transactional
	public TicketView reopenFromFollowUp(Actor system, String ticketNo, String customerWords) {
		requireSystem(system);
		return apply(system, ticketNo, null, Lifecycle.Action.REOPEN, null, Gate.FOLLOW_UP, (t, me, now) -> {
			TicketRow row = t.row();
			String words = reason(customerWords);
			Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.REOPEN);
			Category category = catalog.category(row.categoryId()).orElse(null);
			Deadlines due = catalog.policy(row.policyId()).deadlines(row.type(), row.categoryId(),
					category == null ? null : category.parentId(), row.priority(), row.scope(), now, catalog.zone());
			StaffView resolver = row.resolvedBy() == null ? null
					: staff.findByUsername(row.resolvedBy()).filter(StaffView::active).orElse(null);
			TicketReopened event = t.reopen(me.name(), words, due, repository.roundsEnded(row.id()) + 1, now);
			if (resolver != null && !row.about(resolver.id())) {
				t.returnTo(resolver);
			}
			// the resolver hears of it below; when he is also the first responder, once
			boolean toFirstResponder = resolver == null || resolver.id() != row.firstResponderId();
			return new Done(event, "REOPENED", words, toFirstResponder, words,
					mapOf("status", row.status(), "result", row.result()),
					mapOf("status", t.status(), "reason", words, "assignee", t.assignee()), null, () -> {
						if (resolver == null || row.about(resolver.id())) {
							return;
						}
						java.util.Set<Long> told = new java.util.LinkedHashSet<>();
						told.add(resolver.id());
						repository.notify(resolver.id(), t.id(), "FOLLOW_UP_REOPENED", words, now);
						java.util.List<StaffView> leads = staff.withRole(org.heatdesk.platform.Role.TEAM_LEAD).stream()
							.filter(l -> resolver.teamId() != null && resolver.teamId().equals(l.teamId()) && !row.about(l.id()))
							.toList();
						if (leads.isEmpty()) {
							leads = support.leadFor(resolver.teamId(), row, null).stream().toList();
						}
						for (StaffView lead : leads) {
							if (told.add(lead.id())) {
								repository.notify(lead.id(), t.id(), "FOLLOW_UP_REOPENED", words, now);
							}
						}
					});
		});
	}

	private static void requireSystem(Actor actor) {
		if (actor == null || !actor.system()) {
			throw HeatDeskException.forbidden("FORBIDDEN");
		}
	}

	/**
	 * Reopens a resolved or closed ticket whose customer is not satisfied: the marks after intake are
	 * owed again, with deadlines from now under the ticket's own policy version; the round that ends
	 * is kept with its times ({@link TicketQueries#rounds}). The system may reopen (a follow-up that
	 * found the result did not hold). Publishes {@link TicketReopened}.
	 */
	@Transactional
	public TicketView reopen(Actor by, String ticketNo, Integer version, String reason) {
		return apply(by, ticketNo, version, Lifecycle.Action.REOPEN, (t, me, now) -> {
			TicketRow row = t.row();
			String r = reason(reason);
			Lifecycle.after(row.status(), row.statusBeforePause(), Lifecycle.Action.REOPEN);
			Category category = catalog.category(row.categoryId()).orElse(null);
			Deadlines due = catalog.policy(row.policyId()).deadlines(row.type(), row.categoryId(),
					category == null ? null : category.parentId(), row.priority(), row.scope(), now, catalog.zone());
			TicketReopened event = t.reopen(me.name(), r, due, repository.roundsEnded(row.id()) + 1, now);
			return new Done(event, "REOPENED", r, true, r, mapOf("status", row.status(), "result", row.result()),
					Map.of("status", t.status(), "reason", r), null, null);
		});
	}

	/** Waits on the customer: the deadline clock stops until {@link #resume}. */
	@Transactional
	public TicketView pause(Actor by, String ticketNo, Integer version, String reason) {
		return apply(by, ticketNo, version, Lifecycle.Action.PAUSE, (t, me, now) -> {
			TicketStatus before = t.status();
			String r = reason(reason);
			TicketPaused event = t.pause(r, now);
			return new Done(event, "PAUSED", r, false, null, Map.of("status", before),
					Map.of("status", t.status(), "reason", r), null, null);
		});
	}

	/** The customer is back: the counting time that was left at the pause runs again from now. */
	@Transactional
	public TicketView resume(Actor by, String ticketNo, Integer version) {
		return apply(by, ticketNo, version, Lifecycle.Action.RESUME, (t, me, now) -> {
			TicketStatus before = t.status();
			TicketResumed event = t.resume(catalog.policy(t.row().policyId()).calendar(catalog.zone()), now);
			return new Done(event, "RESUMED", null, false, null, Map.of("status", before),
					Map.of("status", t.status(), "pausedSeconds", event.pausedSeconds()), null, null);
		});
	}

	/** Cancels with a reason (a duplicate, a caller who withdrew); the ticket is kept, a pending offer ends. */
	@Transactional
	public TicketView cancel(Actor by, String ticketNo, Integer version, String reason) {
		return apply(by, ticketNo, version, Lifecycle.Action.CANCEL, (t, me, now) -> {
			TicketStatus before = t.status();
			String r = reason(reason);
			TicketCancelled event = t.cancel(r, now);
			repository.pendingTransfer(t.id()).ifPresent(x -> repository.decide(x.id(), "CANCELLED", me.name(), r, now));
			return new Done(event, "CANCELLED", r, true, r, Map.of("status", before),
					Map.of("status", t.status(), "reason", r), null, null);
		});
	}

	/** A note on the timeline; the system may write one too. */
	@Transactional
	public void note(Actor actor, String ticketNo, String text) {
		Acting by = support.acting(actor);
		TicketRow row = support.load(ticketNo, by);
		support.checkMay(row, by, Lifecycle.Action.NOTE);
		String t = InputChecks.required(text, "note", 2000);
		repository.addEvent(row.id(), clock.instant(), by.name(), "NOTE", t, null);
		audit.record(by.actor(), "TICKET_NOTE", "ticket", ticketNo, null, Map.of("note", t));
	}

	// ------------------------------------------------------------------ the one path of a change

	/** One change of the aggregate, with what goes on the timeline, to the first responder and into the audit trail. */
	@FunctionalInterface
	private interface Change {

		Done on(Ticket ticket, Acting by, Instant now);
	}

	/**
	 * What a change did: the event to publish ({@code null}: none), the timeline entry ({@code kind}),
	 * whether the first responder hears of it, the audit's
	 * before and after, a new search text ({@code null}: unchanged) and what else follows ({@code null}: nothing).
	 */
	private record Done(Object event, String kind, String detail, boolean toFirstResponder, String notice,
			Map<String, Object> before, Map<String, Object> after, String searchText, Runnable then) {
	}

	/**
	 * Loads the ticket for {@code actor}, checks that they may take {@code action} and that the ticket
	 * is still at {@code version}, lets the aggregate change it, saves it, and writes the timeline entry,
	 * the first responder's notification and the audit row before publishing the event.
	 */
	private TicketView apply(Actor actor, String ticketNo, Integer version, Lifecycle.Action action, Change change) {
		return apply(actor, ticketNo, version, action, null, Gate.HOLDER, change);
	}

	/** Who passes the gate of a change: those who may act on it, the dispatch desk too, or the follow-up (the system). */
	private enum Gate {
		HOLDER, FIELD_DESK, FOLLOW_UP
	}

	private TicketView apply(Actor actor, String ticketNo, Integer version, Lifecycle.Action action, Instant at,
			boolean fieldDesk, Change change) {
		return apply(actor, ticketNo, version, action, at, fieldDesk ? Gate.FIELD_DESK : Gate.HOLDER, change);
	}

	/**
	 * {@link #apply(Actor, String, Integer, Lifecycle.Action, Change)} at a time given by the field
	 * ({@code at}, {@code null}: now), which the change, the timeline and the notification keep; with
	 * {@code fieldDesk}, the dispatch desk may send any open ticket to the field.
	 */
	private TicketView apply(Actor actor, String ticketNo, Integer version, Lifecycle.Action action, Instant at,
			Gate gate, Change change) {
		Acting by = support.acting(actor);
		TicketRow row = support.load(ticketNo, by);
		boolean passes = switch (gate) {
			case HOLDER -> false;
			case FIELD_DESK -> support.fieldDesk(by);
			case FOLLOW_UP -> by.system();
		};
		if (!passes) {
			support.checkMay(row, by, action);
		}
		TicketSupport.checkVersion(row, version);
		Ticket ticket = Ticket.of(row);
		Instant now = at == null ? clock.instant() : notInFuture(at);
		Done done = change.on(ticket, by, now);
		support.save(ticket, done.searchText());
		repository.addEvent(row.id(), now, by.name(), done.kind(), done.detail(), null);
		if (done.toFirstResponder()) {
			support.notifyFirstResponder(row, by, done.kind(), done.notice(), now);
		}
		// the actions spelt out, so that every one the trail may hold is found with its sentence (AuditActionMessagesTests)
		audit.record(by.actor(), switch (action) {
			case DISPATCH -> "TICKET_DISPATCHED";
			case RESPOND -> "TICKET_RESPONDED";
			case RESOLVE -> "TICKET_RESOLVED";
			case CLOSE -> "TICKET_CLOSED";
			case REOPEN -> "TICKET_REOPENED";
			case PAUSE -> "TICKET_PAUSED";
			case RESUME -> "TICKET_RESUMED";
			case CANCEL -> "TICKET_CANCELLED";
			case ARRIVE -> "TICKET_ON_SITE";
			case REASSIGN -> "TICKET_REASSIGNED";
			default -> throw new IllegalArgumentException(action.name());
		}, "ticket", ticketNo, done.before(), done.after());
		if (done.event() != null) {
			events.publishEvent(done.event());
		}
		if (done.then() != null) {
			done.then().run();
		}
		return support.reload(row.id(), by);
	}
}
