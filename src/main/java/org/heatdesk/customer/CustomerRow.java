package org.heatdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A customer as stored, unmasked: never leaves the module. */
record CustomerRow(long id, String accountNo, String name, List<String> phones, String idNumber, long communityId,
		String communityName, String building, String unit, String room, BigDecimal heatedArea, Long substationId,
		HeatingStatus heatingStatus, String notes, int version, Instant updatedAt) {

	public String address() {
		return communityName + " " + building + "-" + unit + "-" + room;
	}

	CustomerView view(Masking masking) {
		return new CustomerView(id, accountNo, masking.name(name), phones.stream().map(masking::phone).toList(),
				masking.idNumber(idNumber), communityId, communityName, building, unit, room, address(), heatedArea,
				substationId, heatingStatus);
	}
}
