package org.heatdesk.platform;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way a module pushes a live update to the pages that show it (the desk, the wallboard, the
 * overdue board): {@link #publish} an event with a JSON payload on a topic ({@code desk:agent1},
 * {@code overdue-board}), and whoever {@link #subscribe subscribed} to the topic's prefix on each node
 * gets it — in practice {@link EventStreams}, which sends it to the browsers. An update never goes
 * out before the change that caused it has committed, and never after a rollback.
 * <p>
 * Delivery is set by {@code heatdesk.live.fanout}: {@code local} (one node, the default) hands the
 * update over in memory after the commit; {@code postgres} (several nodes on one database) sends it as
 * a PostgreSQL {@code NOTIFY} inside the committing transaction, PostgreSQL delivers it at the commit,
 * and every node's {@code LISTEN} connection hands it to that node's subscribers. There is one such
 * service per node; a test may build a second to play another node on the same database.
 */
public final class LiveUpdates {

	private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

	/** The PostgreSQL channel every node listens on. */
	static final String CHANNEL = "heatdesk_live";

	public enum Fanout {
		LOCAL, POSTGRES;

		/**
		 * The fan-out named by {@code heatdesk.live.fanout}, or else by the two settings it replaced
		 * ({@code heatdesk.contact.fanout}, {@code heatdesk.ticket.fanout}; {@code postgres} if either says
		 * so, since one node of several left on {@code local} would miss updates).
		 * @throws IllegalArgumentException for any value but {@code local} or {@code postgres}
		 */
		public static Fanout of(String live, String contact, String ticket) {
			if (live != null) {
				return parse("heatdesk.live.fanout", live);
			}
			Fanout c = contact == null ? LOCAL : parse("heatdesk.contact.fanout", contact);
			Fanout t = ticket == null ? LOCAL : parse("heatdesk.ticket.fanout", ticket);
			return c == POSTGRES || t == POSTGRES ? POSTGRES : LOCAL;
		}

		private static Fanout parse(String setting, String value) {
			try {
				return valueOf(value.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(setting + " must be local or postgres, not " + value);
			}
		}
	}

	/** One update: {@code event} with the JSON {@code payload} on {@code topic}. */
	public record Update(String topic, String event, String payload) {
	}

	/** Takes the updates of the topics it subscribed to, on this node. */
	public interface Subscriber {

		void deliver(Update update);

		/** Whether anyone here wants updates of {@code topic} (lets a single node skip work nobody would see). */
		default boolean listensTo(String topic) {
			return true;
		}
	}

	private record Subscription(String prefix, Subscriber subscriber) {
	}

	private final Fanout fanout;

	private final JdbcClient jdbc;

	private final PostgresListener listener;

	private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

	/** Marks the updates a transaction already has waiting for its commit (per node, for {@link #publishOnce}). */
	private final Object pending = new Object();

	/** @param jdbc and {@code dataSource} are needed only for {@link Fanout#POSTGRES} */
	public LiveUpdates(Fanout fanout, JdbcClient jdbc, DataSource dataSource) {
		this.fanout = fanout;
		this.jdbc = fanout == Fanout.POSTGRES ? jdbc : null;
		this.listener = fanout == Fanout.POSTGRES
				? new PostgresListener(dataSource, "live-update-listener", Map.of(CHANNEL, this::heard)) : null;
	}

	/** One node, delivering in memory. */
	public static LiveUpdates local() {
		return new LiveUpdates(Fanout.LOCAL, null, null);
	}

	public Fanout fanout() {
		return fanout;
	}

	public LiveUpdates start() {
		if (listener != null) {
			listener.start();
		}
		return this;
	}

	public void stop() {
		if (listener != null) {
			listener.stop();
		}
	}

	/**
	 * Delivers to {@code subscriber} the updates whose topic starts with {@code topicPrefix}.
	 * @return what ends the subscription
	 */
	public Runnable subscribe(String topicPrefix, Subscriber subscriber) {
		Subscription s = new Subscription(topicPrefix, subscriber);
		subscriptions.add(s);
		return () -> subscriptions.remove(s);
	}

	/**
	 * Whether an update of {@code topic} can reach anyone: with several nodes always (another node may
	 * show it), on one node only when a subscriber here listens to it.
	 */
	public boolean wanted(String topic) {
		return fanout == Fanout.POSTGRES || heardHere(topic);
	}

	/** Whether a subscriber on this node listens to {@code topic}. */
	public boolean heardHere(String topic) {
		for (Subscription s : subscriptions) {
			if (topic.startsWith(s.prefix()) && s.subscriber().listensTo(topic)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Sends {@code event} to the subscribers of {@code topic} on every node once the current
	 * transaction commits (at once outside a transaction; never after a rollback).
	 */
	public void publish(String topic, String event, String payload) {
		check(topic, event);
		if (fanout == Fanout.POSTGRES) {
			// PostgreSQL sends it at this transaction's commit, to every node
			PostgresListener.notify(jdbc, CHANNEL, topic + "\t" + event + "\t" + payload);
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			deliverHere(new Update(topic, event, payload));
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deliverHere(new Update(topic, event, payload));
			}
		});
	}

	/**
	 * Like {@link #publish}, but the same update published again in the same transaction goes out only
	 * once (a sweep that escalates hundreds of tickets tells each board once).
	 */
	@SuppressWarnings("unchecked")
	public void publishOnce(String topic, String event, String payload) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			publish(topic, event, payload);
			return;
		}
		Set<String> waiting = (Set<String>) TransactionSynchronizationManager.getResource(pending);
		if (waiting == null) {
			Set<String> bound = new HashSet<>();
			waiting = bound;
			TransactionSynchronizationManager.bindResource(pending, bound);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(pending);
				}
			});
		}
		if (waiting.add(topic + "\t" + event + "\t" + payload)) {
			publish(topic, event, payload);
		}
	}

	/**
	 * Sends {@code event} now to the subscribers of {@code topic} on this node only: for what each
	 * node works out for itself (the wallboard's figures every two seconds).
	 */
	public void publishHere(String topic, String event, String payload) {
		deliverHere(new Update(topic, event, payload));
	}

	private void heard(String notification) {
		String[] f = notification.split("\t", 3);
		if (f.length == 3) {
			deliverHere(new Update(f[0], f[1], f[2]));
		}
	}

	private void deliverHere(Update update) {
		for (Subscription s : subscriptions) {
			if (update.topic().startsWith(s.prefix())) {
				try {
					s.subscriber().deliver(update);
				}
				catch (RuntimeException e) {
					// one page's trouble must not keep the update from the others, nor undo a committed change
					log.warn("live update {} on {} not delivered: {}", update.event(), update.topic(), e.toString());
				}
			}
		}
	}

	private static void check(String topic, String event) {
		if (topic.indexOf('\t') >= 0 || event.indexOf('\t') >= 0) {
			throw new IllegalArgumentException("a topic or event name with a tab: " + topic + " " + event);
		}
	}
}
