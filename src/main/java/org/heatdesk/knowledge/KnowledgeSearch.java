package org.heatdesk.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds the published, unexpired articles for what a caller said, as the agent types it. The
 * index's text score is raised a little by how often agents marked the article as having answered
 * the caller ({@code answered_count}, read fresh from the database for the candidates), so that of
 * two equally fitting articles the one that works comes first without a popular article pushing a
 * fitting one out.
 */
@Service
public class KnowledgeSearch {

	static final int MAX_LIMIT = 50;

	/** Weight of the answered count: a factor of 1 + 0.08·ln(1 + count), ×1.37 at 100 marks. */
	static final double ANSWERED_WEIGHT = 0.08;

	private static final int SNIPPET = 90;

	private final SearchIndex index;

	private final Articles articles;

	private final JdbcClient jdbc;

	KnowledgeSearch(SearchIndex index, Articles articles, JdbcClient jdbc) {
		this.index = index;
		this.articles = articles;
		this.jdbc = jdbc;
	}

	/** Published, unexpired articles for what a caller said; empty or blank query → empty list; a query is cut at 200 chars. */
	public List<ArticleHit> search(String query, int limit) {
		if (query == null || query.isBlank() || limit <= 0) {
			return List.of();
		}
		String q = query.strip();
		if (q.length() > SearchEngine.MAX_QUERY) {
			q = q.substring(0, SearchEngine.MAX_QUERY);
		}
		int n = Math.min(limit, MAX_LIMIT);
		SearchEngine engine = index.engine();
		SynonymSet synonyms = index.synonyms();
		List<SearchEngine.Found> found = engine.search(q, Math.max(n * 3, 20), articles.today(), synonyms);
		if (found.isEmpty()) {
			return List.of();
		}
		record Row(long id, String title, String body, String category, String tags, int answered) {
		}
		Map<Long, Row> rows = new HashMap<>();
		jdbc.sql("""
				select a.id, v.title, v.body, v.category, v.tags, a.answered_count
				from knowledge_article a join knowledge_article_version v on v.article_id = a.id and v.status = 'PUBLISHED'
				where a.id = any(?)""")
			.param(found.stream().mapToLong(SearchEngine.Found::id).boxed().toArray(Long[]::new))
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getInt(6)))
			.list()
			.forEach(r -> rows.put(r.id(), r));
		Set<String> marked = engine.markedWords(q, synonyms);
		List<ArticleHit> hits = new ArrayList<>();
		for (SearchEngine.Found f : found) {
			Row r = rows.get(f.id());
			if (r == null) {
				continue; // unpublished since the index saw it
			}
			double score = f.score() * (1 + ANSWERED_WEIGHT * Math.log1p(r.answered()));
			List<String> tags = r.tags() == null || r.tags().isBlank() ? List.of() : Arrays.asList(r.tags().split(","));
			hits.add(new ArticleHit(r.id(), r.title(), snippet(ArticleBodies.text(r.body()), marked), r.category(), tags,
					Math.round(score * 1000) / 1000.0, r.answered()));
		}
		hits.sort(Comparator.comparingDouble(ArticleHit::score).reversed());
		return hits.size() > n ? new ArrayList<>(hits.subList(0, n)) : hits;
	}

	/** A piece of {@code text} around the first marked word, each marked word in 【】. */
	static String snippet(String text, Set<String> marked) {
		int first = -1;
		for (String w : marked) {
			int at = text.indexOf(w);
			if (at >= 0 && (first < 0 || at < first)) {
				first = at;
			}
		}
		int start = first < 0 ? 0 : Math.max(0, first - 20);
		int end = Math.min(text.length(), start + SNIPPET);
		String piece = text.substring(start, end);
		List<String> byLength = new ArrayList<>(marked);
		byLength.sort(Comparator.comparingInt(String::length).reversed());
		StringBuilder out = new StringBuilder();
		int i = 0;
		outer: while (i < piece.length()) {
			for (String w : byLength) {
				if (!w.isEmpty() && piece.startsWith(w, i)) {
					out.append('【').append(w).append('】');
					i += w.length();
					continue outer;
				}
			}
			out.append(piece.charAt(i++));
		}
		return (start > 0 ? "…" : "") + out + (end < text.length() ? "…" : "");
	}
}
