package org.heatdesk.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an agent typed into the one search box, recognised as one of the forms people use:
 * a full phone number, the last four digits (optionally with a community: {@code 翠园 1234}), an
 * account number, an address the way people say it ({@code 翠园小区3号楼2单元501},
 * {@code 翠园 3-2-501}, {@code 翠园3号楼}), or a name.
 * @param phone the stored form of a full phone number
 * @param last4 four digits of a phone's end
 * @param accountNo an account number, upper-cased
 * @param communityText text that names a community (with an address or the last four digits)
 * @param building building number of an address, or {@code null}
 * @param unit unit number of an address, or {@code null}
 * @param room room number of an address, or {@code null}
 * @param text the whole query as text, for a name (or a community alone)
 */
record SearchQuery(Form form, String phone, String last4, String accountNo, String communityText, String building,
		String unit, String room, String text) {

	enum Form {
		PHONE, LAST4, ACCOUNT, ADDRESS, TEXT, EMPTY
	}

	private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z]{1,3}[0-9]{3,12}");

	private static final Pattern FOUR = Pattern.compile("[0-9]{4}");

	private static final Pattern NUMBER = Pattern.compile("[0-9]+");

	// What may stand between the numbers of an address: 号楼 栋 幢 单元 室 号 # - and spaces.
	private static final Pattern ADDRESS_REST = Pattern.compile("[0-9\\s\\-#－—号楼栋幢座单元室户/]+");

	static SearchQuery parse(String input) {
		String q = input == null ? "" : normalizeWidth(input).strip();
		if (q.isEmpty()) {
			return new SearchQuery(Form.EMPTY, null, null, null, null, null, null, null, "");
		}
		String compact = q.replaceAll("[\\s()（）]", "");
		if (compact.matches("[+0-9\\-]+")) {
			String phone = Phones.normalize(compact);
			if (phone != null) {
				return new SearchQuery(Form.PHONE, phone, null, null, null, null, null, null, q);
			}
			if (FOUR.matcher(compact).matches()) {
				return new SearchQuery(Form.LAST4, null, compact, null, null, null, null, null, q);
			}
		}
		if (ACCOUNT.matcher(compact).matches()) {
			return new SearchQuery(Form.ACCOUNT, null, null, compact.toUpperCase(), null, null, null, null, q);
		}
		int firstDigit = firstDigit(q);
		if (firstDigit < 0) {
			return new SearchQuery(Form.TEXT, null, null, null, null, null, null, null, q);
		}
		// The last four digits before or after a community: "翠园 1234", "1234 翠园".
		String[] parts = q.split("\\s+");
		if (parts.length == 2) {
			if (FOUR.matcher(parts[1]).matches() && firstDigit(parts[0]) < 0) {
				return new SearchQuery(Form.LAST4, null, parts[1], null, parts[0], null, null, null, q);
			}
			if (FOUR.matcher(parts[0]).matches() && firstDigit(parts[1]) < 0) {
				return new SearchQuery(Form.LAST4, null, parts[0], null, parts[1], null, null, null, q);
			}
		}
		String community = q.substring(0, firstDigit).strip();
		String rest = q.substring(firstDigit);
		if (!community.isEmpty() && ADDRESS_REST.matcher(rest).matches()) {
			List<String> numbers = new ArrayList<>();
			Matcher m = NUMBER.matcher(rest);
			while (m.find()) {
				numbers.add(stripZeros(m.group()));
			}
			if (numbers.size() == 1 && FOUR.matcher(rest.strip()).matches()) {
				return new SearchQuery(Form.LAST4, null, rest.strip(), null, community, null, null, null, q);
			}
			if (numbers.size() <= 3) {
				return new SearchQuery(Form.ADDRESS, null, null, null, community, numbers.get(0),
						numbers.size() > 1 ? numbers.get(1) : null, numbers.size() > 2 ? numbers.get(2) : null, q);
			}
		}
		return new SearchQuery(Form.TEXT, null, null, null, null, null, null, null, q);
	}

	private static int firstDigit(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
				return i;
			}
		}
		return -1;
	}

	private static String stripZeros(String number) {
		String s = number.replaceFirst("^0+(?=.)", "");
		return s;
	}

	/** Full-width digits, letters and the ideographic space as their ASCII forms. */
	static String normalizeWidth(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= '！' && c <= '～') {
				b.append((char) (c - 0xFEE0));
			}
			else if (c == '　') {
				b.append(' ');
			}
			else {
				b.append(c);
			}
		}
		return b.toString();
	}

	/** The community name without the usual suffix, so that 翠园 finds 翠园小区. */
	static String communityStem(String text) {
		return text == null ? null : text.strip().replaceFirst("(小区|社区|花园|家园|公寓)$", "");
	}
}
