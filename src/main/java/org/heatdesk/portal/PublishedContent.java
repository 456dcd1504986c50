package org.heatdesk.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.knowledge.ArticleView;
import org.heatdesk.knowledge.Articles;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the company publishes on the portal, maintained by managers with four eyes: a manager writes
 * a version of a topic, another manager approves it (it is published, the previous one superseded)
 * or sends it back with a reason. Every version is kept. The public pages read the published
 * versions through a short cache, so a cold snap's visits do not each cost a query.
 */
@Service
class PublishedContent {

	static final int MAX_TITLE = 100, MAX_BODY = 20_000, MAX_NOTE = 500, MAX_SLUG = 80;

	/** How long a node serves the published texts it read; an approval on this node clears it at once. */
	static final Duration CACHED_FOR = Duration.ofSeconds(30);

	/** One version as the managers' pages show it. */
	record Version(long id, PublishedTopic topic, int version, String title, String body, String knowledgeSlug,
			String status, String writtenBy, Instant writtenAt, String decidedBy, Instant decidedAt, String decisionNote) {

		public boolean pending() {
			return "PENDING".equals(status);
		}
	}

	/**
	 * A topic as the public reads it: the manager's own text in {@code blocks}, or the knowledge
	 * article's cleaned rich text in {@code articleHtml} (safe to insert: cleaned when it was written).
	 */
	record Shown(PublishedTopic topic, int version, String title, List<PublishedContentText.Block> blocks,
			String articleHtml, Instant publishedAt) {
	}

	/** A topic's line on the managers' overview. */
	record Overview(PublishedTopic topic, Version published, int pending) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Articles articles;

	private final Clock clock;

	private final PortalCache<Map<PublishedTopic, Shown>> cache;

	PublishedContent(JdbcClient jdbc, AuditTrail audit, Articles articles, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.articles = articles;
		this.clock = clock;
		this.cache = new PortalCache<>(CACHED_FOR, clock);
	}

