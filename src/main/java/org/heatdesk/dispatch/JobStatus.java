package org.heatdesk.dispatch;

/**
 * Where a field job stands. Four states are active (the technician holds the ticket and the job
 * counts in his load); the other four end it.
 */
public enum JobStatus {

	DISPATCHED(true), ACCEPTED(true), ON_THE_WAY(true), ON_SITE(true), DECLINED(false), DONE(false), NOT_DONE(false),
	WITHDRAWN(false);

	private final boolean active;

	JobStatus(boolean active) {
		this.active = active;
	}

	/** Whether the job is still in progress. */
	public boolean active() {
		return active;
	}
}
