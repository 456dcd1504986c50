package org.heatdesk.platform;

import java.time.LocalDate;

/**
 * Published, in the writer's transaction, when a record dated on past days was entered or changed
 * (a training session recorded a week after it was held, a certificate entered after it was
 * issued): what was counted for those days may have changed. The reporting module counts them
 * again, for the compliance figures whose codes begin with {@code figures} (as STANDARD-TRACE names
 * them, e.g. {@code people.}), or for every figure when it is {@code null}.
 */
public record PastDaysChanged(LocalDate from, LocalDate to, String figures) {

	public PastDaysChanged {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("past days run from a day to the same or a later one");
		}
	}
}
