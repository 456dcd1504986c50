package org.heatdesk.contact;

/** Where an agent is: ready for a call, on a call, finishing one, away (with a reason), or signed off. */
enum PresenceState {
	READY, ON_CALL, WRAP_UP, AWAY, OFFLINE
}
