package org.heatdesk.platform;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent event streams open on this node, in named groups (one agent's desks, the wallboards,
 * the overdue boards), fed by {@link LiveUpdates}: a group is named by its topic, and an update of a
 * topic the holder subscribed to goes to that group's streams. A stream that fails or times out is
 * dropped and the browser reconnects. On shutdown every stream is closed before the web server's
 * graceful shutdown, which would otherwise wait for them (browsers reconnect to another node).
 * Subclasses are the modules' stream holders; they send a heartbeat with {@link #ping()} on their
 * own schedule.
 */
public abstract class EventStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

	private static final long TIMEOUT_MS = 30 * 60 * 1000L;

	private final Map<String, Set<SseEmitter>> groups = new ConcurrentHashMap<>();

	private final LiveUpdates live;

	private final List<String> topicPrefixes;

	private final List<Runnable> subscriptions = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	/** Holds the streams of the topics starting with {@code topicPrefixes}, subscribed while running. */
	protected EventStreams(LiveUpdates live, String... topicPrefixes) {
		this.live = live;
		this.topicPrefixes = List.of(topicPrefixes);
	}

	/** An update of a subscribed topic: by default sent to the streams of the group named by its topic. */
	protected void deliver(LiveUpdates.Update update) {
		send(update.topic(), update.event(), update.payload());
	}

	/** Whether a stream of {@code topic} is open here (so that on one node nobody works out an update no one sees). */
	protected boolean listensTo(String topic) {
		return count(topic) > 0;
	}

	/** Opens a stream in {@code group} and greets it with {@code hello}, so the page knows to catch up. */
	protected SseEmitter open(String group) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
		Set<SseEmitter> set = groups.computeIfAbsent(group, g -> new CopyOnWriteArraySet<>());
		set.add(emitter);
		Runnable remove = () -> set.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		send(emitter, "hello", "{}", set);
		return emitter;
	}

	/** Sends a JSON event to every stream of {@code group} on this node. */
	protected void send(String group, String event, String json) {
		Set<SseEmitter> set = groups.get(group);
		if (set != null) {
			set.forEach(e -> send(e, event, json, set));
		}
	}

	/** Sends a JSON event to every stream of every group whose name starts with {@code prefix}. */
	protected void sendToGroups(String prefix, String event, String json) {
		groups.forEach((name, set) -> {
			if (name.startsWith(prefix)) {
				set.forEach(e -> send(e, event, json, set));
			}
		});
	}

	/** How many streams of {@code group} are open. */
	protected int count(String group) {
		Set<SseEmitter> set = groups.get(group);
		return set == null ? 0 : set.size();
	}

	/** How many streams are open in the groups whose name starts with {@code prefix}. */
	protected int countInGroups(String prefix) {
		return groups.entrySet().stream().filter(g -> g.getKey().startsWith(prefix)).mapToInt(g -> g.getValue().size()).sum();
	}

	/** Keeps idle streams open through proxies and finds the dead ones. */
	protected void ping() {
		sendToGroups("", "ping", "{}");
	}

	private static void send(SseEmitter emitter, String name, String json, Set<SseEmitter> from) {
		try {
			synchronized (emitter) {
				emitter.send(SseEmitter.event().name(name).data(json, MediaType.APPLICATION_JSON));
			}
		}
		catch (IOException | IllegalStateException e) {
			from.remove(emitter);
			log.debug("event stream dropped: {}", e.toString());
		}
	}

	@Override
	public void start() {
		LiveUpdates.Subscriber subscriber = new LiveUpdates.Subscriber() {
			@Override
			public void deliver(LiveUpdates.Update update) {
				EventStreams.this.deliver(update);
			}

			@Override
			public boolean listensTo(String topic) {
				return EventStreams.this.listensTo(topic);
			}
		};
		if (subscriptions.isEmpty()) {
			topicPrefixes.forEach(prefix -> subscriptions.add(live.subscribe(prefix, subscriber)));
		}
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		subscriptions.forEach(Runnable::run);
		subscriptions.clear();
		groups.values().forEach(set -> set.forEach(SseEmitter::complete));
		groups.clear();
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
}
