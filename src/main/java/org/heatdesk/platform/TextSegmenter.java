package org.heatdesk.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/**
 * Splits Chinese text into words (暖气片不热怎么办 → 暖气片 不 热 怎么办) so that PostgreSQL's
 * {@code simple} text search can index and match them: the search column holds the words separated
 * by spaces and one GIN index serves the search. In platform because every module that searches
 * Chinese text (tickets today, the knowledge base next) must split it the same way.
 */
@Component
public class TextSegmenter {

	private final Analyzer analyzer = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

	/** The words of {@code text} in order; empty for {@code null} or blank text. */
	public List<String> words(String text) {
		List<String> words = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return words;
		}
		try (TokenStream stream = analyzer.tokenStream("t", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				words.add(term.toString());
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return words;
	}

	/** The words of all {@code texts}, separated by single spaces, as a search column holds them. */
	public String segment(String... texts) {
		StringBuilder b = new StringBuilder();
		for (String t : texts) {
			for (String w : words(t)) {
				if (!b.isEmpty()) {
					b.append(' ');
				}
				b.append(w);
			}
		}
		return b.toString();
	}
}
