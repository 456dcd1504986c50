package org.heatdesk.customer;

import java.math.BigDecimal;
import java.util.List;

/**
 * A customer as other modules see it. The personal data ({@code name}, {@code phones},
 * {@code idNumber}) is ALREADY MASKED as the current user's role requires (see
 * {@code docs/customer.md}); never show anything else to the user.
 * @param phones mobile numbers as {@code 138****1234}, landlines as {@code 0531-****4567} when masked
 * @param idNumber {@code null} when the customer gave none; masked to its first 3 and last 4 characters
 * @param address the formatted address, e.g. {@code 翠园小区 3-2-501}
 * @param substationId the substation serving the address, {@code null} when not known
 */
public record CustomerView(long id, String accountNo, String name, List<String> phones, String idNumber,
		long communityId, String communityName, String building, String unit, String room, String address,
		BigDecimal heatedArea, Long substationId, HeatingStatus heatingStatus) {

	/** The building-unit-room part of the address, e.g. {@code 3-2-501}. */
	public String dwelling() {
		return building + "-" + unit + "-" + room;
	}
}
