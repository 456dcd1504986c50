package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.PropertyChecks.forAll;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.heatdesk.platform.Role;
import org.junit.jupiter.api.Test;

/**
 * The rule of who may act on a ticket, checked against the table in docs/ticket.md: each try draws
 * how the actor stands to a random ticket, builds the facts from that, and expects what the table says.
 */
class TicketAccessTests {

	static final long FIRST_RESPONDER = 1, HOLDER = 2, ACTOR = 3, SUBJECT = 4;

	static final long HOLDERS_TEAM = 10, OTHER_TEAM = 11;

	/** How the actor stands to the ticket, as the table names it. */
	enum Relation {
		HOLDER, MEMBER_OF_HOLDING_TEAM, COLLEAGUE_OF_HOLDER, FIRST_RESPONDER, LEAD_OF_HOLDERS_TEAM, LEAD_OF_OTHER_TEAM,
		DISPATCHER_OF_HOLDERS_TEAM, DISPATCHER_OF_CREW_HELD, DISPATCHER_ELSEWHERE, MANAGER, STRANGER_AT_DESK, TECHNICIAN_ELSEWHERE,
		COMPLAINT_SUBJECT
	}

	record Case(TicketAccess.Holding holding, TicketAccess.Actor actor) {
	}

	static Case build(Relation relation, SplittableRandom random) {
		boolean teamHeld = relation == Relation.MEMBER_OF_HOLDING_TEAM;
		Long assignee = teamHeld ? null : Long.valueOf(HOLDER);
		boolean crew = relation == Relation.DISPATCHER_OF_CREW_HELD;
		// a subject of the complaint is drawn now and then for everyone, and always for COMPLAINT_SUBJECT
		Long about = relation == Relation.COMPLAINT_SUBJECT ? Long.valueOf(ACTOR) : random.nextBoolean() ? Long.valueOf(SUBJECT) : null;
		long actorId = switch (relation) {
			case HOLDER -> HOLDER;
			case FIRST_RESPONDER -> FIRST_RESPONDER;
			default -> ACTOR;
		};
		Long team = switch (relation) {
			case HOLDER, MEMBER_OF_HOLDING_TEAM, COLLEAGUE_OF_HOLDER, LEAD_OF_HOLDERS_TEAM, DISPATCHER_OF_HOLDERS_TEAM -> HOLDERS_TEAM;
			case MANAGER -> null;
			case COMPLAINT_SUBJECT -> random.nextBoolean() ? HOLDERS_TEAM : OTHER_TEAM;
			default -> OTHER_TEAM;
		};
		Set<Role> roles = switch (relation) {
			case LEAD_OF_HOLDERS_TEAM, LEAD_OF_OTHER_TEAM -> EnumSet.of(Role.TEAM_LEAD, Role.AGENT);
			case DISPATCHER_OF_HOLDERS_TEAM, DISPATCHER_OF_CREW_HELD, DISPATCHER_ELSEWHERE -> EnumSet.of(Role.DISPATCHER);
			case MANAGER -> EnumSet.of(Role.MANAGER);
			case TECHNICIAN_ELSEWHERE -> EnumSet.of(Role.TECHNICIAN);
			case COMPLAINT_SUBJECT -> anyRoles(random);
			default -> EnumSet.of(Role.AGENT);
		};
		return new Case(new TicketAccess.Holding(FIRST_RESPONDER, assignee, HOLDERS_TEAM, about, crew),
				new TicketAccess.Actor(actorId, team, roles));
	}

