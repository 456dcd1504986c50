package org.heatdesk.notification;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatdesk.platform.HeatDeskException;

/**
 * A template's text with its {@code {placeholders}}. Pure: which placeholders a text uses, whether a
 * kind allows them, and the text with the values put in.
 */
final class TemplateText {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	/** A value longer than this is cut (a message is a few SMS at most; the ticket says the rest). */
	static final int VALUE_LIMIT = 120;

	private TemplateText() {
	}

	/** The placeholders the text uses, in order of first use. */
	static Set<String> placeholders(String body) {
		Set<String> names = new LinkedHashSet<>();
		Matcher m = PLACEHOLDER.matcher(body);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	/**
	 * Refuses a text that uses a placeholder the kind does not know, or that has an unclosed brace.
	 * @throws HeatDeskException 400 {@code NOTIFICATION_PLACEHOLDER_UNKNOWN} (field {@code body})
	 */
	static void check(MessageKind kind, String body) {
		String without = PLACEHOLDER.matcher(body).replaceAll("");
		if (without.indexOf('{') >= 0 || without.indexOf('}') >= 0) {
			throw HeatDeskException.badInput("NOTIFICATION_PLACEHOLDER_UNKNOWN", "body");
		}
		for (String name : placeholders(body)) {
			if (!kind.allows(name)) {
				throw HeatDeskException.badInput("NOTIFICATION_PLACEHOLDER_UNKNOWN", "body");
			}
		}
	}

	/**
	 * The text with every placeholder replaced; values are put on one line and cut at
	 * {@link #VALUE_LIMIT} characters.
	 * @throws HeatDeskException 400 {@code NOTIFICATION_VALUE_MISSING} with the placeholder as the field
	 */
	static String render(String body, Map<String, String> values) {
		Matcher m = PLACEHOLDER.matcher(body);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String v = values.get(m.group(1));
			if (v == null || v.isBlank()) {
				throw HeatDeskException.badInput("NOTIFICATION_VALUE_MISSING", m.group(1), m.group(1));
			}
			String oneLine = v.strip().replaceAll("\\s+", " ");
			if (oneLine.length() > VALUE_LIMIT) {
				oneLine = oneLine.substring(0, VALUE_LIMIT - 1) + "…";
			}
			m.appendReplacement(out, Matcher.quoteReplacement(oneLine));
		}
		m.appendTail(out);
		return out.toString();
	}
}
