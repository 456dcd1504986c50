package org.heatdesk.contact;

import java.time.Instant;

/**
 * A call's record changed and the change has committed: told, in the thread that made it, to what
 * shows calls live (the desk's pop and call status in {@link DeskPush}, the wallboard's figures), so
 * that the switch's doors (the REST API, the AMI adapter) and the sweep only record.
 * @param switchCallId the switch's id of the call ({@code null} from the sweep)
 * @param poppedAt the agent whose desk pops the caller now ({@code null} unless it rang at an agent)
 * @param moved the call's status or holder may have changed (answered, transferred, ended, abandoned, swept)
 * @param firstRingAt when it first rang, if known
 * @param swept closed by the sweep
 * @param outboundContactId for a call the agent makes: its contact (the follow-up page's), else {@code null}
 */
record CallChanged(long callId, String switchCallId, String poppedAt, boolean moved, Instant firstRingAt, boolean swept,
		Long outboundContactId) {

	CallChanged(long callId, String switchCallId, String poppedAt, boolean moved, Instant firstRingAt, boolean swept) {
		this(callId, switchCallId, poppedAt, moved, firstRingAt, swept, null);
	}
}
