package org.heatdesk.ticket;

import java.util.Optional;

/**
 * A rule of another module that a ticket must meet before it is closed (followup: a complaint is
 * closed only once its reply reached the customer, 10.5). The ticket module knows only this
 * interface; every close, by a person or by the system, asks every bean of it before anything is
 * written.
 */
public interface CloseCondition {

	/**
	 * Why the ticket may not be closed now: an error code (the message key is {@code error.<code>}),
	 * answered as a 400 refusal; empty when the rule is met.
	 */
	Optional<String> refusal(TicketView t);
}
