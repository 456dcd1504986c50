/**
 * The public portal (article 5(一), 7(一)): pages for every heat customer, without a login, made for
 * a phone. What the company publishes (commitments, service items and procedures, hotlines, fees,
 * the season, the indoor temperature standard, refunds — maintained by managers with approval), the
 * outages now with a lookup by address or account, the monthly service figures from reporting; and
 * a customer's own requests, their progress and ratings. Personal data never leaves masked form
 * here: whoever opens these pages is nobody we know.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal",
		allowedDependencies = { "platform", "customer", "network", "ticket", "contact", "notification", "followup",
				"knowledge", "reporting" })
package org.heatdesk.portal;
