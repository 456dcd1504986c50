package org.heatdesk.ticket;

import java.util.Optional;

import org.heatdesk.customer.Customers;
import org.springframework.stereotype.Component;

/**
 * What the ticket module takes from the customer module at intake: that the customer exists, and
 * where they live (address, substation, community), snapshotted on the ticket.
 */
@Component
class CustomerLookup {

	record Snapshot(String address, Long substationId, Long communityId) {
		static final Snapshot NONE = new Snapshot(null, null, null);
	}

	private final Customers customers;

	CustomerLookup(Customers customers) {
		this.customers = customers;
	}

	Optional<Snapshot> snapshot(long customerId) {
		return customers.find(customerId).map(c -> new Snapshot(c.address(), c.substationId(), c.communityId()));
	}
}
