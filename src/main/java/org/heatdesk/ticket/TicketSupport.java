package org.heatdesk.ticket;

import org.heatdesk.platform.InputChecks;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.stereotype.Component;

/**
 * What the ticket module's front doors share: who is acting (an {@link Actor} resolved to a staff
 * member through the staff module), loading a ticket for them (refused to the staff member a
 * complaint is about, 6.7), whether they may act ({@link TicketAccess}), the view, the first
 * responder's notifications and the small input checks.
 */
@Component
class TicketSupport {

	private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

	/** What the system may do on its own (a follow-up reopening, a note): never the holder's work. */
	static final Set<Lifecycle.Action> SYSTEM_ACTIONS = EnumSet.of(Lifecycle.Action.REOPEN, Lifecycle.Action.NOTE);

	private final TicketRepository repository;

	private final Catalog catalog;

	private final Staff staff;

	private final AuditTrail audit;

	TicketSupport(TicketRepository repository, Catalog catalog, Staff staff, AuditTrail audit) {
		this.repository = repository;
		this.catalog = catalog;
		this.staff = staff;
		this.audit = audit;
	}

	/**
	 * Who acts on a ticket: the actor and, for a person, the staff member behind them ({@code null}
	 * for the system).
	 */
	record Acting(Actor actor, StaffView staff) {

		boolean system() {
			return staff == null;
		}

		/** The staff member's id, or {@code null} for the system. */
		Long id() {
			return staff == null ? null : staff.id();
		}

		boolean is(long staffId) {
			return staff != null && staff.id() == staffId;
		}

		/** The name on the timeline and in the audit trail: the user name, or {@code system:<job>}. */
		String name() {
			return staff == null ? actor.name() : staff.username();
		}

		String displayName() {
			return staff == null ? actor.displayName() : staff.displayName();
		}

		Long teamId() {
			return staff == null ? null : staff.teamId();
		}
	}

	/**
	 * The actor as one who may act on tickets: the system as itself, a person as an active staff member.
	 * @throws HeatDeskException {@code FORBIDDEN} (403) for a name that is no active staff member
	 */
	Acting acting(Actor actor) {
		if (actor == null) {
			throw HeatDeskException.forbidden("FORBIDDEN");
		}
		if (actor.system()) {
			return new Acting(actor, null);
		}
		return new Acting(actor, person(actor));
	}

	/** portal-b (issue 18): the display name of the technician with this id, or {@code null} for anyone else. */
	String technicianName(Long staffId) {
		if (staffId == null) {
			return null;
		}
		return staff.find(staffId).filter(s -> s.has(Role.TECHNICIAN)).map(StaffView::displayName).orElse(null);
	}

	/**
	 * The staff member acting; the system is refused (only a person records, holds or receives a ticket).
	 * @throws HeatDeskException {@code FORBIDDEN} (403)
	 */
	StaffView person(Actor actor) {
		if (actor == null || actor.system()) {
			throw HeatDeskException.forbidden("FORBIDDEN");
		}
		return staff.findByUsername(actor.name()).filter(StaffView::active)
			.orElseThrow(() -> HeatDeskException.forbidden("FORBIDDEN"));
	}

	/** The ticket with this number for {@code by}: 404 when there is none, 403 to the staff member it is about. */
	TicketRow load(String ticketNo, Acting by) {
		TicketRow row = repository.findByNo(ticketNo == null ? "" : ticketNo.strip().toUpperCase())
			.orElseThrow(() -> HeatDeskException.notFound("TICKET_NOT_FOUND", ticketNo));
		if (by.id() != null && row.about(by.id())) {
			audit.recordSecurityEvent(by.name(), "TICKET_ACCESS_REFUSED", "ticket", row.ticketNo(), Map.of("rule", "6.7"));
			throw HeatDeskException.forbidden("TICKET_ABOUT_YOU");
		}
		if (!mayRead(row, by)) {
			audit.recordSecurityEvent(by.name(), "TICKET_FIELD_ACCESS_REFUSED", "ticket", row.ticketNo(), Map.of("rule", "holder"));
			throw HeatDeskException.forbidden("TICKET_NOT_YOURS");
		}
		return row;
	}

	/** The roles that read tickets beyond those they hold. */
	private static final Set<Role> READERS = Roles.of(Roles.OPERATIONS_AND_AUDIT);

	/**
	 * Whether {@code by} may read the ticket: anyone at the desk, in dispatch, management or audit; a
	 * technician only the ticket he holds (his job), not the others'.
	 */
	boolean mayRead(TicketRow row, Acting by) {
		if (by.system() || by.staff().roles().stream().anyMatch(READERS::contains)) {
			return true;
		}
		return by.is(row.assigneeId() == null ? -1 : row.assigneeId());
	}

	/** Whether {@code by} sits at the dispatch desk, which sends field crews to any open ticket. */
	boolean fieldDesk(Acting by) {
		return !by.system() && (by.staff().has(Role.DISPATCHER) || by.staff().has(Role.TEAM_LEAD));
	}

	static void checkVersion(TicketRow row, Integer version) {
		if (version != null && version != row.version()) {
			throw HeatDeskException.conflict("CONCURRENT_CHANGE");
		}
	}

	/** Saves the aggregate, or refuses with {@code CONCURRENT_CHANGE} when someone else changed it first. */
	void save(Ticket ticket, String searchText) {
		if (!repository.save(ticket, searchText)) {
			throw HeatDeskException.conflict("CONCURRENT_CHANGE");
		}
	}

