package org.heatdesk.reporting;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The company's figures of one closed month as stored for publication (the public portal, 5(一)):
 * computed once the month has closed and kept, so that what was published does not move.
 * {@code figures} holds every figure of the catalogue, those not measured yet with
 * {@link FigureValue#measured()} false.
 */
public record MonthFigures(YearMonth month, Instant computedAt, List<FigureValue> figures) {
}
