package org.heatdesk.portal;

import java.util.ArrayList;
import java.util.List;

/**
 * A published text as a manager types it, into blocks a page renders escaped: paragraphs split by
 * an empty line, and lists of lines that begin with {@code -}, {@code ·} or {@code •}. No markup is
 * taken from the text, so nothing a writer types can run on a customer's phone.
 */
final class PublishedContentText {

	record Block(boolean list, List<String> lines) {

		/** A paragraph's lines as one text, its line breaks kept ({@code white-space: pre-line}). */
		public String text() {
			return String.join("\n", lines);
		}
	}

	private PublishedContentText() {
	}

	static List<Block> blocks(String text) {
		List<Block> blocks = new ArrayList<>();
		if (text == null) {
			return blocks;
		}
		List<String> paragraph = new ArrayList<>();
		List<String> items = new ArrayList<>();
		for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
			String line = raw.strip();
			String item = item(line);
			if (line.isEmpty()) {
				flush(blocks, paragraph, false);
				flush(blocks, items, true);
			}
			else if (item != null) {
				flush(blocks, paragraph, false);
				items.add(item);
			}
			else {
				flush(blocks, items, true);
				paragraph.add(line);
			}
		}
		flush(blocks, paragraph, false);
		flush(blocks, items, true);
		return blocks;
	}

	private static String item(String line) {
		for (String mark : new String[] { "- ", "· ", "·", "• ", "•" }) {
			if (line.startsWith(mark) && line.length() > mark.length()) {
				return line.substring(mark.length()).strip();
			}
		}
		return null;
	}

	private static void flush(List<Block> blocks, List<String> lines, boolean list) {
		if (!lines.isEmpty()) {
			blocks.add(new Block(list, List.copyOf(lines)));
			lines.clear();
		}
	}
}
