/**
 * Follow-ups (9.3–9.4) and complaints answered in time (10.5): a resolved ticket is sampled into a
 * follow-up queue, the agent calls the customer back (or the customer rates by SMS) and records
 * satisfaction; the ticket is then closed, or reopened and sent back to whoever resolved it. The
 * customers' suggestions are collected for the managers and answered; a complaint's reply to the
 * customer is recorded against its deadline, and a complaint without one is never closed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follow-up",
		allowedDependencies = { "platform", "staff", "customer", "ticket", "contact", "notification" })
package org.heatdesk.followup;
