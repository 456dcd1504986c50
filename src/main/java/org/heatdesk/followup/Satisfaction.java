package org.heatdesk.followup;

import java.util.Optional;

/** How satisfied the customer said they are; the SMS digit is the position, 1 to 4. */
enum Satisfaction {
	VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED;

	/** The value of a form or an API body, or empty when it is none of the four. */
	static Optional<Satisfaction> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (Satisfaction s : values()) {
			if (s.name().equals(value.strip())) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	/** The digit a customer replies by SMS (1 very satisfied … 4 dissatisfied), or empty. */
	static Optional<Satisfaction> ofDigit(String text) {
		String t = text == null ? "" : text.strip();
		if (t.length() == 1 && t.charAt(0) >= '1' && t.charAt(0) <= '4') {
			return Optional.of(values()[t.charAt(0) - '1']);
		}
		return Optional.empty();
	}
}
