package org.heatdesk.followup;

/** The phone number as pages show it: the first three and the last four digits (as the customer module masks a mobile). */
final class Masks {

	private Masks() {
	}

	static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		String p = phone.strip();
		if (p.length() <= 7) {
			return "*".repeat(p.length());
		}
		return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
	}
}
