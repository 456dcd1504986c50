package org.heatdesk.contact.cti;

import java.time.Instant;

/**
 * One event as the switch posts it to {@code POST /api/v1/cti/events}.
 * @param callId the switch's call id (required)
 * @param type one of {@code RINGING ANSWERED HELD RESUMED TRANSFERRED ENDED ABANDONED RECORDING_READY} (required)
 * @param time when it happened at the switch (required; not more than a minute ahead of our clock)
 * @param caller the calling number
 * @param dialled the dialled number (the hotline)
 * @param extension the agent's extension concerned (ringing at, answered by, transferring from)
 * @param queue the queue the call waits in, when it rings at no extension yet
 * @param targetExtension for {@code TRANSFERRED}: the extension the call goes to
 * @param recordingUrl for {@code RECORDING_READY}: where the recording can be played
 * @param direction {@code INBOUND} (also when absent) or {@code OUTBOUND}: a call the agent at
 *        {@code extension} makes to {@code dialled}; read from the call's first event
 */
public record CtiEvent(String callId, String type, Instant time, String caller, String dialled, String extension,
		String queue, String targetExtension, String recordingUrl, String direction) {

	/** An event that says nothing of its direction (an inbound call, unless its first event said otherwise). */
	public CtiEvent(String callId, String type, Instant time, String caller, String dialled, String extension,
			String queue, String targetExtension, String recordingUrl) {
		this(callId, type, time, caller, dialled, extension, queue, targetExtension, recordingUrl, null);
	}

	/** Whether this event says the call is one the agent makes. */
	public boolean outbound() {
		return direction != null && direction.strip().equalsIgnoreCase("OUTBOUND");
	}
}
