package org.heatdesk.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The articles and their versions. A team lead or manager writes a draft (a new article, or a new
 * version of one); a manager who did not write it approves it (standard 12.1); a manager publishes
 * the approved version, which replaces the published one for agents and search. No version is ever
 * changed in its text or deleted, so every version stays readable with who wrote, approved and
 * published it and when. Every change adds a row to {@code knowledge_change}, which every node's
 * search index follows.
 */
@Service
public class Articles {

	static final int MAX_TITLE = 200, MAX_BODY = 100_000, MAX_CATEGORY = 40, MAX_TAGS = 500, MAX_SLUG = 80;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Staff staff;

	private final Clock clock;

	private final ZoneId zone;

	private final SearchIndex index;

	Articles(JdbcClient jdbc, AuditTrail audit, Staff staff, Clock clock, Company company, SearchIndex index) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.staff = staff;
		this.clock = clock;
		this.zone = company.zone();
		this.index = index;
	}

	/** What a writer sends for a draft; text as typed, checked and cleaned here. */
	record Draft(String slug, String title, String body, String category, String tags, LocalDate validFrom,
			LocalDate validTo) {
	}

	/** A version waiting for approval or publication. */
	record Waiting(long id, String slug, int version, String title, String category, String status, String writtenBy,
			Instant writtenAt, String approvedBy, boolean newArticle) {
	}

	/** A published article in a list. */
	record Listed(long id, String title, String category, int answeredCount, LocalDate validTo) {
	}

	/** The published version of article {@code id}, for the agents' reading view; empty if none is published. */
	public Optional<ArticleView> published(long id) {
		return jdbc.sql(SELECT + " where v.article_id = ? and v.status = 'PUBLISHED'").param(id).query(this::view).optional();
	}

	/**
	 * The published version of the article with this slug, for the public portal (portal-a), which
	 * shows some answers as they read now; empty if none is published.
	 */
	public Optional<ArticleView> publishedBySlug(String slug) {
		return jdbc.sql(SELECT + " where a.slug = ? and v.status = 'PUBLISHED'").param(slug).query(this::view).optional();
	}

	Optional<ArticleView> version(long id, int version) {
		return jdbc.sql(SELECT + " where v.article_id = ? and v.version = ?").params(id, version).query(this::view).optional();
	}

	/** Every version of article {@code id}, newest first. */
	List<ArticleView> versions(long id) {
		return jdbc.sql(SELECT + " where v.article_id = ? order by v.version desc").param(id).query(this::view).list();
	}

	/** The newest version, whatever its state (the editor starts from it). */
	Optional<ArticleView> latest(long id) {
		return jdbc.sql(SELECT + " where v.article_id = ? order by v.version desc limit 1").param(id).query(this::view).optional();
	}

	Optional<Long> idOf(String slug) {
		return jdbc.sql("select id from knowledge_article where slug = ?").param(slug).query(Long.class).optional();
	}

	/** Drafts and approved versions not yet published, oldest first. */
	List<Waiting> waiting() {
		return jdbc.sql("""
				select a.id, a.slug, v.version, v.title, v.category, v.status, v.written_by, v.written_at, v.approved_by,
				       a.published_version is null as new_article
				from knowledge_article_version v join knowledge_article a on a.id = v.article_id
				where v.status in ('DRAFT', 'APPROVED') order by v.written_at, a.id""")
			.query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getBoolean(10)))
			.list();
	}

	/** The categories of published articles with how many each holds. */
	Map<String, Integer> categories() {
		Map<String, Integer> out = new LinkedHashMap<>();
		jdbc.sql("""
				select category, count(*) from knowledge_article_version where status = 'PUBLISHED'
				group by category order by category""").query((rs, n) -> out.put(rs.getString(1), rs.getInt(2))).list();
		return out;
	}

	/** The published articles of {@code category} (all when {@code null}), most used first. */
	List<Listed> publishedIn(String category) {
		return jdbc.sql("""
				select a.id, v.title, v.category, a.answered_count, v.valid_to
				from knowledge_article a join knowledge_article_version v on v.article_id = a.id and v.status = 'PUBLISHED'
				where (cast(? as varchar) is null or v.category = ?) order by a.answered_count desc, v.title limit 200""")
			.params(category, category)
			.query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getObject(5, LocalDate.class)))
			.list();
	}

	/**
	 * A new article, its first version a draft.
	 * @throws HeatDeskException 403 {@code KNOWLEDGE_NOT_WRITER} unless a team lead or manager writes it;
	 * 400 for a missing or malformed field; 409 {@code KNOWLEDGE_SLUG_TAKEN}
	 */
	@Transactional
	public long create(Actor actor, Draft draft) {
		requireRole(actor, "KNOWLEDGE_NOT_WRITER", Role.TEAM_LEAD, Role.MANAGER);
		Draft d = checked(draft, true);
		if (idOf(d.slug()).isPresent()) {
			throw HeatDeskException.conflict("KNOWLEDGE_SLUG_TAKEN", d.slug());
		}
		long id = jdbc.sql("insert into knowledge_article (slug, created_by) values (?, ?) returning id")
			.params(d.slug(), actor.name())
			.query(Long.class)
			.single();
		insertVersion(id, 1, d, actor);
		audit.record(actor, "KNOWLEDGE_DRAFT_WRITTEN", "knowledge_article", id, null, Map.of("version", 1, "title", d.title()));
		return id;
	}

	/**
	 * A new draft version of article {@code id}; older drafts not yet published are superseded by it.
	 * @return its version number
	 */
	@Transactional
	public int revise(Actor actor, long id, Draft draft) {
		requireRole(actor, "KNOWLEDGE_NOT_WRITER", Role.TEAM_LEAD, Role.MANAGER);
		Draft d = checked(draft, false);
		Integer last = jdbc.sql("select max(version) from knowledge_article_version where article_id = ?")
			.param(id)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (last == null) {
			throw HeatDeskException.notFound("KNOWLEDGE_NOT_FOUND", id);
		}
		jdbc.sql("""
				update knowledge_article_version set status = 'SUPERSEDED'
				where article_id = ? and status in ('DRAFT', 'APPROVED')""").param(id).update();
		insertVersion(id, last + 1, d, actor);
		audit.record(actor, "KNOWLEDGE_DRAFT_WRITTEN", "knowledge_article", id, null,
				Map.of("version", last + 1, "title", d.title()));
		return last + 1;
	}

	/**
	 * Approves draft {@code version} of article {@code id}.
	 * @throws HeatDeskException 403 {@code KNOWLEDGE_NOT_APPROVER} unless a manager; 403
	 * {@code KNOWLEDGE_OWN_DRAFT} when the manager wrote it; 409 {@code KNOWLEDGE_NOT_DRAFT}
	 */
	@Transactional
	public void approve(Actor actor, long id, int version) {
		requireRole(actor, "KNOWLEDGE_NOT_APPROVER", Role.MANAGER);
		ArticleView v = lockedVersion(id, version);
		if (!"DRAFT".equals(v.status())) {
			throw HeatDeskException.conflict("KNOWLEDGE_NOT_DRAFT");
		}
		if (v.writtenBy().equals(actor.name())) {
			throw HeatDeskException.forbidden("KNOWLEDGE_OWN_DRAFT");
		}
		jdbc.sql("""
				update knowledge_article_version set status = 'APPROVED', approved_by = ?, approved_at = ?
				where article_id = ? and version = ?""").params(actor.name(), ts(), id, version).update();
		audit.record(actor, "KNOWLEDGE_APPROVED", "knowledge_article", id, Map.of("version", version, "status", "DRAFT"),
				Map.of("version", version, "status", "APPROVED"));
	}

	/** Turns draft {@code version} down; it stays readable in the history. */
	@Transactional
	public void reject(Actor actor, long id, int version) {
		requireRole(actor, "KNOWLEDGE_NOT_APPROVER", Role.MANAGER);
		ArticleView v = lockedVersion(id, version);
		if (!"DRAFT".equals(v.status()) && !"APPROVED".equals(v.status())) {
			throw HeatDeskException.conflict("KNOWLEDGE_NOT_DRAFT");
		}
		jdbc.sql("update knowledge_article_version set status = 'REJECTED' where article_id = ? and version = ?")
			.params(id, version)
			.update();
		audit.record(actor, "KNOWLEDGE_REJECTED", "knowledge_article", id, Map.of("version", version, "status", v.status()),
				Map.of("version", version, "status", "REJECTED"));
	}

	/**
	 * Publishes approved {@code version}: agents and search see it from the commit on; the version
	 * published before is superseded.
	 * @throws HeatDeskException 403 {@code KNOWLEDGE_NOT_APPROVER} unless a manager; 409
	 * {@code KNOWLEDGE_NOT_APPROVED}
	 */
	@Transactional
	public void publish(Actor actor, long id, int version) {
		requireRole(actor, "KNOWLEDGE_NOT_APPROVER", Role.MANAGER);
		ArticleView v = lockedVersion(id, version);
		if (!"APPROVED".equals(v.status())) {
			throw HeatDeskException.conflict("KNOWLEDGE_NOT_APPROVED");
		}
		Integer before = jdbc.sql("select published_version from knowledge_article where id = ?").param(id)
			.query(Integer.class)
			.optional()
			.orElse(null);
		jdbc.sql("update knowledge_article_version set status = 'SUPERSEDED' where article_id = ? and status = 'PUBLISHED'")
			.param(id)
			.update();
		jdbc.sql("""
				update knowledge_article_version set status = 'PUBLISHED', published_by = ?, published_at = ?
				where article_id = ? and version = ?""").params(actor.name(), ts(), id, version).update();
		jdbc.sql("update knowledge_article set published_version = ? where id = ?").params(version, id).update();
		changed(id, "PUBLISHED");
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("publishedVersion", before);
		audit.record(actor, "KNOWLEDGE_PUBLISHED", "knowledge_article", id, was, Map.of("publishedVersion", version));
	}

	/** Adds an attachment (a scan, a photo, a PDF notice) to article {@code id}. */
	@Transactional
	public long attach(Actor actor, long id, String fileName, byte[] content) {
		requireRole(actor, "KNOWLEDGE_NOT_WRITER", Role.TEAM_LEAD, Role.MANAGER);
		if (idOfId(id).isEmpty()) {
			throw HeatDeskException.notFound("KNOWLEDGE_NOT_FOUND", id);
		}
		String type = org.heatdesk.platform.UploadedFiles.contentType(content, org.heatdesk.platform.UploadedFiles.SCANS,
				"KNOWLEDGE_ATTACHMENT", "file");
		String name = org.heatdesk.platform.UploadedFiles.fileName(fileName, type, "attachment");
		long a = jdbc.sql("""
				insert into knowledge_attachment (article_id, file_name, content_type, content, added_by)
				values (?, ?, ?, ?, ?) returning id""").params(id, name, type, content, actor.name()).query(Long.class).single();
		audit.record(actor, "KNOWLEDGE_ATTACHMENT_ADDED", "knowledge_article", id, null,
				Map.of("attachment", a, "fileName", name, "bytes", content.length));
		return a;
	}

	/** An attachment's name, type and bytes. */
	record Attachment(long id, long articleId, String fileName, String contentType, byte[] content) {
	}

	List<Attachment> attachments(long id) {
		return jdbc.sql("select id, article_id, file_name, content_type, ''::bytea from knowledge_attachment where article_id = ? order by id")
			.param(id)
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), null))
			.list();
	}

	Optional<Attachment> attachment(long articleId, long attachmentId) {
		return jdbc.sql("select id, article_id, file_name, content_type, content from knowledge_attachment where id = ? and article_id = ?")
			.params(attachmentId, articleId)
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
			.optional();
	}

	private Optional<Long> idOfId(long id) {
		return jdbc.sql("select id from knowledge_article where id = ?").param(id).query(Long.class).optional();
	}

	private void changed(long id, String what) {
		jdbc.sql("insert into knowledge_change (article_id, what) values (?, ?)").params(id, what).update();
		index.refreshAfterCommit();
	}

	private ArticleView lockedVersion(long id, int version) {
		if (jdbc.sql("select id from knowledge_article where id = ? for update").param(id).query(Long.class).optional().isEmpty()) {
			throw HeatDeskException.notFound("KNOWLEDGE_NOT_FOUND", id);
		}
		return version(id, version).orElseThrow(() -> HeatDeskException.notFound("KNOWLEDGE_NOT_FOUND", id));
	}

	private void insertVersion(long id, int version, Draft d, Actor actor) {
		jdbc.sql("""
				insert into knowledge_article_version (article_id, version, title, body, category, tags, valid_from, valid_to,
				                                       status, written_by, written_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
			.params(id, version, d.title(), d.body(), d.category(), d.tags(), d.validFrom(), d.validTo(), actor.name(), ts())
			.update();
	}

	private Draft checked(Draft d, boolean withSlug) {
		String slug = null;
		if (withSlug) {
			slug = InputChecks.required(InputChecks.text(d.slug(), "slug"), "slug", MAX_SLUG).toLowerCase(java.util.Locale.ROOT);
			if (!slug.matches("[a-z0-9][a-z0-9-]*")) {
				throw HeatDeskException.badInput("KNOWLEDGE_SLUG", "slug");
			}
		}
		String title = InputChecks.required(InputChecks.text(d.title(), "title"), "title", MAX_TITLE);
		String raw = InputChecks.text(d.body(), "body");
		if (raw != null && raw.length() > MAX_BODY) {
			throw HeatDeskException.badInput("TOO_LONG", "body", MAX_BODY);
		}
		String body = ArticleBodies.clean(raw);
		if (ArticleBodies.text(body).isBlank()) {
			throw HeatDeskException.badInput("REQUIRED", "body");
		}
		String category = InputChecks.required(InputChecks.text(d.category(), "category"), "category", MAX_CATEGORY);
		Set<String> tags = new LinkedHashSet<>();
		String rawTags = InputChecks.text(d.tags(), "tags");
		if (rawTags != null) {
			for (String t : rawTags.split("[,，、;；\\s]+")) {
				if (!t.isBlank()) {
					tags.add(t.strip());
				}
			}
		}
		String joined = String.join(",", tags);
		InputChecks.maxLength(joined, "tags", MAX_TAGS);
		if (d.validFrom() != null && !InputChecks.sensibleYear(d.validFrom().getYear())) {
			throw InputChecks.dateOutOfRange("validFrom");
		}
		if (d.validTo() != null && !InputChecks.sensibleYear(d.validTo().getYear())) {
			throw InputChecks.dateOutOfRange("validTo");
		}
		if (d.validFrom() != null && d.validTo() != null && d.validTo().isBefore(d.validFrom())) {
			throw HeatDeskException.badInput("KNOWLEDGE_VALID_RANGE", "validTo");
		}
		return new Draft(slug, title, body, category, joined, d.validFrom(), d.validTo());
	}

	private void requireRole(Actor actor, String code, Role... roles) {
		StaffView who = staff.findByUsername(actor.name()).orElse(null);
		if (who == null || Arrays.stream(roles).noneMatch(who::has)) {
			throw new HeatDeskException(HttpStatus.FORBIDDEN, code, null);
		}
	}

	private java.sql.Timestamp ts() {
		return java.sql.Timestamp.from(clock.instant());
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	private static final String SELECT = """
			select a.id, a.slug, v.version, v.title, v.body, v.category, v.tags, v.valid_from, v.valid_to, v.status,
			       v.written_by, v.written_at, v.approved_by, v.approved_at, v.published_by, v.published_at, a.answered_count
			from knowledge_article_version v join knowledge_article a on a.id = v.article_id""";

	private ArticleView view(ResultSet rs, int n) throws SQLException {
		LocalDate to = rs.getObject(9, LocalDate.class);
		String tags = rs.getString(7);
		List<String> tagList = tags == null || tags.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(tags.split(",")));
		return new ArticleView(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
				rs.getString(6), tagList, rs.getObject(8, LocalDate.class), to, rs.getString(10), rs.getString(11),
				instant(rs, 12), rs.getString(13), instant(rs, 14), rs.getString(15), instant(rs, 16), rs.getInt(17),
				to != null && to.isBefore(today()));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		java.sql.Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
