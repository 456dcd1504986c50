package org.heatdesk.contact;

/**
 * Carries a screen pop to the node where the agent's desk has its event stream open. On one node
 * that is a method call ({@code heatdesk.contact.fanout=local}, the default); with several nodes
 * it goes through PostgreSQL {@code NOTIFY} and every node delivers to its own streams
 * ({@code heatdesk.contact.fanout=postgres}).
 */
interface ScreenPops {

	/** A call ringing at {@code username}'s extension. */
	record Pop(String username, long callId, String switchCallId, String caller) {
	}

	void publish(Pop pop);
}
