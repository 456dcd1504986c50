package org.heatdesk.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The in-memory Lucene index of the published articles and the query a caller's words become. Pure:
 * it knows nothing of the database, so that the relevance of the ranking can be worked on from a
 * list of articles (the node's {@link SearchIndex} keeps it in step with the database).
 * <p>
 * An article is indexed as its words (smart Chinese analyzer) in title, tags and body, boosted in
 * that order; as character pairs (a typo or a word the analyzer split differently still shares most
 * pairs); as pinyin syllable pairs (a homophone typed by a pinyin input method: 暖汽, 报亭); and as the
 * pinyin initials of its title and tags (nqbr for 暖气不热). A query adds the words of the synonym
 * groups any of its words belongs to, with less weight than the words said.
 */
final class SearchEngine implements AutoCloseable {

	/** What the engine indexes of an article's published version. */
	record Doc(long id, String slug, String title, String text, String category, List<String> tags, LocalDate validFrom,
			LocalDate validTo) {
	}

	/** A hit before the answered-count boost and the snippet. */
	record Found(long id, float score) {
	}

	static final int MAX_QUERY = 200;

	private static final int MAX_TERMS = 60;

	static final float TITLE = 3f, TAGS = 2.5f, BODY = 1f, SYNONYM = 0.6f, GRAMS = 0.35f, PINYIN = 0.3f, INITIALS = 4f;

	/** Particles and pronouns that say nothing about what the caller asks. */
	private static final Set<String> PARTICLES = Set.of("吗", "呢", "啊", "吧", "了", "的", "呀", "嘛", "么", "是", "有", "我", "你",
			"们", "在", "和", "就", "都", "也", "还", "要", "这", "那", "个", "一", "给", "把", "被", "得", "地", "啦", "哦", "嗯");

	private final Analyzer words = new SmartChineseAnalyzer();

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	SearchEngine() {
		try {
			Analyzer perField = new PerFieldAnalyzerWrapper(words,
					Map.of("grams", new WhitespaceAnalyzer(), "py", new WhitespaceAnalyzer(), "initials", new WhitespaceAnalyzer()));
			writer = new IndexWriter(directory, new IndexWriterConfig(perField));
			writer.commit();
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Replaces the whole index with {@code docs}. */
	void replaceAll(Collection<Doc> docs) {
		try {
			writer.deleteAll();
			for (Doc d : docs) {
				writer.addDocument(document(d));
			}
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Puts {@code doc} in place of article {@code id}'s entry; {@code null} removes it. */
	void put(long id, Doc doc) {
		try {
			if (doc == null) {
				writer.deleteDocuments(new Term("id", Long.toString(id)));
			}
			else {
				writer.updateDocument(new Term("id", Long.toString(id)), document(doc));
			}
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	int size() {
		try {
			IndexSearcher s = searchers.acquire();
			try {
				return s.getIndexReader().numDocs();
			}
			finally {
				searchers.release(s);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Document document(Doc d) {
		Document doc = new Document();
		doc.add(new StringField("id", Long.toString(d.id()), Field.Store.YES));
		doc.add(new TextField("title", d.title(), Field.Store.NO));
		String tags = String.join(" ", d.tags());
		doc.add(new TextField("tags", tags, Field.Store.NO));
		doc.add(new TextField("body", d.text(), Field.Store.NO));
		doc.add(new TextField("grams", String.join(" ", grams(d.title() + " " + tags + " " + d.text())), Field.Store.NO));
		doc.add(new TextField("py", String.join(" ", pinyinPairs(d.title() + " " + tags + " " + d.text())), Field.Store.NO));
		Set<String> initials = new LinkedHashSet<>();
		List<String> named = new ArrayList<>(d.tags());
		named.add(d.title());
		for (String t : named) {
			String i = Pinyin.initials(t);
			for (int from = 0; from < i.length(); from++) {
				for (int to = from + 2; to <= Math.min(i.length(), from + 8); to++) {
					initials.add(i.substring(from, to));
				}
			}
		}
		doc.add(new TextField("initials", String.join(" ", initials), Field.Store.NO));
		doc.add(new LongPoint("from", d.validFrom() == null ? Long.MIN_VALUE : d.validFrom().toEpochDay()));
		doc.add(new LongPoint("to", d.validTo() == null ? Long.MAX_VALUE : d.validTo().toEpochDay()));
		doc.add(new StoredField("slug", d.slug()));
		return doc;
	}

	/**
	 * The articles valid on {@code today} that match {@code query}, best first, at most {@code limit}.
	 * @param synonyms the groups the query's words are expanded with
	 */
	List<Found> search(String query, int limit, LocalDate today, SynonymSet synonyms) {
		if (query == null || query.isBlank() || limit <= 0) {
			return List.of();
		}
		String q = query.strip();
		if (q.length() > MAX_QUERY) {
			q = q.substring(0, MAX_QUERY);
		}
		q = q.toLowerCase(Locale.ROOT);
		Query text = textQuery(q, synonyms);
		if (text == null) {
			return List.of();
		}
		long day = today.toEpochDay();
		Query all = new BooleanQuery.Builder().add(text, Occur.MUST)
			.add(LongPoint.newRangeQuery("from", Long.MIN_VALUE, day), Occur.FILTER)
			.add(LongPoint.newRangeQuery("to", day, Long.MAX_VALUE), Occur.FILTER)
			.build();
		try {
			IndexSearcher s = searchers.acquire();
			try {
				TopDocs top = s.search(all, limit);
				List<Found> found = new ArrayList<>();
				for (ScoreDoc sd : top.scoreDocs) {
					found.add(new Found(Long.parseLong(s.storedFields().document(sd.doc).get("id")), sd.score));
				}
				return found;
			}
			finally {
				searchers.release(s);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The words of {@code q} and of its synonyms that a snippet marks. */
	Set<String> markedWords(String q, SynonymSet synonyms) {
		Set<String> marked = new LinkedHashSet<>();
		String whole = q.strip().toLowerCase(Locale.ROOT);
		if (whole.length() >= 2 && whole.length() <= 30) {
			marked.add(whole); // said exactly as written: marked as one
		}
		for (String w : queryWords(q)) {
			if (w.length() > 1 || !Pinyin.han(w.charAt(0))) {
				marked.add(w);
			}
		}
		marked.addAll(synonyms.expansions(q));
		return marked;
	}

	private Query textQuery(String q, SynonymSet synonyms) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		int clauses = 0;
		List<String> said = queryWords(q);
		for (String w : said.subList(0, Math.min(said.size(), MAX_TERMS))) {
			b.add(wordQuery(w, 1f), Occur.SHOULD);
			clauses++;
		}
		int groups = 0;
		for (Set<String> group : synonyms.expansionGroups(q)) {
			if (groups++ >= 10) {
				break;
			}
			List<Query> alternatives = new ArrayList<>();
			for (String e : group) {
				List<String> tokens = analyze(e);
				if (tokens.size() == 1) {
					alternatives.add(wordQuery(tokens.get(0), 1f));
				}
				else if (tokens.size() > 1) {
					alternatives.add(phraseQuery(tokens, 1f));
				}
			}
			if (!alternatives.isEmpty()) {
				b.add(new BoostQuery(new DisjunctionMaxQuery(alternatives, 0f), SYNONYM), Occur.SHOULD);
				clauses++;
			}
		}
		List<String> grams = grams(q);
		for (String g : grams.subList(0, Math.min(grams.size(), MAX_TERMS))) {
			b.add(new BoostQuery(new TermQuery(new Term("grams", g)), GRAMS), Occur.SHOULD);
			clauses++;
		}
		List<String> py = pinyinPairs(q);
		for (String p : py.subList(0, Math.min(py.size(), MAX_TERMS))) {
			b.add(new BoostQuery(new TermQuery(new Term("py", p)), PINYIN), Occur.SHOULD);
			clauses++;
		}
		if (q.matches("[a-z]{2,8}")) {
			b.add(new BoostQuery(new TermQuery(new Term("initials", q)), INITIALS), Occur.SHOULD);
			clauses++;
		}
		return clauses == 0 ? null : b.build();
	}

	private static Query wordQuery(String w, float boost) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		b.add(new BoostQuery(new TermQuery(new Term("title", w)), TITLE * boost), Occur.SHOULD);
		b.add(new BoostQuery(new TermQuery(new Term("tags", w)), TAGS * boost), Occur.SHOULD);
		b.add(new BoostQuery(new TermQuery(new Term("body", w)), BODY * boost), Occur.SHOULD);
		return b.build();
	}

	private static Query phraseQuery(List<String> tokens, float boost) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		for (var field : List.of(Map.entry("title", TITLE), Map.entry("tags", TAGS), Map.entry("body", BODY))) {
			b.add(new BoostQuery(new PhraseQuery(field.getKey(), tokens.toArray(String[]::new)), field.getValue() * boost),
					Occur.SHOULD);
		}
		return b.build();
	}

	/** The distinct words of a query, particles left out. */
	List<String> queryWords(String q) {
		Set<String> out = new LinkedHashSet<>();
		for (String w : analyze(q)) {
			if (!PARTICLES.contains(w)) {
				out.add(w);
			}
		}
		return new ArrayList<>(out);
	}

	List<String> analyze(String text) {
		List<String> out = new ArrayList<>();
		try (TokenStream stream = words.tokenStream("body", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				out.add(term.toString());
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	/** Pairs of neighbouring Chinese characters (暖气不热 → 暖气 气不 不热). */
	static List<String> grams(String text) {
		Set<String> out = new LinkedHashSet<>();
		for (int i = 0; i + 1 < text.length(); i++) {
			char a = text.charAt(i), b = text.charAt(i + 1);
			if (Pinyin.han(a) && Pinyin.han(b)) {
				out.add(new String(new char[] { a, b }));
			}
		}
		return new ArrayList<>(out);
	}

	/** Pairs of neighbouring syllables (暖汽不热 → nuanqi qibu bure). */
	static List<String> pinyinPairs(String text) {
		Set<String> out = new LinkedHashSet<>();
		String previous = null;
		for (int i = 0; i < text.length(); i++) {
			String s = Pinyin.syllable(text.charAt(i));
			if (s != null && previous != null) {
				out.add(previous + s);
			}
			previous = s;
		}
		return new ArrayList<>(out);
	}

	@Override
	public void close() {
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
