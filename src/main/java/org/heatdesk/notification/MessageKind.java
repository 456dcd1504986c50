package org.heatdesk.notification;

import java.util.Set;

/**
 * What a customer is told of (9.3, 10.5). Each kind has one approved template per channel; the
 * placeholders a template of the kind may use are fixed here, and {@code hotline} and
 * {@code company} may be used in every template.
 */
public enum MessageKind {

	TICKET_RECORDED(false, "ticketNo"),
	TICKET_DISPATCHED(false, "ticketNo", "technician", "technicianNo", "window"),
	TECHNICIAN_ARRIVED(false, "ticketNo", "technician"),
	TICKET_RESOLVED(false, "ticketNo", "result"),
	/** Asks the customer to rate the service by replying a digit 1–4. */
	FOLLOW_UP(false, "ticketNo"),
	COMPLAINT_REPLY(false, "ticketNo", "reply"),
	SUGGESTION_REPLY(false, "ticketNo", "reply"),
	OUTAGE_PUBLISHED(true, "community", "reason", "until"),
	OUTAGE_EXTENDED(true, "community", "until"),
	OUTAGE_RESTORED(true, "community"),

	// ---- portal-b (issue 18): the public portal; sent urgent (the customer waits for the code)
	/** A one-time code confirming the phone of a request made online (valid 10 minutes). */
	PORTAL_CODE(false, "code"),
	/** The number of a request made online, to the phone confirmed for it. */
	PORTAL_REQUEST_RECORDED(false, "ticketNo");

	/** The placeholders every template may use, filled from the settings. */
	public static final Set<String> COMMON = Set.of("hotline", "company");

	private final boolean broadcast;

	private final Set<String> placeholders;

	MessageKind(boolean broadcast, String... placeholders) {
		this.broadcast = broadcast;
		this.placeholders = Set.of(placeholders);
	}

	/** Whether the kind goes to every customer of a place (an outage) rather than one ticket's customer. */
	public boolean broadcast() {
		return broadcast;
	}

	/** The placeholders of this kind, without {@link #COMMON}. */
	public Set<String> placeholders() {
		return placeholders;
	}

	/** Whether a template of this kind may use {@code name}. */
	public boolean allows(String name) {
		return placeholders.contains(name) || COMMON.contains(name);
	}
}
