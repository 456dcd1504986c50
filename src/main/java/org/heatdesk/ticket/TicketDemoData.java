package org.heatdesk.ticket;

import org.heatdesk.platform.SqlValues;
import org.heatdesk.ticket.sla.SlaPolicy;
import org.heatdesk.ticket.sla.Deadlines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.heatdesk.customer.CustomerView;
import org.heatdesk.customer.Customers;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.DemoDataSeeder;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.TextSegmenter;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo tickets ({@code heatdesk.ticket.demo-tickets}, 300 by default) as a center's last week and
 * this morning look relative to the clock: recorded over the last seven days (fewer at night), each
 * mark reached in time by the people who do it, so that older tickets are closed and the newest are
 * still being worked on; a handful left overdue by minutes to a few hours, so that the overdue board
 * has something to show without drowning. The texts come from {@link DemoTexts}: each category's
 * own descriptions, answers and results, no open ticket with the same description as another.
 */
@Component
@Order(40)
class TicketDemoData implements DemoDataSeeder {

	/** How late the overdue demo tickets are, in minutes; the first {@link #overdueCount} are used. */
	private static final int[] LATE_MINUTES = { 12, 95, 38, 170, 64, 250 };

	/** Relative ticket arrivals per hour of the day 0..23 (company zone). */
	private static final int[] HOURLY = { 2, 1, 1, 1, 1, 2, 5, 9, 14, 15, 13, 11, 9, 10, 11, 10, 9, 9, 10, 9, 7, 5, 4, 3 };

	private final Catalog catalog;

	private final TicketRepository repository;

	private final JdbcClient jdbc;

	private final Customers customers;

	private final Staff staff;

	private final TextSegmenter segmenter;

	private final TicketProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	TicketDemoData(Catalog catalog, TicketRepository repository, JdbcClient jdbc, Customers customers, Staff staff,
			TextSegmenter segmenter, TicketProperties properties, AuditTrail audit, Clock clock) {
		this.catalog = catalog;
		this.repository = repository;
		this.jdbc = jdbc;
		this.customers = customers;
		this.staff = staff;
		this.segmenter = segmenter;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "ticket";
	}

	/** The overdue tickets among {@code tickets} demo tickets: a few, never more than a tenth. */
	static int overdueCount(int tickets) {
		return Math.min(Math.min(LATE_MINUTES.length, Math.max(3, tickets / 60)), tickets / 10);
	}

	/** One demo ticket before it is written: its texts, people and the times of its marks (null: not reached). */
	private record Plan(DemoTexts.Texts texts, Category category, Priority priority, Instant recorded, Deadlines due,
			boolean inCall, Instant dispatched, Instant responded, Instant resolved, Instant closed, String description,
			String dispatchNote, String answer, String result, String closing) {

		boolean open() {
			return resolved == null;
		}
	}

	@Override
	public void seed() {
		seed(properties.demoTickets());
	}

