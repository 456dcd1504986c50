package org.heatdesk.customer;

/** Whether a customer's dwelling is heated this season. */
public enum HeatingStatus {

	/** Heated and billed. */
	HEATING,
	/** 报停: heating suspended at the customer's request for the season. */
	SUSPENDED,
	/** Cut off from the network (e.g. demolished, or disconnected for non-payment). */
	DISCONNECTED
}
