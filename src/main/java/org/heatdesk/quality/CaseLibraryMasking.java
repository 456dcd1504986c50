package org.heatdesk.quality;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Personal data out of a case's texts before they are stored: the case library is read by every
 * agent, so a mobile number keeps only its first three and last four digits, any other run of six
 * or more digits (a landline, an account number, an ID number) is starred, a room of a
 * building-unit-room address is starred, and the customer's name (when known) keeps its first
 * character. Pure.
 */
final class CaseLibraryMasking {

	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");

	private static final Pattern DIGITS = Pattern.compile("(?<![\\d*])\\d{6,}(?![\\d*])");

	private static final Pattern ROOM = Pattern.compile("(?<!\\d)(\\d{1,3})-(\\d{1,2})-\\d{2,5}(?!\\d)");

	private CaseLibraryMasking() {
	}

	static String text(String text, Collection<String> names) {
		if (text == null) {
			return null;
		}
		String t = ID_NUMBER.matcher(text).replaceAll("******************");
		t = MOBILE.matcher(t).replaceAll("$1****$2");
		t = DIGITS.matcher(t).replaceAll(m -> "*".repeat(m.group().length()));
		t = ROOM.matcher(t).replaceAll("$1-$2-***");
		if (names != null) {
			for (String name : names) {
				if (name != null && name.strip().length() >= 2 && !name.contains("*")) {
					String n = name.strip();
					t = t.replace(n, n.charAt(0) + "*".repeat(n.length() - 1));
				}
			}
		}
		return t;
	}
}
