package org.heatdesk.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.TextSegmenter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Knowledge search server-side ({@link KnowledgeSearch#search}: the Lucene query, the answered
 * counts and texts of the candidates from PostgreSQL, the snippets) for the relevance questions, on
 * the seeded base and on 10,000 generated articles; beside it, in the same process and on the same
 * database, the baseline the tickets use: PostgreSQL {@code simple} text search over the same
 * segmented words (a GIN index, any word matching, ranked by {@code ts_rank}), by raw JDBC.
 * Run: {@code mvn -B -o test -Dtest=KnowledgeSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@HeatDeskTest
class KnowledgeSearchBenchmark {

	static final int GENERATED = Integer.getInteger("bench.articles", 10_000);

	static final int WARMUP = 3_000;

	static final int MEASURED = 5_000;

	@Autowired
	KnowledgeSearch search;

	@Autowired
	SearchIndex index;

	@Autowired
	TextSegmenter segmenter;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void search() throws Exception {
		List<String> questions = questions();
		StringBuilder report = new StringBuilder();
		report.append(measure("seeded base (" + published() + " articles)", questions));
		long t0 = System.nanoTime();
		generate(GENERATED);
		long generated = System.nanoTime() - t0;
		t0 = System.nanoTime();
		index.rebuild();
		long rebuilt = System.nanoTime() - t0;
		report.append(String.format("generated %d articles in %.1f s; index rebuilt from the database in %.1f s%n", GENERATED,
				generated / 1e9, rebuilt / 1e9));
		report.append(measure("with generated (" + published() + " articles)", questions));
		System.out.println("\n=== KnowledgeSearchBenchmark ===\n" + report);
	}

	private String measure(String label, List<String> questions) throws Exception {
		// the baseline's table: the same published texts, segmented as tickets' search column is
		jdbc.sql("drop table if exists bench_knowledge_fts").update();
		jdbc.sql("create table bench_knowledge_fts (id bigint primary key, words text not null, tsv tsvector)").update();
		List<Object[]> rows = new ArrayList<>();
		jdbc.sql("""
				select a.id, v.title, v.tags, v.body from knowledge_article a
				join knowledge_article_version v on v.article_id = a.id and v.status = 'PUBLISHED'""")
			.query((rs, n) -> rows.add(new Object[] { rs.getLong(1),
					segmenter.segment(rs.getString(2), rs.getString(3), ArticleBodies.text(rs.getString(4))) }))
			.list();
		new JdbcTemplate(dataSource).batchUpdate("insert into bench_knowledge_fts (id, words) values (?, ?)", rows);
		jdbc.sql("update bench_knowledge_fts set tsv = to_tsvector('simple', words)").update();
		jdbc.sql("create index on bench_knowledge_fts using gin (tsv)").update();
		jdbc.sql("analyze bench_knowledge_fts").update();

		for (int i = 0; i < WARMUP; i++) {
			search.search(questions.get(i % questions.size()), 10);
			baseline(questions.get(i % questions.size()));
		}
		long[] engine = new long[MEASURED];
		long[] base = new long[MEASURED];
		Random random = new Random(42);
		for (int i = 0; i < MEASURED; i++) {
			String q = questions.get(random.nextInt(questions.size()));
			long t = System.nanoTime();
			search.search(q, 10);
			engine[i] = System.nanoTime() - t;
			t = System.nanoTime();
			baseline(q);
			base[i] = System.nanoTime() - t;
		}
		Arrays.sort(engine);
		Arrays.sort(base);
		return String.format("%s: KnowledgeSearch p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms | "
				+ "baseline PostgreSQL simple text search p50 %.2f ms, p95 %.2f ms, p99 %.2f ms | ratio p50 %.2f, p95 %.2f%n",
				label, ms(engine, 50), ms(engine, 95), ms(engine, 99), engine[engine.length - 1] / 1e6, ms(base, 50), ms(base, 95),
				ms(base, 99), ms(engine, 50) / ms(base, 50), ms(engine, 95) / ms(base, 95));
	}

	/** The tickets' way: any of the segmented words, best ts_rank first, ten rows with their titles. */
	private void baseline(String q) throws Exception {
		List<String> words = segmenter.words(q);
		StringBuilder query = new StringBuilder();
		for (String w : words) {
			String clean = w.replaceAll("[^\\p{L}\\p{N}]", "");
			if (!clean.isEmpty()) {
				query.append(query.isEmpty() ? "" : " | ").append(clean);
			}
		}
		if (query.isEmpty()) {
			return;
		}
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("""
						select f.id, v.title, v.body, a.answered_count, ts_rank(f.tsv, q) as r
						from bench_knowledge_fts f, to_tsquery('simple', ?) q, knowledge_article a, knowledge_article_version v
						where f.tsv @@ q and a.id = f.id and v.article_id = f.id and v.status = 'PUBLISHED'
						order by r desc limit 10""")) {
			s.setString(1, query.toString());
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					rs.getString(2);
				}
			}
		}
	}

	/** Articles made of the seeded ones' words and sentences, published, with answered counts. */
	private void generate(int n) {
		List<String> sentences = new ArrayList<>();
		List<String> vocabulary = new ArrayList<>();
		jdbc.sql("select v.title, v.body from knowledge_article_version v where v.status = 'PUBLISHED'")
			.query((rs, i) -> {
				for (String s : ArticleBodies.text(rs.getString(2)).split("[。；;]")) {
					if (s.length() > 4) {
						sentences.add(s.strip() + "。");
					}
				}
				vocabulary.addAll(segmenter.words(rs.getString(1)).stream().filter(w -> w.length() > 1).toList());
				return null;
			})
			.list();
		Random random = new Random(7);
		String run = Long.toString(System.nanoTime(), 36);
		List<Object[]> articles = new ArrayList<>();
		List<Object[]> versions = new ArrayList<>();
		long firstId = jdbc.sql("select nextval('knowledge_article_id_seq')").query(Long.class).single();
		jdbc.sql("select setval('knowledge_article_id_seq', ?)").param(firstId + n + 1).query(Long.class).single();
		for (int i = 0; i < n; i++) {
			long id = firstId + 1 + i;
			StringBuilder title = new StringBuilder();
			for (int w = 0; w < 3 + random.nextInt(4); w++) {
				title.append(vocabulary.get(random.nextInt(vocabulary.size())));
			}
			StringBuilder body = new StringBuilder("<p>");
			for (int s = 0; s < 4 + random.nextInt(8); s++) {
				body.append(sentences.get(random.nextInt(sentences.size())));
			}
			body.append("</p>");
			String tags = vocabulary.get(random.nextInt(vocabulary.size())) + "," + vocabulary.get(random.nextInt(vocabulary.size()));
			articles.add(new Object[] { id, "gen-" + run + "-" + i, random.nextInt(50) });
			versions.add(new Object[] { id, title.toString(), body.toString(), "生成" + (i % 12), tags });
		}
		JdbcTemplate t = new JdbcTemplate(dataSource);
		t.batchUpdate("insert into knowledge_article (id, slug, published_version, answered_count, created_by) values (?, ?, 1, ?, 'bench')",
				articles);
		t.batchUpdate("""
				insert into knowledge_article_version (article_id, version, title, body, category, tags, status, written_by,
				  written_at, approved_by, approved_at, published_by, published_at)
				values (?, 1, ?, ?, ?, ?, 'PUBLISHED', 'bench', now(), 'system', now(), 'system', now())""", versions);
	}

	private long published() {
		return jdbc.sql("select count(*) from knowledge_article_version where status = 'PUBLISHED'").query(Long.class).single();
	}

	private static double ms(long[] sorted, int percentile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
	}

	private List<String> questions() throws IOException {
		List<String> out = new ArrayList<>();
		try (var in = getClass().getResourceAsStream("/knowledge/relevance-questions.tsv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					out.add(line.split("\t")[0]);
				}
			}
		}
		return out;
	}
}
