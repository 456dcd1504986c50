package org.heatdesk.contact;

/**
 * Carries an update for one agent's desk (presence, the status of a call on it) to the node where
 * the desk's event stream is open, once the change that caused it has committed: on one node
 * directly ({@code heatdesk.contact.fanout=local}), with several through PostgreSQL {@code NOTIFY}
 * ({@code heatdesk.contact.fanout=postgres}), like the screen pop.
 */
interface DeskEvents {

	/** Sends event {@code event} with the JSON {@code data} to {@code username}'s desks, after the current commit. */
	void send(String username, String event, String data);

	/** Whether an update for {@code username} can reach anyone (false only when no desk of theirs is open here, on one node). */
	boolean wanted(String username);
}