	/** Writes {@code count} demo tickets; the number written. */
	int seed(int count) {
		List<StaffView> agents = staff.withRole(Role.AGENT);
		if (agents.isEmpty() || count <= 0) {
			return 0;
		}
		List<StaffView> techs = staff.withRole(Role.TECHNICIAN);
		List<StaffView> leads = staff.withRole(Role.TEAM_LEAD);
		Random random = new Random(20261127L);
		Instant now = clock.instant();
		SlaPolicy policy = catalog.currentPolicy();
		Map<String, Category> byCode = new HashMap<>();
		catalog.categories().values().forEach(c -> byCode.put(c.code(), c));
		List<Long> customerIds = new ArrayList<>();
		for (long id = 1; id <= 400 && customerIds.size() < 200; id++) {
			customers.find(id).map(CustomerView::id).ifPresent(customerIds::add);
		}
		int overdue = overdueCount(count);
		List<Plan> plans = new ArrayList<>();
		Set<String> described = new HashSet<>();
		Set<String> openDescriptions = new HashSet<>();
		for (int i = 0; i < overdue; i++) {
			Plan late = late(random, policy, byCode, DemoTexts.ALL.get(i % 4), now, Duration.ofMinutes(LATE_MINUTES[i]), i % 3,
					described);
			if (late != null) {
				plans.add(late);
				described.add(late.description());
				openDescriptions.add(late.description());
			}
		}
		while (plans.size() < count) {
			Plan plan = null;
			for (int attempt = 0; attempt < 60 && plan == null; attempt++) {
				Plan p = onTime(random, policy, byCode, now);
				boolean clash = p.open() ? openDescriptions.contains(p.description())
						: attempt < 30 && described.contains(p.description());
				if (!clash) {
					plan = p;
				}
			}
			if (plan == null) {
				break;
			}
			described.add(plan.description());
			if (plan.open()) {
				openDescriptions.add(plan.description());
			}
			plans.add(plan);
		}
		// numbers run with the time of recording within each day, as they would have been drawn
		plans.sort(java.util.Comparator.comparing(Plan::recorded));
		int written = 0;
		for (Plan plan : plans) {
			write(plan, random, agents, techs, leads, customerIds);
			written++;
		}
		audit.record("DEMO_TICKETS_GENERATED", "ticket", null, null, Map.of("tickets", written));
		return written;
	}

	/** A ticket whose marks all came in time; the ones still ahead of now are not reached yet. */
	private Plan onTime(Random random, SlaPolicy policy, Map<String, Category> byCode, Instant now) {
		DemoTexts.Texts texts = DemoTexts.pick(random);
		Instant recorded = arrival(random, now);
		Priority priority = priority(random, texts.type());
		Category category = byCode.get(texts.category());
		Deadlines due = deadlines(policy, texts, category, priority, recorded);
		// most inquiries are answered while the customer is still on the line (all four marks at once)
		boolean inCall = texts.type() == TicketType.INQUIRY && random.nextInt(100) < 70;
		Instant dispatched;
		Instant responded;
		Instant resolved;
		if (inCall) {
			dispatched = recorded;
			responded = recorded;
			resolved = recorded;
		}
		else {
			dispatched = within(recorded, minutes(random, texts.type(), 0), due.dispatch());
			responded = within(dispatched, minutes(random, texts.type(), 1), due.respond());
			resolved = within(responded, minutes(random, texts.type(), 2), due.resolve());
		}
		Instant closed = resolved.plus(Duration.ofMinutes(40 + random.nextInt(20 * 60)));
		return plan(random, texts, category, priority, recorded, due, inCall, reached(dispatched, now),
				reached(responded, now), reached(resolved, now), reached(closed, now));
	}

	/**
	 * A ticket {@code late} past the deadline of one mark ({@code missing}: 0 dispatch, 1 answer, 2
	 * result), the marks before it reached in time; null when the calendar gives no such ticket now
	 * (outside the heating season only working hours count).
	 */
	private Plan late(Random random, SlaPolicy policy, Map<String, Category> byCode, DemoTexts.Texts texts, Instant now,
			Duration late, int missing, Set<String> described) {
		Category category = byCode.get(texts.category());
		Priority priority = Priority.NORMAL;
		Instant target = now.minus(late);
		// the latest recording time whose deadline for the missing mark lies at or before the target
		Instant recorded = target;
		for (int step = 0; step < 4 * 24 * 12; step++, recorded = recorded.minus(Duration.ofMinutes(5))) {
			Instant d = mark(deadlines(policy, texts, category, priority, recorded), missing);
			if (d != null && !d.isAfter(target)) {
				break;
			}
		}
		Deadlines due = deadlines(policy, texts, category, priority, recorded);
		Instant missed = mark(due, missing);
		if (missed == null || missed.isBefore(target.minus(Duration.ofMinutes(30))) || !missed.isBefore(now)) {
			return null;
		}
		Instant dispatched = missing > 0 ? within(recorded, 3 + random.nextInt(8), due.dispatch()) : null;
		Instant responded = missing > 1 ? within(dispatched, 5 + random.nextInt(15), due.respond()) : null;
		if ((dispatched != null && dispatched.isAfter(now)) || (responded != null && responded.isAfter(now))) {
			return null;
		}
		for (int attempt = 0; attempt < 60; attempt++) {
			Plan p = plan(random, texts, category, priority, recorded, due, false, dispatched, responded, null, null);
			if (!described.contains(p.description())) {
				return p;
			}
		}
		return null;
	}

