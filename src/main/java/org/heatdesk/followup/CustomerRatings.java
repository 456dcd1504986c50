package org.heatdesk.followup;

import org.heatdesk.platform.HeatDeskException;
import org.springframework.stereotype.Service;

/**
 * The follow-up's satisfaction from the customer's own hand (portal-b, issue 18): the public portal
 * rates a resolved ticket here once it has checked the ticket's number with its phone. A low rating
 * (dissatisfied) reopens the ticket as a dissatisfied follow-up does; any other closes it.
 */
@Service
public class CustomerRatings {

	private final FollowUps followUps;

	CustomerRatings(FollowUps followUps) {
		this.followUps = followUps;
	}

	/** What the customer said and when it was recorded. */
	public record Rated(String ticketNo, int round, String satisfaction, boolean reopened) {
	}

	/**
	 * Records the customer's rating of the ticket's current round.
	 * @param satisfaction {@code VERY_SATISFIED}, {@code SATISFIED}, {@code NEUTRAL} or {@code DISSATISFIED}
	 * @param comment the customer's words, or {@code null}
	 * @throws HeatDeskException 400 {@code REQUIRED}/{@code FOLLOWUP_SATISFACTION_INVALID} (field
	 *     {@code satisfaction}), {@code TOO_LONG} (field {@code comment}); 404 {@code TICKET_NOT_FOUND};
	 *     409 {@code FOLLOWUP_TICKET_NOT_RESOLVED}, {@code FOLLOWUP_ALREADY_DONE}
	 */
	public Rated rate(String ticketNo, String satisfaction, String comment) {
		FollowUpView v = followUps.recordPortalRating(ticketNo, satisfaction, comment);
		return new Rated(v.ticketNo(), v.round(), v.satisfaction().name(), v.satisfaction() == Satisfaction.DISSATISFIED);
	}

	/**
	 * The satisfaction the customer (or the follow-up) recorded for the ticket's round, or {@code null}
	 * while none is recorded.
	 */
	public String ratingOf(String ticketNo, int round) {
		return followUps.forTicket(ticketNo)
			.stream()
			.filter(v -> v.round() == round && v.satisfaction() != null)
			.map(v -> v.satisfaction().name())
			.findFirst()
			.orElse(null);
	}
}