	/**
	 * Refuses an action {@code by} may not take on this ticket ({@link TicketAccess}; the system only
	 * {@link #SYSTEM_ACTIONS}): 403 {@code TICKET_NOT_HOLDER}, kept in the audit trail as a security
	 * event; nothing else is written.
	 */
	void checkMay(TicketRow row, Acting by, Lifecycle.Action action) {
		if (!may(row, by, action)) {
			audit.recordSecurityEvent(by.name(), "TICKET_ACTION_REFUSED", "ticket", row.ticketNo(),
					Map.of("rule", "holder", "action", action.name()));
			throw TicketAccess.refused(action);
		}
	}

	private boolean may(TicketRow row, Acting by, Lifecycle.Action action) {
		if (by.system()) {
			return SYSTEM_ACTIONS.contains(action);
		}
		return TicketAccess.may(action, holding(row, by.staff()), accessor(by.staff()));
	}

	/** The actions {@code by} may take on the ticket now: allowed in its status and to them. */
	Set<Lifecycle.Action> allowedActions(TicketRow row, Acting by) {
		Set<Lifecycle.Action> allowed = EnumSet.noneOf(Lifecycle.Action.class);
		for (Lifecycle.Action a : Lifecycle.Action.values()) {
			if (Lifecycle.allowed(row.status(), a) && may(row, by, a)) {
				allowed.add(a);
			}
		}
		return allowed;
	}

	private TicketAccess.Holding holding(TicketRow row, StaffView me) {
		// only a dispatcher's standing depends on a crew holding the ticket: nobody else pays the look-up
		return TicketAccess.Holding.of(row, me.has(Role.DISPATCHER) && heldByCrew(row));
	}

	private static TicketAccess.Actor accessor(StaffView me) {
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

	/** A person who may receive the ticket: active, and not the person a complaint is about (6.7). */
	StaffView receiver(TicketRow row, long staffId, String field, Acting by) {
		StaffView target = staff.find(staffId).filter(StaffView::active)
			.orElseThrow(() -> HeatDeskException.badInput("TICKET_RECEIVER_UNKNOWN", field));
		if (row.about(target.id())) {
			audit.recordSecurityEvent(by.name(), "TICKET_CONFLICT_ROUTING_REFUSED", "ticket", row.ticketNo(),
					Map.of("rule", "6.7", "to", target.username()));
			throw HeatDeskException.badInput("TICKET_CONFLICT_OF_INTEREST", field);
		}
		return target;
	}

	void checkTeam(long teamId, String field) {
		if (staff.teams().stream().noneMatch(t -> t.id() == teamId)) {
			throw HeatDeskException.badInput("TICKET_TEAM_UNKNOWN", field);
		}
	}

	String teamName(Long teamId) {
		return staff.teams().stream().filter(t -> teamId != null && t.id() == teamId).map(t -> t.name()).findFirst()
			.orElse(null);
	}

	/** The team lead of {@code teamId} (any active lead when the team has none), never the person a complaint is about. */
	Optional<StaffView> leadFor(Long teamId, TicketRow row, Long except) {
		return leadFor(teamId, row.aboutStaffId(), except);
	}

	/** As {@link #leadFor(Long, TicketRow, Long)}, for a ticket known by whom its complaint is about ({@code null}: no one). */
	Optional<StaffView> leadFor(Long teamId, Long aboutStaffId, Long except) {
		List<StaffView> leads = staff.withRole(Role.TEAM_LEAD).stream()
			.filter(l -> (aboutStaffId == null || aboutStaffId != l.id()) && (except == null || l.id() != except))
			.toList();
		return leads.stream().filter(l -> teamId != null && teamId.equals(l.teamId())).findFirst()
			.or(() -> leads.stream().findFirst());
	}

	void notifyFirstResponder(TicketRow row, Acting by, String kind, String detail, Instant at) {
		if (!by.is(row.firstResponderId())) {
			repository.notify(row.firstResponderId(), row.id(), kind, detail, at);
		}
	}

	/** The view; for the staff member a complaint is about ({@code viewer}), the complainant is masked. */
	TicketView view(TicketRow r, Long viewer) {
		Mark mark = r.nextMark();
		return new TicketView(r.id(), r.ticketNo(), r.type(), catalog.categoryName(r.categoryId()), r.priority(),
				r.status(), viewer != null && r.about(viewer) ? null : r.customerId(), r.description(), r.firstResponder(),
				r.assignee(), r.recordedAt(), r.nextDeadline(), mark == null ? null : mark.name());
	}

	TicketView reload(long ticketId, Acting by) {
		return view(repository.find(ticketId).orElseThrow(), by.id());
	}

	// ---- input

	static Map<String, Object> mapOf(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

	static String reason(String reason) {
		String r = InputChecks.trim(reason);
		if (r == null) {
			throw HeatDeskException.badInput("TICKET_REASON_REQUIRED", "reason");
		}
		return InputChecks.required(r, "reason", 500);
	}


	static void phone(String value, String field) {
		if (value != null && !PHONE.matcher(value).matches()) {
			throw HeatDeskException.badInput("TICKET_PHONE_FORMAT", field);
		}
	}

	static String join(String a, String b) {
		return a == null ? b : b == null ? a : a + " — " + b;
	}

}
