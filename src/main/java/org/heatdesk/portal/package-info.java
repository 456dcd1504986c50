/**
 * The public portal (issue 18): published commitments, outages and monthly figures for everyone;
 * requests online, their progress and ratings for a customer, on a phone, without a login.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal",
		allowedDependencies = { "platform", "customer", "network", "ticket", "contact", "notification", "followup",
				"knowledge", "reporting" })
package org.heatdesk.portal;
