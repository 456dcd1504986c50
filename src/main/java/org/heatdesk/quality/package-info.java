/**
 * The quality of the center's work (chapter 4.4, 5.4, 7(四) and chapter 11 of the standard): spot
 * checks of recorded calls drawn by a seeded, reproducible sample and scored against a versioned
 * rubric with fatal items, the agent's acknowledgement or dispute decided by a manager,
 * rectifications with deadlines, and the case library; the people's monthly appraisal computed
 * from the compliance figures. Its figures are {@code ComplianceFigure} beans reading its own tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality",
		allowedDependencies = { "platform", "staff", "contact", "ticket", "customer", "followup", "knowledge",
				"reporting", "shift" })
package org.heatdesk.quality;
