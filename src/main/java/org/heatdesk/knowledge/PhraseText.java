package org.heatdesk.knowledge;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a phrase's placeholders ({@code {company}}, {@code {surname}}, {@code {title}},
 * {@code {agentNo}}). An unknown placeholder is left as written so an editor sees the typo on the
 * desk rather than a silent gap; a known one without a value becomes empty, except the title, which
 * is 先生/女士 until the agent knows better.
 */
final class PhraseText {

	static final java.util.List<String> PLACEHOLDERS = java.util.List.of("company", "surname", "title", "agentNo");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

	private PhraseText() {
	}

	/** The title said when the caller's is not known. */
	static final String ANY_TITLE = "先生/女士";

	static String fill(String template, Map<String, String> values) {
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			String value;
			if (!PLACEHOLDERS.contains(name)) {
				value = m.group();
			}
			else if (name.equals("title")) {
				String t = values.get("title");
				value = t == null || t.isBlank() ? ANY_TITLE : t;
			}
			else {
				String v = values.get(name);
				value = v == null ? "" : v;
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** A caller's surname as agents say it: the first character of the name on file (masked or not). */
	static String surnameOf(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		String s = name.strip();
		int first = s.codePointAt(0);
		// a masked or odd name ("*", "1号楼") gives no surname
		return Character.isLetter(first) && Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN
				? new String(Character.toChars(first)) : "";
	}

	/** 先生 or 女士 as given; anything else (unknown) is {@code null}, filled as {@link #ANY_TITLE}. */
	static String titleOf(String title) {
		return "先生".equals(title) || "女士".equals(title) ? title : null;
	}
}
