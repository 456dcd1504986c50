package org.heatdesk.knowledge;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * An article's body as it may be stored and shown: rich text (headings, paragraphs, lists, tables,
 * emphasis, links) with everything that could run removed — script, style, event handlers,
 * {@code javascript:} links, frames, forms. Cleaned when it is written, so what is stored is what is
 * shown, and the reading view can insert it as it is.
 */
final class ArticleBodies {

	private static final Safelist ALLOWED = Safelist.relaxed()
		.removeTags("img")
		.addAttributes("table", "class")
		.addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

	private ArticleBodies() {
	}

	/** {@code html} with only the allowed tags and attributes left. */
	static String clean(String html) {
		if (html == null) {
			return "";
		}
		Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
		return Jsoup.clean(html, "", ALLOWED, out).strip();
	}

	/** The body as plain text, for the index and the snippets. */
	static String text(String html) {
		return Jsoup.parse(html == null ? "" : html).text();
	}
}
