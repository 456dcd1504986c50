package org.heatdesk.notification;

/** A mainland mobile number in its stored form, from what a caller or a gateway gives. */
final class Mobile {

	private Mobile() {
	}

	/** The 11 digits of a mobile number ({@code +86 138-0531-1234} → {@code 13805311234}), or {@code null}. */
	static String of(String input) {
		if (input == null) {
			return null;
		}
		String digits = input.replaceAll("[^0-9]", "");
		if (digits.startsWith("86") && digits.length() == 13) {
			digits = digits.substring(2);
		}
		return digits.matches("1[3-9][0-9]{9}") ? digits : null;
	}
}
