package org.heatdesk.customer;

import java.util.List;

/**
 * What another module knows of a customer and the customer page shows, without the customer module
 * knowing that module (dispatch implements it for the customer's room-temperature refunds). Every
 * bean of this type is asked when a customer page is drawn.
 */
public interface CustomerPanels {

	/** The panels for the customer, in the order they are shown; empty when the module knows nothing of them. */
	List<Panel> panels(long customerId);

	/**
	 * A card on the customer page.
	 * @param id the card's element id
	 * @param titleKey the message key of its heading
	 * @param rows its rows, each a list of facts (one row per test, say)
	 */
	record Panel(String id, String titleKey, List<List<Fact>> rows) {
	}

	/**
	 * One fact, resolved in the reader's language: a label and a value, each a message key with its
	 * arguments.
	 * @param tone {@code ok}, {@code warn}, {@code bad} or {@code null}
	 * @param link a page the value links to, or {@code null}
	 */
	record Fact(String labelKey, String valueKey, List<Object> valueArgs, String tone, String link) {

		public Object[] args() {
			return valueArgs.toArray();
		}
	}
}
