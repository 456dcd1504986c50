package org.heatdesk.ticket;

import java.util.EnumSet;
import java.util.Set;

import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.Roles;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Who may act on a ticket, pure (the table in docs/ticket.md). The work on a ticket belongs to its
 * holder (the assignee, or any member of the team that holds it without a person), to the team lead
 * of the holder's team, to a dispatcher of that team or of a field crew holding it (crews have no
 * desk: the dispatch desk records their progress), to its first responder (首问负责到底, 6.6) and to
 * managers. A note and a reopening are open to everyone at the desk who may read the ticket: the
 * customer may tell any agent that the result did not hold. The staff member a complaint is about
 * may do nothing (6.7).
 */
final class TicketAccess {

	/** The actions that belong to the people working the ticket. */
	static final Set<Lifecycle.Action> WORK = EnumSet.of(Lifecycle.Action.DISPATCH, Lifecycle.Action.RESPOND,
			Lifecycle.Action.RESOLVE, Lifecycle.Action.PAUSE, Lifecycle.Action.RESUME, Lifecycle.Action.TRANSFER,
			Lifecycle.Action.ESCALATE, Lifecycle.Action.CLOSE, Lifecycle.Action.CANCEL, Lifecycle.Action.LINK,
			Lifecycle.Action.ARRIVE, Lifecycle.Action.REASSIGN);

	/** The roles that work at the desk (a technician acts only as a holder). */
	private static final Set<Role> DESK = Roles.of(Roles.OPERATIONS);

	/** Who holds the ticket and who owns it: what the rule needs to know of it. */
	record Holding(long firstResponderId, Long assigneeId, Long assigneeTeamId, Long aboutStaffId, boolean heldByCrew) {

		static Holding of(TicketRow row, boolean heldByCrew) {
			return new Holding(row.firstResponderId(), row.assigneeId(), row.assigneeTeamId(), row.aboutStaffId(), heldByCrew);
		}
	}

	/** Who wants to act. */
	record Actor(long id, Long teamId, Set<Role> roles) {

		boolean has(Role role) {
			return roles.contains(role);
		}
	}

	/** Why someone may work the ticket, or {@code NONE}; the first that applies, in this order. */
	enum Standing {
		ABOUT_YOU, HOLDER, TEAM_MEMBER, FIRST_RESPONDER, TEAM_LEAD, DISPATCHER, MANAGER, NONE
	}

	private TicketAccess() {
	}

	/** The actor's standing on the ticket. */
	static Standing standing(Holding t, Actor a) {
		if (t.aboutStaffId() != null && t.aboutStaffId() == a.id()) {
			return Standing.ABOUT_YOU;
		}
		if (t.assigneeId() != null && t.assigneeId() == a.id()) {
			return Standing.HOLDER;
		}
		boolean ofHoldersTeam = t.assigneeTeamId() != null && t.assigneeTeamId().equals(a.teamId());
		if (t.assigneeId() == null && ofHoldersTeam) {
			return Standing.TEAM_MEMBER;
		}
		if (t.firstResponderId() == a.id()) {
			return Standing.FIRST_RESPONDER;
		}
		if (ofHoldersTeam && a.has(Role.TEAM_LEAD)) {
			return Standing.TEAM_LEAD;
		}
		if ((ofHoldersTeam || t.heldByCrew()) && a.has(Role.DISPATCHER)) {
			return Standing.DISPATCHER;
		}
		if (a.has(Role.MANAGER)) {
			return Standing.MANAGER;
		}
		return Standing.NONE;
	}

	/** Whether the actor may take {@code action} on the ticket (its status is {@link Lifecycle}'s question). */
	static boolean may(Lifecycle.Action action, Holding t, Actor a) {
		Standing s = standing(t, a);
		if (s == Standing.ABOUT_YOU) {
			return false;
		}
		if (WORK.contains(action)) {
			return s != Standing.NONE;
		}
		// NOTE, REOPEN: whoever at the desk may read it
		return s != Standing.NONE || a.roles().stream().anyMatch(DESK::contains);
	}

	/** The refusal, with the action named in the user's language. */
	static HeatDeskException refused(Lifecycle.Action action) {
		return HeatDeskException.forbidden("TICKET_NOT_HOLDER", new DefaultMessageSourceResolvable(
				new String[] { "ticket.action." + action.name().toLowerCase(java.util.Locale.ROOT) }, action.name()));
	}
}
