package org.heatdesk.ticket;

/** How fast a ticket must move; {@code URGENT} is a burst pipe or a whole building without heat. */
public enum Priority {
	URGENT, HIGH, NORMAL, LOW
}