	private Plan plan(Random random, DemoTexts.Texts texts, Category category, Priority priority, Instant recorded,
			Deadlines due, boolean inCall, Instant dispatched, Instant responded, Instant resolved, Instant closed) {
		Map<String, String> slots = DemoTexts.slots(random);
		String description = DemoTexts.fill(any(random, texts.descriptions()), slots);
		String result = DemoTexts.fill(any(random, texts.results()), slots);
		return new Plan(texts, category, priority, recorded, due, inCall, dispatched, responded,
				resolved, closed, description, DemoTexts.fill(any(random, texts.dispatches()), slots),
				DemoTexts.fill(any(random, texts.answers()), slots), resolved == null ? null : result,
				DemoTexts.fill(any(random, texts.closings()), slots));
	}

	private void write(Plan p, Random random, List<StaffView> agents, List<StaffView> techs, List<StaffView> leads,
			List<Long> customerIds) {
		TicketType type = p.texts().type();
		StaffView fr = agents.get(random.nextInt(agents.size()));
		StaffView assignee = type == TicketType.REPAIR && !techs.isEmpty() ? techs.get(random.nextInt(techs.size()))
				: type != TicketType.INQUIRY && !leads.isEmpty() ? leads.get(random.nextInt(leads.size())) : fr;
		if (p.dispatched() == null) {
			// as recorded: the first responder holds it until it is dispatched
			assignee = fr;
		}
		Long customerId = customerIds.isEmpty() ? null : customerIds.get(random.nextInt(customerIds.size()));
		CustomerView customer = customerId == null ? null : customers.find(customerId).orElse(null);
		TicketStatus status = p.closed() != null ? TicketStatus.CLOSED
				: p.resolved() != null ? TicketStatus.RESOLVED
						: p.responded() != null ? TicketStatus.RESPONDED
								: p.dispatched() != null ? TicketStatus.DISPATCHED : TicketStatus.RECORDED;
		LocalDate day = LocalDate.ofInstant(p.recorded(), catalog.zone());
		String no = properties.numberPrefix() + DateTimeFormatter.BASIC_ISO_DATE.format(day) + "-"
				+ String.format("%04d", repository.nextNumber(day));
		Category category = p.category();
		Deadlines due = p.due();
		String holder = assignee.username();
		String resolver = p.inCall() ? fr.username() : holder;
		Long id = jdbc.sql("""
				insert into ticket (ticket_no, type, category_id, priority, scope, channel, status, customer_id, caller_phone,
				  address, description, substation_id, community_id, first_responder_id, first_responder, assignee_id,
				  assignee, assignee_team_id, policy_id, recorded_at, dispatched_at, dispatched_by, responded_at,
				  responded_by, resolved_at, resolved_by, result, closed_at, dispatch_due, respond_due, on_site_due,
				  resolve_due, search_text)
				values (?, ?, ?, ?, 'HOUSEHOLD', 'PHONE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				returning id""")
			.params(no, type.name(), category == null ? null : category.id(), p.priority().name(), status.name(), customerId,
					customer == null ? "1380000" + String.format("%04d", random.nextInt(10000)) : null,
					customer == null ? null : customer.address(), p.description(),
					customer == null ? null : customer.substationId(), customer == null ? null : customer.communityId(),
					fr.id(), fr.username(), p.inCall() ? fr.id() : assignee.id(), p.inCall() ? fr.username() : holder,
					p.inCall() ? fr.teamId() : assignee.teamId(), catalog.currentPolicy().id(),
					SqlValues.ts(p.recorded()), SqlValues.ts(p.dispatched()), p.dispatched() == null ? null : fr.username(), SqlValues.ts(p.responded()),
					p.responded() == null ? null : resolver, SqlValues.ts(p.resolved()), p.resolved() == null ? null : resolver,
					p.result(), SqlValues.ts(p.closed()), SqlValues.ts(due.dispatch()), SqlValues.ts(due.respond()), SqlValues.ts(due.onSite()), SqlValues.ts(due.resolve()),
					segmenter.segment(p.description(), p.result()))
			.query(Long.class)
			.single();
		repository.addEvent(id, p.recorded(), fr.username(), "RECORDED", null, null);
		if (p.inCall()) {
			repository.addEvent(id, p.recorded(), fr.username(), "ANSWERED_IN_CALL", p.result(), null);
		}
		else {
			if (p.dispatched() != null) {
				repository.addEvent(id, p.dispatched(), fr.username(), "DISPATCHED",
						assignee.displayName() + " — " + p.dispatchNote(), null);
			}
			if (p.responded() != null) {
				repository.addEvent(id, p.responded(), holder, "RESPONDED", p.answer(), null);
			}
			if (p.resolved() != null) {
				repository.addEvent(id, p.resolved(), holder, "RESOLVED", p.result(), null);
			}
		}
		if (p.closed() != null) {
			repository.addEvent(id, p.closed(), fr.username(), "CLOSED", p.closing(), null);
		}
	}

