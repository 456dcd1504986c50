/**
 * Repairs in the field (standard 4(三), 9.2–9.3, 10.2–10.3): crews and their service areas,
 * technicians' skills, certificates and duty roster, the rules of who may take which job, and the
 * refund rule table for rooms below the standard temperature. Reads people and teams from
 * {@code staff} and places from {@code network}; it never writes their tables. Field jobs tell
 * {@code ticket} what happened through its front doors; the ticket module never asks dispatch.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch", allowedDependencies = { "platform", "staff",
		"network", "ticket" })
package org.heatdesk.dispatch;
