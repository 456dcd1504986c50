/**
 * The center's own day: rosters and attendance, the shift hand-over with the three clears and two
 * signatures, the team lead's briefings, team log, directives from superiors, service incidents and
 * disputes, and the staff's suggestions and doubts (chapters 4–6 and 8, article 7(七) of the
 * standard).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shift",
		allowedDependencies = { "platform", "staff", "customer", "network", "ticket", "contact", "reporting" })
package org.heatdesk.shift;
