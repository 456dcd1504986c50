/**
 * Reporting: the standard-compliance report and the service figures. Every measurable rule of the
 * service standard is a {@link org.heatdesk.reporting.ComplianceFigure}, counted per day and scope
 * from the records; closed days are rolled up, the current day is computed live. Cross-module reads
 * of other modules' records for figures happen here (or in a figure a module contributes through the
 * SPI), nowhere else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
		allowedDependencies = { "platform", "staff", "customer", "network", "ticket", "contact", "dispatch",
				"followup", "knowledge", "notification" })
package org.heatdesk.reporting;
