package org.heatdesk.staff;

import org.heatdesk.platform.HeatDeskException;

/** Passwords have at least ten characters, with letters and digits. */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 72; // BCrypt reads no further

	private PasswordPolicy() {
	}

	static void check(String password, String field) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw HeatDeskException.badInput("PASSWORD_TOO_SHORT", field, MIN_LENGTH);
		}
		if (password.length() > MAX_LENGTH) {
			throw HeatDeskException.badInput("TOO_LONG", field, MAX_LENGTH);
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		if (!letter || !digit) {
			throw HeatDeskException.badInput("PASSWORD_LETTERS_AND_DIGITS", field);
		}
	}
}