	/** A recording time over the last seven days up to a minute ago, as many at 9 o'clock as the hourly weights say. */
	private Instant arrival(Random random, Instant now) {
		long span = Duration.ofDays(7).toSeconds();
		while (true) {
			Instant t = now.minusSeconds(60 + (long) (random.nextDouble() * span));
			if (random.nextInt(16) < HOURLY[t.atZone(catalog.zone()).getHour()]) {
				return t;
			}
		}
	}

	private static Priority priority(Random random, TicketType type) {
		return type == TicketType.REPAIR && random.nextInt(10) == 0 ? Priority.URGENT
				: random.nextInt(8) == 0 ? Priority.HIGH : Priority.NORMAL;
	}

	private Deadlines deadlines(SlaPolicy policy, DemoTexts.Texts texts, Category category, Priority priority,
			Instant recorded) {
		return policy.deadlines(texts.type(), category == null ? null : category.id(),
				category == null ? null : category.parentId(), priority, TicketScope.HOUSEHOLD, recorded, catalog.zone());
	}

	/** Typical minutes from one mark to the next (0: to dispatch, 1: to the answer, 2: to the result). */
	private static int minutes(Random random, TicketType type, int step) {
		return switch (type) {
			case REPAIR -> step == 0 ? 2 + random.nextInt(9) : step == 1 ? 4 + random.nextInt(15) : 40 + random.nextInt(240);
			case INQUIRY -> step == 0 ? 5 + random.nextInt(30) : step == 1 ? 10 + random.nextInt(60) : 30 + random.nextInt(180);
			case COMPLAINT -> step == 0 ? 10 + random.nextInt(40) : step == 1 ? 60 + random.nextInt(300)
					: 8 * 60 + random.nextInt(40 * 60);
			default -> step == 0 ? 30 + random.nextInt(180) : step == 1 ? 120 + random.nextInt(600) : 12 * 60 + random.nextInt(36 * 60);
		};
	}

	/** {@code from} plus the minutes, but a minute before the deadline when that comes first (and never before {@code from}). */
	private static Instant within(Instant from, int minutes, Instant due) {
		Instant t = from.plus(Duration.ofMinutes(minutes));
		if (due != null && !t.isBefore(due)) {
			Instant last = due.minus(Duration.ofMinutes(1));
			t = last.isAfter(from) ? last : from;
		}
		return t;
	}

	private static Instant mark(Deadlines due, int missing) {
		return switch (missing) {
			case 0 -> due.dispatch();
			case 1 -> due.respond();
			default -> due.resolve();
		};
	}

	/** The time of a mark already reached, or null when it is still ahead. */
	private static Instant reached(Instant at, Instant now) {
		return at != null && !at.isAfter(now) ? at : null;
	}

	private static String any(Random random, List<String> texts) {
		return texts.get(random.nextInt(texts.size()));
	}

}
