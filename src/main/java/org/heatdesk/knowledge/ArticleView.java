package org.heatdesk.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of an article as a page shows it.
 * @param body cleaned rich text (see {@link ArticleBodies}): safe to insert as it is
 * @param status DRAFT, APPROVED, PUBLISHED, SUPERSEDED or REJECTED
 * @param expired whether {@code validTo} lies before today (search no longer finds it)
 */
public record ArticleView(long id, String slug, int version, String title, String body, String category,
		List<String> tags, LocalDate validFrom, LocalDate validTo, String status, String writtenBy, Instant writtenAt,
		String approvedBy, Instant approvedAt, String publishedBy, Instant publishedAt, int answeredCount,
		boolean expired) {
}
