package org.heatdesk.contact;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams open on this node: each agent's desk (screen pops, presence, the popped call's
 * status, queue figures) and the wallboards. Kept in memory; a stream that fails is dropped and the
 * browser reconnects (the desk then fetches its state again). On
 * shutdown the streams are closed first, so that the web server's graceful shutdown does not wait
 * for them (browsers reconnect to another node).
 */
@Component
class DeskStreams implements SmartLifecycle {

	private volatile boolean running;

	private static final Logger log = LoggerFactory.getLogger(DeskStreams.class);

	private static final long TIMEOUT_MS = 30 * 60 * 1000L;

	private final Map<String, Set<SseEmitter>> desks = new ConcurrentHashMap<>();

	private final Set<SseEmitter> wallboards = new CopyOnWriteArraySet<>();

	SseEmitter openDesk(String username) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
		Set<SseEmitter> set = desks.computeIfAbsent(username, u -> new CopyOnWriteArraySet<>());
		set.add(emitter);
		Runnable remove = () -> set.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		send(emitter, "hello", "{}", set);
		return emitter;
	}

	SseEmitter openWallboard() {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
		wallboards.add(emitter);
		Runnable remove = () -> wallboards.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		return emitter;
	}

	/** Sends a pop to every desk stream of its agent on this node. */
	void deliver(ScreenPops.Pop pop) {
		Set<SseEmitter> set = desks.get(pop.username());
		if (set == null) {
			return;
		}
		String data = "{\"callId\":" + pop.callId() + ",\"switchCallId\":\"" + jsonEscape(pop.switchCallId()) + "\"}";
		for (SseEmitter emitter : set) {
			send(emitter, "pop", data, set);
		}
	}

	/** Sends an event to every desk stream of one agent on this node (presence, a call's status). */
	void toDesk(String username, String event, String data) {
		Set<SseEmitter> set = desks.get(username);
		if (set == null) {
			return;
		}
		for (SseEmitter emitter : set) {
			send(emitter, event, data, set);
		}
	}

	boolean hasDesk(String username) {
		Set<SseEmitter> set = desks.get(username);
		return set != null && !set.isEmpty();
	}

	boolean hasDesks() {
		return !desks.isEmpty();
	}

	boolean hasWallboards() {
		return !wallboards.isEmpty();
	}

	int openDeskStreams() {
		return desks.values().stream().mapToInt(Set::size).sum();
	}

	void toDesks(String event, String data) {
		desks.values().forEach(set -> set.forEach(e -> send(e, event, data, set)));
	}

	void toWallboards(String event, String data) {
		wallboards.forEach(e -> send(e, event, data, wallboards));
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		desks.values().forEach(set -> set.forEach(SseEmitter::complete));
		desks.clear();
		wallboards.forEach(SseEmitter::complete);
		wallboards.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before the web server's graceful shutdown, which would otherwise wait for every open stream. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	/** Keeps idle streams open through proxies and finds the dead ones. */
	@Scheduled(fixedDelay = 20_000)
	void heartbeat() {
		desks.values().forEach(set -> set.forEach(e -> send(e, "ping", "{}", set)));
		wallboards.forEach(e -> send(e, "ping", "{}", wallboards));
	}

	private static void send(SseEmitter emitter, String name, String data, Set<SseEmitter> from) {
		try {
			synchronized (emitter) {
				emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
			}
		}
		catch (IOException | IllegalStateException e) {
			from.remove(emitter);
			log.debug("event stream dropped: {}", e.toString());
		}
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
