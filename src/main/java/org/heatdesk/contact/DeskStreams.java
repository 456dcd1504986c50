package org.heatdesk.contact;

import org.heatdesk.platform.EventStreams;
import org.heatdesk.platform.LiveUpdates;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams open on this node: each agent's desk (screen pops, presence, call status, queue
 * figures) and the wallboards, fed by {@link LiveUpdates} on the topics {@code desk:<username>},
 * {@code desks} (every desk) and {@code wallboard} ({@link EventStreams} keeps them and closes them
 * on shutdown).
 */
@Component
class DeskStreams extends EventStreams {

	private static final String DESK = "desk:";

	/** Every desk on the node (the queue figures). */
	static final String DESKS = "desks";

	static final String WALLBOARD = "wallboard";

	DeskStreams(LiveUpdates live) {
		super(live, DESK, DESKS, WALLBOARD);
	}

	/** The topic of one agent's desks. */
	static String desk(String username) {
		return DESK + username;
	}

	SseEmitter openDesk(String username) {
		return open(DESK + username);
	}

	SseEmitter openWallboard() {
		return open(WALLBOARD);
	}

	@Override
	protected void deliver(LiveUpdates.Update update) {
		if (update.topic().equals(DESKS)) {
			sendToGroups(DESK, update.event(), update.payload());
		}
		else {
			super.deliver(update);
		}
	}

	@Override
	protected boolean listensTo(String topic) {
		return topic.equals(DESKS) ? countInGroups(DESK) > 0 : super.listensTo(topic);
	}

	int openDeskStreams() {
		return countInGroups(DESK);
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
