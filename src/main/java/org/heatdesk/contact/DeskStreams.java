package org.heatdesk.contact;

import org.heatdesk.platform.EventStreams;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams open on this node: each agent's desk (screen pops, presence, call status, queue
 * figures) and the wallboards ({@link EventStreams} keeps them and closes them on shutdown).
 */
@Component
class DeskStreams extends EventStreams {

	private static final String DESK = "desk:";

	private static final String WALLBOARD = "wallboard";

	SseEmitter openDesk(String username) {
		return open(DESK + username);
	}

	SseEmitter openWallboard() {
		return open(WALLBOARD);
	}

	/** Sends a pop to every desk stream of its agent on this node. */
	void deliver(ScreenPops.Pop pop) {
		send(DESK + pop.username(), "pop",
				"{\"callId\":" + pop.callId() + ",\"switchCallId\":\"" + jsonEscape(pop.switchCallId()) + "\"}");
	}

	/** Sends an event to every desk stream of one agent on this node (presence, a call's status). */
	void toDesk(String username, String event, String data) {
		send(DESK + username, event, data);
	}

	boolean hasDesk(String username) {
		return count(DESK + username) > 0;
	}

	boolean hasDesks() {
		return countInGroups(DESK) > 0;
	}

	boolean hasWallboards() {
		return count(WALLBOARD) > 0;
	}

	int openDeskStreams() {
		return countInGroups(DESK);
	}

	void toDesks(String event, String data) {
		sendToGroups(DESK, event, data);
	}

	void toWallboards(String event, String data) {
		send(WALLBOARD, event, data);
	}

	@Scheduled(fixedDelay = 20_000)
	void heartbeat() {
		ping();
	}

	static String jsonEscape(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder b = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		return b.toString();
	}
}
