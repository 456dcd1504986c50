/**
 * Messages to customers (standard 9.3: tell the customer how the request goes; 10.5: answer
 * complaints): templates per event and channel with their approval, and an outbox written in the
 * same transaction as the business change that causes a message and delivered after it through
 * one gateway, with retries, so that a message is never lost and never sent twice. Depends on
 * {@code platform}, {@code customer} (where a message goes, the opt-out), {@code staff} (the
 * technician named in a message), {@code network} (outages) and {@code ticket} (what happened).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification", allowedDependencies = { "platform",
		"customer", "staff", "network", "ticket" })
package org.heatdesk.notification;
