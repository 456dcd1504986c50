package org.heatdesk.platform;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A number that moves whenever something a cache copied changes: when the change is written and
 * again when its transaction ends. A copy is current only if the number it was read under (taken
 * before reading) is still the number now; so a copy read between the write and the commit is never
 * kept. For caches of one node; other nodes' changes need a time limit as well.
 */
public final class ChangeCounter {

	private final AtomicLong value = new AtomicLong();

	/** Take this before reading what is to be remembered. */
	public long current() {
		return value.get();
	}

	/** Call where the change is written (inside its transaction, if there is one). */
	public void changed() {
		value.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					value.incrementAndGet();
				}
			});
		}
	}
}
