package org.heatdesk.platform;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * Input every API and form must refuse before it reaches PostgreSQL, which would answer with an
 * error instead: a NUL character (text columns cannot hold U+0000) and times outside any year a heat
 * customer's record can be about (timestamptz ends at year 294276; the business ends much earlier).
 * Platform applies these to every JSON body, request parameter and upload name; a module that
 * parses text itself (a date inside a JSON string, a CSV cell) calls them. It also holds the small
 * helpers every form and API reads its text fields with ({@link #trim}, {@link #required},
 * {@link #optional}), so that a blank field means the same everywhere: not given.
 */
public final class InputChecks {

	/** The first year accepted in a date or time. */
	public static final int MIN_YEAR = 1900;

	/** The last year accepted in a date or time. */
	public static final int MAX_YEAR = 2999;

	private static final Instant FIRST = Instant.parse(MIN_YEAR + "-01-01T00:00:00Z");

	private static final Instant END = Instant.parse((MAX_YEAR + 1) + "-01-01T00:00:00Z");

	private InputChecks() {
	}

	/** Whether {@code value} holds a character no text column can store. */
	public static boolean hasControlCharacter(String value) {
		return value != null && value.indexOf('\u0000') >= 0;
	}

	/** @throws HeatDeskException {@code TEXT_CONTROL_CHARACTER} (400) naming {@code field} */
	public static String text(String value, String field) {
		if (hasControlCharacter(value)) {
			throw controlCharacter(field);
		}
		return value;
	}

	/** The refusal of a text holding U+0000. */
	public static HeatDeskException controlCharacter(String field) {
		String name = printable(field);
		return HeatDeskException.badInput("TEXT_CONTROL_CHARACTER", name, name == null ? "" : name);
	}

	/** Whether the year of {@code year} lies in {@link #MIN_YEAR}..{@link #MAX_YEAR}. */
	public static boolean sensibleYear(long year) {
		return year >= MIN_YEAR && year <= MAX_YEAR;
	}

	/** Whether {@code t} lies in the years {@link #MIN_YEAR}..{@link #MAX_YEAR} (UTC). */
	public static boolean sensible(Instant t) {
		return t == null || !t.isBefore(FIRST) && t.isBefore(END);
	}

	/** @throws HeatDeskException {@code DATE_OUT_OF_RANGE} (400) naming {@code field} */
	public static Instant instant(Instant t, String field) {
		if (!sensible(t)) {
			throw dateOutOfRange(field);
		}
		return t;
	}

	/** The refusal of a date outside the sensible years. */
	public static HeatDeskException dateOutOfRange(String field) {
		String name = printable(field);
		// years as text: a number argument would be formatted "1,900"
		return HeatDeskException.badInput("DATE_OUT_OF_RANGE", name, name == null ? "" : name, String.valueOf(MIN_YEAR),
				String.valueOf(MAX_YEAR));
	}

	/** A field name as it can be shown and stored (a NUL in a parameter's own name is written out). */
	public static String printable(String field) {
		return field == null ? null : field.replace("\u0000", "\\u0000");
	}

	/** Whether {@code value} is missing: {@code null}, empty or only white space. */
	public static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** {@code value} without leading and trailing white space; {@code null} when {@link #blank}. */
	public static String trim(String value) {
		return blank(value) ? null : value.strip();
	}

	/**
	 * A text field that must be given: trimmed.
	 * @throws HeatDeskException {@code REQUIRED} (400) when blank, {@code TOO_LONG} when longer than {@code max}
	 */
	public static String required(String value, String field, int max) {
		String v = trim(value);
		if (v == null) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		return maxLength(v, field, max);
	}

	/**
	 * A text field that may be left out: trimmed, {@code null} when blank.
	 * @throws HeatDeskException {@code TOO_LONG} (400) when longer than {@code max}
	 */
	public static String optional(String value, String field, int max) {
		return maxLength(trim(value), field, max);
	}

	/**
	 * {@code value} as it is, when it is no longer than {@code max} characters ({@code null} passes).
	 * @throws HeatDeskException {@code TOO_LONG} (400) naming {@code field}
	 */
	public static String maxLength(String value, String field, int max) {
		if (value != null && value.length() > max) {
			throw HeatDeskException.badInput("TOO_LONG", field, max);
		}
		return value;
	}

	/**
	 * The text of a JSON body's {@code field} as it was sent: {@code null} when absent or {@code null},
	 * a number or boolean as its text, an object or array as its JSON (for the caller to refuse).
	 */
	public static String jsonText(JsonNode node, String field) {
		JsonNode v = node.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		return v.isValueNode() ? v.asString() : v.toString();
	}
}
