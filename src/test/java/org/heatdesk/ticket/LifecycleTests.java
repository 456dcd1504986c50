package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatdesk.PropertyChecks.forAll;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.heatdesk.platform.HeatDeskException;
import org.junit.jupiter.api.Test;

/** The lifecycle rules: marks in order, pauses that come back, cancelled for good, refusals that change nothing. */
class LifecycleTests {

	/** A ticket's status as the rules move it, with the marks it reached since it was (re)opened. */
	static final class Model {

		TicketStatus status = TicketStatus.RECORDED;

		TicketStatus beforePause;

		List<TicketStatus> marks = new ArrayList<>();

		void apply(Lifecycle.Action action) {
			TicketStatus before = status;
			TicketStatus next = Lifecycle.after(status, beforePause, action);
			if (action == Lifecycle.Action.PAUSE) {
				beforePause = before;
			}
			if (action == Lifecycle.Action.RESUME) {
				beforePause = null;
			}
			if (action == Lifecycle.Action.REOPEN) {
				marks.clear();
			}
			if (action == Lifecycle.Action.DISPATCH || action == Lifecycle.Action.RESPOND || action == Lifecycle.Action.RESOLVE) {
				marks.add(next);
			}
			status = next;
		}
	}

	@Test
	void theFourMarksInOrder() {
		Model m = new Model();
		m.apply(Lifecycle.Action.DISPATCH);
		m.apply(Lifecycle.Action.RESPOND);
		m.apply(Lifecycle.Action.RESOLVE);
		assertThat(m.status).isEqualTo(TicketStatus.RESOLVED);
		m.apply(Lifecycle.Action.CLOSE);
		m.apply(Lifecycle.Action.REOPEN);
		assertThat(m.status).isEqualTo(TicketStatus.REOPENED);
		assertThat(Lifecycle.nextMark(m.status, null)).isEqualTo(Mark.DISPATCHED);
	}

	@Test
	void notAllowedIsRefusedWithTheActionAndStatus() {
		assertThatThrownBy(() -> Lifecycle.after(TicketStatus.CANCELLED, null, Lifecycle.Action.DISPATCH))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> {
				assertThat(e.code()).isEqualTo("TICKET_ACTION_NOT_ALLOWED");
				assertThat(e.args()).extracting(a -> ((org.springframework.context.MessageSourceResolvable) a).getCodes()[0])
					.containsExactly("ticket.action.dispatch", "ticket.status.CANCELLED");
			});
		assertThatThrownBy(() -> Lifecycle.after(TicketStatus.RECORDED, null, Lifecycle.Action.RESOLVE))
			.isInstanceOf(HeatDeskException.class);
	}

	@Test
	void aPauseReturnsToWhereItStopped() {
		Model m = new Model();
		m.apply(Lifecycle.Action.DISPATCH);
		m.apply(Lifecycle.Action.PAUSE);
		assertThat(m.status).isEqualTo(TicketStatus.PENDING_CUSTOMER);
		assertThat(Lifecycle.nextMark(m.status, m.beforePause)).isEqualTo(Mark.RESPONDED);
		m.apply(Lifecycle.Action.RESUME);
		assertThat(m.status).isEqualTo(TicketStatus.DISPATCHED);
	}

	@Test
	void anySequenceKeepsTheRules() {
		Lifecycle.Action[] all = Lifecycle.Action.values();
		forAll(500, random -> {
			List<Lifecycle.Action> actions = new java.util.ArrayList<>();
			for (int i = random.nextInt(41); i > 0; i--) {
				actions.add(all[random.nextInt(all.length)]);
			}
			anySequenceKeepsTheRules(actions);
		});
	}

	private void anySequenceKeepsTheRules(List<Lifecycle.Action> actions) {
		Model m = new Model();
		for (Lifecycle.Action action : actions) {
			TicketStatus before = m.status;
			boolean allowed = Lifecycle.allowed(m.status, action);
			try {
				m.apply(action);
				assertThat(allowed).isTrue();
			}
			catch (HeatDeskException e) {
				// a refusal changes nothing
				assertThat(allowed).isFalse();
				assertThat(m.status).isEqualTo(before);
				continue;
			}
			if (m.status == TicketStatus.RESOLVED && action == Lifecycle.Action.RESOLVE) {
				// resolved only after dispatched and responded, in that order, since the last (re)opening
				assertThat(m.marks).containsExactly(TicketStatus.DISPATCHED, TicketStatus.RESPONDED, TicketStatus.RESOLVED);
			}
			if (before == TicketStatus.CANCELLED) {
				assertThat(action).isIn(Lifecycle.Action.NOTE);
				assertThat(m.status).isEqualTo(TicketStatus.CANCELLED);
			}
			if (action == Lifecycle.Action.RESUME) {
				assertThat(m.status).isNotEqualTo(TicketStatus.PENDING_CUSTOMER);
			}
			// an open ticket always owes a next mark; a finished one none
			assertThat(Lifecycle.nextMark(m.status, m.beforePause) != null).isEqualTo(m.status.open());
		}
	}
}
