package org.heatdesk.knowledge;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This node's search index, kept in step with the database: built from the published versions when
 * the node starts, then brought up to date from {@code knowledge_change}, which every change on
 * any node adds to — at once after a commit on this node, and every
 * {@code heatdesk.knowledge.refresh-interval} for the other nodes' changes. Rows are re-read a
 * little behind the newest one seen, because sequence numbers are taken before commit: a change
 * that commits after a later-numbered one is still picked up.
 */
@Component
class SearchIndex {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	/** How far behind the newest change seen each poll looks again. */
	private static final int LOOK_BACK = 500;

	private final JdbcClient jdbc;

	private final Duration interval;

	private final SearchEngine engine = new SearchEngine();

	private volatile SynonymSet synonyms = SynonymSet.EMPTY;

	private volatile boolean built;

	private long lastSeen;

	private final Set<Long> applied = new HashSet<>();

	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "knowledge-index");
		t.setDaemon(true);
		return t;
	});

	SearchIndex(JdbcClient jdbc, @Value("${heatdesk.knowledge.refresh-interval:2s}") Duration interval) {
		this.jdbc = jdbc;
		this.interval = interval;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		ensureBuilt();
		long ms = Math.max(100, interval.toMillis());
		poller.scheduleWithFixedDelay(() -> {
			try {
				poll();
			}
			catch (RuntimeException e) {
				log.warn("knowledge index not refreshed: {}", e.toString());
			}
		}, ms, ms, TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() {
		poller.shutdownNow();
		engine.close();
	}

	SearchEngine engine() {
		ensureBuilt();
		return engine;
	}

	SynonymSet synonyms() {
		ensureBuilt();
		return synonyms;
	}

	void ensureBuilt() {
		if (!built) {
			rebuild();
		}
	}

	/** Reads everything again: the published articles and the synonyms. */
	synchronized void rebuild() {
		long seen = jdbc.sql("select coalesce(max(id), 0) from knowledge_change").query(Long.class).single();
		List<SearchEngine.Doc> docs = jdbc.sql(DOCS + " order by a.id").query((rs, n) -> doc(rs)).list();
		engine.replaceAll(docs);
		synonyms = loadSynonyms();
		lastSeen = seen;
		applied.clear();
		built = true;
		log.info("knowledge index built: {} published articles", docs.size());
	}

	/** After the current transaction commits, applies the changes at once on this node. */
	void refreshAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			poll();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					poll();
				}
				catch (RuntimeException e) {
					log.warn("knowledge index not refreshed after commit: {}", e.toString());
				}
			}
		});
	}

	/** Applies the changes this node has not applied yet. */
	synchronized void poll() {
		if (!built) {
			rebuild();
			return;
		}
		record Change(long id, Long articleId, String what) {
		}
		List<Change> changes = jdbc.sql("select id, article_id, what from knowledge_change where id > ? order by id")
			.param(lastSeen - LOOK_BACK)
			.query((rs, n) -> new Change(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3)))
			.list();
		boolean reloadSynonyms = false;
		for (Change c : changes) {
			if (!applied.add(c.id())) {
				continue;
			}
			if (c.articleId() != null) {
				SearchEngine.Doc doc = jdbc.sql(DOCS + " where a.id = ?").param(c.articleId()).query((rs, n) -> doc(rs))
					.optional().orElse(null);
				engine.put(c.articleId(), doc);
			}
			else {
				reloadSynonyms = true;
			}
			lastSeen = Math.max(lastSeen, c.id());
		}
		if (reloadSynonyms) {
			synonyms = loadSynonyms();
		}
		applied.removeIf(id -> id <= lastSeen - LOOK_BACK);
	}

	private SynonymSet loadSynonyms() {
		List<List<String>> groups = new ArrayList<>();
		jdbc.sql("select string_agg(word, ',' order by word) from knowledge_synonym_word group by group_id")
			.query(String.class)
			.list()
			.forEach(g -> groups.add(Arrays.asList(g.split(","))));
		return new SynonymSet(groups);
	}

	private static final String DOCS = """
			select a.id, a.slug, v.title, v.body, v.category, v.tags, v.valid_from, v.valid_to
			from knowledge_article a join knowledge_article_version v on v.article_id = a.id and v.status = 'PUBLISHED'""";

	private static SearchEngine.Doc doc(java.sql.ResultSet rs) throws java.sql.SQLException {
		String tags = rs.getString(6);
		return new SearchEngine.Doc(rs.getLong(1), rs.getString(2), rs.getString(3), ArticleBodies.text(rs.getString(4)),
				rs.getString(5), tags == null || tags.isBlank() ? List.of() : Arrays.asList(tags.split(",")),
				rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class));
	}
}
