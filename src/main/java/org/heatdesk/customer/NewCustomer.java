package org.heatdesk.customer;

import java.math.BigDecimal;
import java.util.List;

/** A validated customer ready to be stored (phones in stored form). */
record NewCustomer(String accountNo, String name, List<String> phones, String idNumber, long communityId,
		String building, String unit, String room, BigDecimal heatedArea, Long substationId, HeatingStatus heatingStatus,
		String notes) {
}
