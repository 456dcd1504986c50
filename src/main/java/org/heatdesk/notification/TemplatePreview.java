package org.heatdesk.notification;

import java.util.List;

/**
 * A template's text as a customer would read it, with a ticket's values.
 * @param parts the text in pieces, each either literal text, a value filled in, or a placeholder without a value (marked)
 * @param missing the placeholders without a value
 * @param chars the characters of the message (the signature included; placeholders without a value count as their name)
 * @param segments the SMS it takes: 70 characters in one, 67 each when longer
 */
public record TemplatePreview(String ticketNo, List<Part> parts, List<String> missing, int chars, int segments) {

	/** {@code kind}: {@code TEXT}, {@code VALUE}, {@code MISSING}. */
	public record Part(String kind, String text) {
	}

	public String text() {
		StringBuilder b = new StringBuilder();
		parts.forEach(p -> b.append(p.text()));
		return b.toString();
	}
}
