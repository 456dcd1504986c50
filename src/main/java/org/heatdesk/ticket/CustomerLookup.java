package org.heatdesk.ticket;

import org.springframework.stereotype.Component;

/**
 * What the ticket module needs from the customer module: whether a customer exists, and where they
 * live (address, substation, community) to snapshot on the ticket.
 */
@Component
class CustomerLookup {

	record Snapshot(String address, Long substationId, Long communityId) {
		static final Snapshot NONE = new Snapshot(null, null, null);
	}

	boolean exists(long customerId) {
		return true;
	}

	Snapshot snapshot(long customerId) {
		return Snapshot.NONE;
	}
}