	/**
	 * A new version of {@code topic}, waiting for another manager's approval: its own text, or
	 * the slug of a published knowledge article (exactly one of the two).
	 * @return the version's id
	 */
	@Transactional
	long write(Actor by, PublishedTopic topic, String title, String body, String knowledgeSlug) {
		if (topic == null) {
			throw HeatDeskException.badInput("PORTAL_CONTENT_TOPIC_UNKNOWN", "topic");
		}
		String t = clean(title, "title", MAX_TITLE);
		if (t == null) {
			throw HeatDeskException.badInput("PORTAL_CONTENT_TITLE_MISSING", "title");
		}
		String b = clean(body, "body", MAX_BODY);
		String slug = knowledgeSlug == null || knowledgeSlug.isBlank() ? null : knowledgeSlug.strip();
		if (b == null && slug == null) {
			throw HeatDeskException.badInput("PORTAL_CONTENT_BODY_MISSING", "body");
		}
		if (b != null && slug != null) {
			throw HeatDeskException.badInput("PORTAL_CONTENT_BODY_OR_ARTICLE", "knowledgeSlug");
		}
		if (slug != null && (slug.length() > MAX_SLUG || articles.publishedBySlug(slug).isEmpty())) {
			throw HeatDeskException.badInput("PORTAL_CONTENT_ARTICLE_UNKNOWN", "knowledgeSlug", slug);
		}
		// versions of one topic are numbered one after another even when two managers write at once
		jdbc.sql("select pg_advisory_xact_lock(hashtext('portal_content:' || ?))").param(topic.name()).query().listOfRows();
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from portal_content_version where topic = ?")
			.param(topic.name())
			.query(Integer.class)
			.single();
		long id = jdbc.sql("""
				insert into portal_content_version (topic, version, title, body, knowledge_slug, status, written_by, written_at)
				values (?, ?, ?, ?, ?, 'PENDING', ?, ?) returning id""")
			.params(topic.name(), version, t, b, slug, by.name(), java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("title", t);
		after.put(slug == null ? "body" : "knowledgeSlug", slug == null ? b : slug);
		audit.record(by, "PORTAL_CONTENT_WRITTEN", "portal_content", topic.slug() + " v" + version, null, after);
		return id;
	}

	/** Publishes a waiting version; the previous published version of its topic is superseded. */
	@Transactional
	void approve(Actor by, long versionId) {
		Version v = pendingForUpdate(versionId);
		if (v.writtenBy().equals(by.name())) {
			throw HeatDeskException.forbidden("PORTAL_CONTENT_OWN_APPROVAL");
		}
		if (v.knowledgeSlug() != null && articles.publishedBySlug(v.knowledgeSlug()).isEmpty()) {
			throw HeatDeskException.conflict("PORTAL_CONTENT_ARTICLE_UNKNOWN", v.knowledgeSlug());
		}
		Instant now = clock.instant();
		Integer previous = jdbc.sql("""
				update portal_content_version set status = 'SUPERSEDED' where topic = ? and status = 'PUBLISHED'
				returning version""").param(v.topic().name()).query(Integer.class).optional().orElse(null);
		jdbc.sql("update portal_content_version set status = 'PUBLISHED', decided_by = ?, decided_at = ? where id = ?")
			.params(by.name(), java.sql.Timestamp.from(now), versionId)
			.update();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("published", previous);
		audit.record(by, "PORTAL_CONTENT_APPROVED", "portal_content", v.topic().slug() + " v" + v.version(), before,
				Map.of("published", v.version(), "writtenBy", v.writtenBy()));
		afterCommitClear();
	}

	/** Sends a waiting version back with the reason; the published version stays. */
	@Transactional
	void reject(Actor by, long versionId, String note) {
		String reason = clean(note, "note", MAX_NOTE);
		if (reason == null) {
			throw HeatDeskException.badInput("PORTAL_CONTENT_NOTE_MISSING", "note");
		}
		Version v = pendingForUpdate(versionId);
		jdbc.sql("""
				update portal_content_version set status = 'REJECTED', decided_by = ?, decided_at = ?, decision_note = ?
				where id = ?""").params(by.name(), java.sql.Timestamp.from(clock.instant()), reason, versionId).update();
		audit.record(by, "PORTAL_CONTENT_REJECTED", "portal_content", v.topic().slug() + " v" + v.version(),
				Map.of("status", "PENDING"), Map.of("status", "REJECTED", "note", reason));
	}

	private Version pendingForUpdate(long versionId) {
		Version v = jdbc.sql(SELECT + " where id = ? for update")
			.param(versionId)
			.query(this::row)
			.optional()
			.orElseThrow(() -> HeatDeskException.notFound("PORTAL_CONTENT_NOT_FOUND"));
		if (!v.pending()) {
			throw HeatDeskException.conflict("PORTAL_CONTENT_NOT_PENDING");
		}
		return v;
	}

	/** The published topics as the public reads them, in the guide's order; through the cache. */
	Map<PublishedTopic, Shown> published() {
		return cache.get(this::readPublished);
	}

	Optional<Shown> published(PublishedTopic topic) {
		return Optional.ofNullable(published().get(topic));
	}

	private Map<PublishedTopic, Shown> readPublished() {
		Map<PublishedTopic, Shown> shown = new EnumMap<>(PublishedTopic.class);
		for (Version v : jdbc.sql(SELECT + " where status = 'PUBLISHED'").query(this::row).list()) {
			if (v.knowledgeSlug() == null) {
				shown.put(v.topic(), new Shown(v.topic(), v.version(), v.title(), PublishedContentText.blocks(v.body()), null,
						v.decidedAt()));
			}
			else {
				// an article no longer published (or expired) is not shown: the topic reads as not published
				Optional<ArticleView> article = articles.publishedBySlug(v.knowledgeSlug()).filter(a -> !a.expired());
				article.ifPresent(a -> shown.put(v.topic(), new Shown(v.topic(), v.version(), v.title(), List.of(), a.body(),
						a.publishedAt() != null && a.publishedAt().isAfter(v.decidedAt()) ? a.publishedAt() : v.decidedAt())));
			}
		}
		return shown;
	}

	/** Every topic with its published version and how many versions wait, for the managers' overview. */
	List<Overview> overview() {
		Map<PublishedTopic, Version> published = new EnumMap<>(PublishedTopic.class);
		for (Version v : jdbc.sql(SELECT + " where status = 'PUBLISHED'").query(this::row).list()) {
			published.put(v.topic(), v);
		}
		Map<PublishedTopic, Integer> pending = new EnumMap<>(PublishedTopic.class);
		jdbc.sql("select topic, count(*) from portal_content_version where status = 'PENDING' group by topic")
			.query((rs, n) -> pending.put(PublishedTopic.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		return java.util.Arrays.stream(PublishedTopic.values())
			.map(t -> new Overview(t, published.get(t), pending.getOrDefault(t, 0)))
			.toList();
	}

	/** Every version of {@code topic}, newest first. */
	List<Version> versions(PublishedTopic topic) {
		return jdbc.sql(SELECT + " where topic = ? order by version desc").param(topic.name()).query(this::row).list();
	}

	Optional<Version> version(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(this::row).optional();
	}

	/** Clears this node's cache once the approval is committed (before, a reader could cache the old text again). */
	private void afterCommitClear() {
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
					new org.springframework.transaction.support.TransactionSynchronization() {
						@Override
						public void afterCommit() {
							cache.clear();
						}
					});
		}
		else {
			cache.clear();
		}
	}

	/** Trimmed, {@code null} when blank; refused with a NUL or longer than {@code max}. */
	private static String clean(String value, String field, int max) {
		return InputChecks.optional(InputChecks.text(value, field), field, max);
	}

	private static final String SELECT = """
			select id, topic, version, title, body, knowledge_slug, status, written_by, written_at, decided_by, decided_at,
			       decision_note
			from portal_content_version""";

	private Version row(ResultSet rs, int n) throws SQLException {
		return new Version(rs.getLong(1), PublishedTopic.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), rs.getString(10),
				instant(rs, 11), rs.getString(12));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		java.sql.Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
