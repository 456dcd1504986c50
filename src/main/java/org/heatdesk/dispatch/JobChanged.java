package org.heatdesk.dispatch;

/** A field job was dispatched or changed (a step, a re-dispatch); published after each change. */
public record JobChanged(long jobId, String ticketNo, long technicianId, JobStatus status) {
}
