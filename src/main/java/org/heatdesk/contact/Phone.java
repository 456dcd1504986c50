package org.heatdesk.contact;

/** How a caller's number is shown on screens: 138****5678, as the customer module masks phones. */
final class Phone {

	private Phone() {
	}

	static String masked(String phone) {
		if (phone == null) {
			return null;
		}
		String p = phone.strip();
		if (p.length() < 8) {
			return p.length() <= 2 ? "**" : p.substring(0, 1) + "*".repeat(p.length() - 2) + p.substring(p.length() - 1);
		}
		return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
	}
}
