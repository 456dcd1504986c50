package org.heatdesk.contact.cti;

/**
 * A switch adapter that can place a call for an agent (the Asterisk AMI adapter's {@code Originate}):
 * the agent's phone rings and, once picked up, the customer's number is dialled. Without one the
 * agent dials on the desk phone.
 */
public interface Dialler {

	/**
	 * Asks the switch to place the call; does not wait for it to be answered.
	 * @return whether the switch took the request (connected, and it was sent)
	 */
	boolean originate(DialOrder order);

	/**
	 * @param dialId the dial request's id, given to the switch as a channel variable
	 * @param extension the agent's extension, whose phone rings first
	 * @param number the customer's number, dialled once the agent picks up
	 */
	record DialOrder(long dialId, String extension, String number) {
	}
}
