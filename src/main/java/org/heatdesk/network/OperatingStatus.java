package org.heatdesk.network;

/**
 * A substation's operating status. {@code NORMAL}, {@code WARNING} and {@code FAULT} are derived from
 * the latest reading and the substation's thresholds; {@code MAINTENANCE} is set by hand;
 * {@code UNKNOWN} means no reading has arrived yet.
 */
public enum OperatingStatus {
	NORMAL, WARNING, FAULT, MAINTENANCE, UNKNOWN;

	/** The CSS class of the status colour: ok (green), warn (amber), bad (red), closed (grey). */
	public String tone() {
		return switch (this) {
			case NORMAL -> "ok";
			case WARNING -> "warn";
			case FAULT -> "bad";
			case MAINTENANCE, UNKNOWN -> "closed";
		};
	}
}
