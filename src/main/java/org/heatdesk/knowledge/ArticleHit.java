package org.heatdesk.knowledge;

import java.util.List;

/**
 * One article found for a query.
 * @param snippet a piece of the body as plain text with the matched words in 【】
 */
public record ArticleHit(long id, String title, String snippet, String category, List<String> tags, double score,
		int answeredCount) {
}
