package org.heatdesk.shift;

import java.time.Instant;

/**
 * One thing a shift hands over, prepared from the records: an open ticket and its deadline, a call
 * waiting for a call-back, an active outage, an equipment fault, a directive not yet done.
 * {@code clear} is the one of the three clears it belongs to ({@code HANDOVER} 交接清: what moves;
 * {@code SITUATION} 情况清: the state of things; {@code PROBLEM} 问题清: what is wrong and not yet
 * solved). {@code overdue} items come first. {@code text} is already in the reader's language.
 */
record HandoverItem(String source, String clear, String reference, String text, Instant due, boolean overdue,
		String link) {
}