	static Set<Role> anyRoles(SplittableRandom random) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role r : Role.values()) {
			if (random.nextInt(3) == 0) {
				roles.add(r);
			}
		}
		return roles;
	}

	/** The table: may this relation take the work actions; may it note and reopen. */
	static boolean work(Relation r) {
		return switch (r) {
			case HOLDER, MEMBER_OF_HOLDING_TEAM, FIRST_RESPONDER, LEAD_OF_HOLDERS_TEAM, DISPATCHER_OF_HOLDERS_TEAM,
					DISPATCHER_OF_CREW_HELD, MANAGER -> true;
			case COLLEAGUE_OF_HOLDER, LEAD_OF_OTHER_TEAM, DISPATCHER_ELSEWHERE, STRANGER_AT_DESK, TECHNICIAN_ELSEWHERE,
					COMPLAINT_SUBJECT -> false;
		};
	}

	static boolean noteAndReopen(Relation r) {
		return r != Relation.COMPLAINT_SUBJECT && r != Relation.TECHNICIAN_ELSEWHERE;
	}

	@Test
	void everyoneMayDoWhatTheTableSaysAndNothingMore() {
		Relation[] relations = Relation.values();
		Lifecycle.Action[] actions = Lifecycle.Action.values();
		forAll(2000, random -> {
			Relation relation = relations[random.nextInt(relations.length)];
			Lifecycle.Action action = actions[random.nextInt(actions.length)];
			Case c = build(relation, random);
			boolean expected = action == Lifecycle.Action.NOTE || action == Lifecycle.Action.REOPEN ? noteAndReopen(relation)
					: work(relation);
			assertThat(TicketAccess.may(action, c.holding(), c.actor()))
				.as("%s %s on %s", relation, action, c)
				.isEqualTo(expected);
		});
	}

	@Test
	void theStaffMemberAComplaintIsAboutMayDoNothingWhateverElseTheyAre() {
		forAll(500, random -> {
			long me = 1 + random.nextInt(4);
			TicketAccess.Holding holding = new TicketAccess.Holding(1 + random.nextInt(4),
					random.nextBoolean() ? null : Long.valueOf(1 + random.nextInt(4)), random.nextBoolean() ? null : Long.valueOf(10), me,
					random.nextBoolean());
			TicketAccess.Actor actor = new TicketAccess.Actor(me, random.nextBoolean() ? null : Long.valueOf(10), anyRoles(random));
			for (Lifecycle.Action a : Lifecycle.Action.values()) {
				assertThat(TicketAccess.may(a, holding, actor)).as("%s %s %s", a, holding, actor).isFalse();
			}
		});
	}

	@Test
	void theWorkActionsAreTheOnesTheDocumentNames() {
		assertThat(TicketAccess.WORK).containsExactlyInAnyOrder(Lifecycle.Action.DISPATCH, Lifecycle.Action.RESPOND,
				Lifecycle.Action.RESOLVE, Lifecycle.Action.PAUSE, Lifecycle.Action.RESUME, Lifecycle.Action.TRANSFER,
				Lifecycle.Action.ESCALATE, Lifecycle.Action.CLOSE, Lifecycle.Action.CANCEL, Lifecycle.Action.LINK,
				Lifecycle.Action.ARRIVE, Lifecycle.Action.REASSIGN);
	}

	@Test
	void aTicketNobodyHoldsIsWorkedByItsFirstResponderAndManagersOnly() {
		TicketAccess.Holding unheld = new TicketAccess.Holding(FIRST_RESPONDER, null, null, null, false);
		assertThat(TicketAccess.may(Lifecycle.Action.RESOLVE, unheld, new TicketAccess.Actor(FIRST_RESPONDER, null, EnumSet.of(Role.AGENT)))).isTrue();
		assertThat(TicketAccess.may(Lifecycle.Action.RESOLVE, unheld, new TicketAccess.Actor(ACTOR, null, EnumSet.of(Role.AGENT)))).isFalse();
		assertThat(TicketAccess.may(Lifecycle.Action.RESOLVE, unheld, new TicketAccess.Actor(ACTOR, null, EnumSet.of(Role.TEAM_LEAD)))).isFalse();
		assertThat(TicketAccess.may(Lifecycle.Action.RESOLVE, unheld, new TicketAccess.Actor(ACTOR, null, EnumSet.of(Role.MANAGER)))).isTrue();
	}
}
