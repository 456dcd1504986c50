package org.heatdesk.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is on duty: the roster's answer, asked by modules below the one that keeps the roster (the
 * wallboard, the dispatch board). The shift module implements it; a caller injects it as an
 * {@code ObjectProvider} and does without it when it is missing.
 */
public interface OnDuty {

	/**
	 * A team's shift: its kind ({@code DAY}, {@code EVENING}, {@code NIGHT}, {@code OFFICE}; the
	 * message {@code shift.kind.<kind>} names it), when it runs, its lead and its people.
	 * {@code handoverPending} when the hand-over into the shift that should be on duty now is not
	 * signed yet, so that this (the outgoing) shift still answers for the team's tickets.
	 */
	record DutyShift(long teamId, String teamName, String kind, Instant startsAt, Instant endsAt, Long leadId,
			String leadName, Set<Long> staffIds, boolean handoverPending) {
	}

	/** The staff members whose rostered shift holds {@code at}. */
	Set<Long> staffOnDuty(Instant at);

	/**
	 * The shift answering for the team's tickets at {@code at}: the rostered shift once the hand-over
	 * into it is signed (it may be signed before the start), the outgoing one while it is not.
	 */
	Optional<DutyShift> answering(long teamId, Instant at);

	/** {@link #answering} for every team with a rostered shift at {@code at}, by team name. */
	List<DutyShift> answeringAll(Instant at);
}
