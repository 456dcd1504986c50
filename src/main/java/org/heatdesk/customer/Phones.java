package org.heatdesk.customer;

import java.util.regex.Pattern;

/**
 * Phone numbers in their stored form: mobiles as 11 digits ({@code 13812341234}), landlines as
 * area code, dash, number ({@code 0531-86012345}). Input may carry spaces, dashes, brackets or a
 * +86 prefix.
 */
final class Phones {

	private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

	// 010 and 02x are the three-digit area codes; all others have four digits.
	private static final Pattern LANDLINE = Pattern.compile("(0(?:10|2[0-9]|[3-9][0-9]{2}))([2-9][0-9]{6,7})");

	private Phones() {
	}

	/** The stored form of {@code input}, or {@code null} when it is not a well-formed full number. */
	static String normalize(String input) {
		if (input == null) {
			return null;
		}
		String digits = digitsOf(input);
		if (digits.startsWith("86") && digits.length() == 13 && MOBILE.matcher(digits.substring(2)).matches()) {
			digits = digits.substring(2);
		}
		if (MOBILE.matcher(digits).matches()) {
			return digits;
		}
		var landline = LANDLINE.matcher(digits);
		if (landline.matches()) {
			return landline.group(1) + "-" + landline.group(2);
		}
		return null;
	}

	static boolean isMobile(String stored) {
		return stored != null && MOBILE.matcher(stored).matches();
	}

	/** The last four digits, used with a community to find a caller who gives only those. */
	static String last4(String stored) {
		String digits = digitsOf(stored);
		return digits.substring(digits.length() - 4);
	}

	static String digitsOf(String input) {
		StringBuilder b = new StringBuilder(input.length());
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (c >= '0' && c <= '9') {
				b.append(c);
			}
			else if (c >= '０' && c <= '９') {
				b.append((char) ('0' + (c - '０')));
			}
		}
		return b.toString();
	}

	/** A full number as people read it: {@code 138 1234 5678}; landlines and masked numbers as they are. */
	public static String display(String stored) {
		if (isMobile(stored)) {
			return stored.substring(0, 3) + " " + stored.substring(3, 7) + " " + stored.substring(7);
		}
		return stored;
	}

	/** {@code 138****1234} for a mobile, {@code 0531-****2345} for a landline. */
	static String mask(String stored) {
		if (stored == null) {
			return null;
		}
		int dash = stored.indexOf('-');
		if (dash > 0) {
			String number = stored.substring(dash + 1);
			return stored.substring(0, dash + 1) + "*".repeat(Math.max(0, number.length() - 4))
					+ number.substring(Math.max(0, number.length() - 4));
		}
		if (stored.length() <= 7) {
			return "*".repeat(Math.max(0, stored.length() - 4)) + stored.substring(Math.max(0, stored.length() - 4));
		}
		return stored.substring(0, 3) + "*".repeat(stored.length() - 7) + stored.substring(stored.length() - 4);
	}
}
