package org.heatdesk.ticket;

import java.util.List;

/**
 * What another module knows of a ticket and the ticket page shows, without the ticket module
 * knowing that module (dispatch implements it for a room-temperature test's result and refund).
 * Every bean of this type is asked when a ticket page is drawn.
 */
public interface TicketPanels {

	/** The panels for the ticket, in the order they are shown; empty when the module knows nothing of it. */
	List<Panel> panels(String ticketNo);

	/**
	 * A card on the ticket page.
	 * @param id the card's element id
	 * @param titleKey the message key of its heading
	 * @param facts its lines
	 */
	record Panel(String id, String titleKey, List<Fact> facts) {
	}

	/**
	 * One line of a card, resolved in the reader's language: a label and a value, each a message key
	 * with its arguments.
	 * @param tone {@code ok}, {@code warn}, {@code bad} or {@code null}: how the value is marked
	 * @param href where the value leads (a page of the other module), or {@code null}
	 */
	record Fact(String labelKey, String valueKey, List<Object> valueArgs, String tone, String href) {

		public Fact(String labelKey, String valueKey, List<Object> valueArgs, String tone) {
			this(labelKey, valueKey, valueArgs, tone, null);
		}

		public Object[] args() {
			return valueArgs.toArray();
		}
	}
}
