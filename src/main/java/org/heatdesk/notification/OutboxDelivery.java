package org.heatdesk.notification;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's delivery thread: drains the outbox when woken (messages committed on this node) and every
 * poll interval (another node's messages, retries and quiet hours coming due, a restart). Every node runs
 * it; {@code skip locked} keeps them apart. On shutdown it finishes the message in flight and gives the
 * rest of its batch back.
 */
@Component
class OutboxDelivery implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

	private static final Object WAKE_KEY = new Object();

	private final DeliveryProperties properties;

	private final OutboxWorker worker;

	private final Clock clock;

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final AtomicInteger paused = new AtomicInteger();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition wake = lock.newCondition();

	private final ReentrantLock working = new ReentrantLock();

	private boolean woken;

	private volatile Thread thread;

	OutboxDelivery(JdbcClient jdbc, PlatformTransactionManager transactions, SmsGateway gateway,
			DeliveryProperties properties, Clock clock, MeterRegistry registry) {
		this.properties = properties;
		this.clock = clock;
		this.worker = new OutboxWorker(jdbc, new TransactionTemplate(transactions), gateway, properties.delivery(),
				nodeId(properties.delivery().nodeId()), clock, new DeliveryMetrics(registry, jdbc, clock),
				() -> stopping.get() || paused.get() > 0);
	}

	static String nodeId(String configured) {
		if (configured != null && !configured.isBlank()) {
			return configured.strip();
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception e) {
			host = "node";
		}
		// host and pid: a restarted process is a new node, and the old one's leases run out
		return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
	}

	String node() {
		return worker.node();
	}

	/**
	 * Messages were queued: wake up once after the commit. A plain listener registering a synchronisation,
	 * not a {@code @TransactionalEventListener}: Spring Modulith stores a publication row for every event
	 * a transactional listener hears, 20,000 of them for an outage notice; this costs nothing per message.
	 */
	@EventListener
	void queued(MessagesQueued event) {
		if (event.earliest() != null && event.earliest().isAfter(clock.instant().plusSeconds(1))) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			wake();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(WAKE_KEY)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(WAKE_KEY, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_KEY);
				if (status == STATUS_COMMITTED) {
					wake();
				}
			}
		});
	}

	/** Looks at the outbox now rather than at the next poll. */
	void wake() {
		lock.lock();
		try {
			woken = true;
			wake.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Holds this node's delivery (the tests' own nodes work the outbox meanwhile) until the returned handle
	 * is closed; waits for a batch in progress to end first.
	 */
	AutoCloseable pause() {
		paused.incrementAndGet();
		working.lock();
		working.unlock();
		return () -> {
			if (paused.decrementAndGet() == 0) {
				wake();
			}
		};
	}

	private void run() {
		while (!stopping.get()) {
			if (paused.get() == 0) {
				working.lock();
				try {
					worker.drain();
				}
				catch (RuntimeException e) {
					// the database away for a moment: try again at the next poll
					log.warn("outbox: delivery on {} stopped for now: {}", worker.node(), e.toString());
				}
				finally {
					working.unlock();
				}
			}
			lock.lock();
			try {
				if (!woken && !stopping.get()) {
					wake.await(properties.delivery().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				}
				woken = false;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				lock.unlock();
			}
		}
	}

	@Override
	public void start() {
		if (!properties.delivery().enabled() || thread != null) {
			return;
		}
		stopping.set(false);
		Thread t = new Thread(this::run, "outbox-delivery");
		t.setDaemon(true);
		thread = t;
		t.start();
		log.info("outbox: delivering as {} through the {} gateway", worker.node(), properties.gateway());
	}

	@Override
	public void stop() {
		Thread t = thread;
		if (t == null) {
			return;
		}
		stopping.set(true);
		wake();
		try {
			// the message in flight finishes (a gateway call is bounded by its timeouts); the rest are given back
			t.join(properties.http().connectTimeout().plus(properties.http().readTimeout()).toMillis() + 2_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		thread = null;
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}
}
