package org.heatdesk.dispatch;

import java.util.EnumSet;
import java.util.Set;

/**
 * A step the technician takes on his job, with the states it may be taken from and the state it
 * leads to. Arriving without having pressed "on the way" is allowed (he may have walked over from
 * the next building); arriving before accepting is not.
 */
public enum StepKind {

	ACCEPT(EnumSet.of(JobStatus.DISPATCHED), JobStatus.ACCEPTED, "ACCEPTED"),
	DECLINE(EnumSet.of(JobStatus.DISPATCHED, JobStatus.ACCEPTED), JobStatus.DECLINED, "DECLINED"),
	ON_THE_WAY(EnumSet.of(JobStatus.ACCEPTED), JobStatus.ON_THE_WAY, "ON_THE_WAY"),
	ARRIVE(EnumSet.of(JobStatus.ACCEPTED, JobStatus.ON_THE_WAY), JobStatus.ON_SITE, "ARRIVED"),
	DONE(EnumSet.of(JobStatus.ON_SITE), JobStatus.DONE, "DONE"),
	NOT_DONE(EnumSet.of(JobStatus.ACCEPTED, JobStatus.ON_THE_WAY, JobStatus.ON_SITE), JobStatus.NOT_DONE, "NOT_DONE");

	private final Set<JobStatus> from;

	private final JobStatus to;

	private final String timeline;

	StepKind(Set<JobStatus> from, JobStatus to, String timeline) {
		this.from = from;
		this.to = to;
		this.timeline = timeline;
	}

	/** Whether the step may be taken on a job in {@code status}. */
	public boolean allowedFrom(JobStatus status) {
		return from.contains(status);
	}

	/** The job's state after the step. */
	public JobStatus to() {
		return to;
	}

	/** The step's name on the ticket's timeline ({@code FIELD_<name>}). */
	String timeline() {
		return timeline;
	}
}
