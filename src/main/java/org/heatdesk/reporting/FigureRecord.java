package org.heatdesk.reporting;

import java.time.Instant;

/**
 * One record behind a figure, for its drill-down: a late call, an overdue ticket, a late hand-over.
 * {@code reference} is what a person recognises (the ticket number, the call's time and caller
 * masked), {@code detail} a short text already in the reader's language or a message key's value,
 * {@code link} the page of the record (e.g. {@code /tickets/GR20261127-0042}) or {@code null}.
 * Personal data in it is masked: a drill-down is read by supervisors, not used to reveal.
 */
public record FigureRecord(String kind, String reference, String detail, Instant at, String link) {
}
