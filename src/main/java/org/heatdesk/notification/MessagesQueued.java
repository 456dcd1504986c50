package org.heatdesk.notification;

import java.time.Instant;

/** Messages were queued (published in the queuing transaction): the delivery may start sooner than its next poll. */
record MessagesQueued(int count, Instant earliest) {
}
