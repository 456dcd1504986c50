package org.heatdesk.reporting;

import java.time.Instant;
import java.util.List;

/**
 * The standard-compliance report of a period and scope: one line per figure of the standard, in the
 * catalogue's order, the figures no module computes yet included (not measured).
 */
public record ComplianceReport(Period period, Scope scope, String scopeName, Instant madeAt, List<ReportLine> lines) {
}
