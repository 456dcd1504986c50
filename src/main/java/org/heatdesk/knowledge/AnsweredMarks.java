package org.heatdesk.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "This answered the caller": an agent's mark on a published article, for the ticket or the
 * contact it answered. A ticket or contact counts once per article; a mark made during a call
 * (by its contact) and sent again once the call's ticket exists names the ticket without counting
 * twice. The count feeds the article's rank and the reports.
 */
@Service
public class AnsweredMarks {

	/** Ticket numbers as the ticket module writes them ({@code GR20261127-0042}); knowledge may not ask it. */
	static final Pattern TICKET_NO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final SearchIndex index;

	AnsweredMarks(JdbcClient jdbc, AuditTrail audit, Clock clock, SearchIndex index) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.index = index;
	}

	/**
	 * The outcome of a mark.
	 * @param counted whether this mark added to the article's count (not for a ticket or contact marked before)
	 */
	public record Marked(long articleId, int answeredCount, boolean counted, String ticketNo, Long contactId) {
	}

	/** An article with how often it answered a caller. */
	record Count(long articleId, String title, int answeredCount, Instant lastMarkedAt) {
	}

	/** One mark, for the manager's list. */
	record Mark(long articleId, String title, String ticketNo, Long contactId, String markedBy, Instant markedAt) {
	}

	/** An article used for a ticket. */
	record Used(long articleId, String title) {
	}

	/**
	 * Marks a published article as having answered the caller of {@code ticketNo} and/or
	 * {@code contactId} (both may be absent: a mark with nothing to tie it to counts each time).
	 * @throws HeatDeskException 404 {@code ARTICLE_NOT_FOUND} for no such published article, 400 for a
	 * malformed ticket number or contact id
	 */
	@Transactional
	public Marked mark(long articleId, String ticketNo, Long contactId, Actor by) {
		if (ticketNo != null && !TICKET_NO.matcher(ticketNo).matches()) {
			throw HeatDeskException.badInput("ANSWERED_TICKET_NO", "ticketNo");
		}
		if (contactId != null && contactId <= 0) {
			throw HeatDeskException.badInput("ANSWERED_CONTACT_ID", "contactId");
		}
		// the article's row is the lock: marks for one article are counted one after the other
		int count = jdbc.sql("select answered_count from knowledge_article where id = ? and published_version is not null for update")
			.param(articleId)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> HeatDeskException.notFound("ARTICLE_NOT_FOUND"));
		Timestamp now = Timestamp.from(clock.instant());
		if (ticketNo != null && exists("ticket_no", articleId, ticketNo)) {
			return new Marked(articleId, count, false, ticketNo, contactId);
		}
		if (contactId != null && exists("contact_id", articleId, contactId)) {
			if (ticketNo != null) {
				// the call's mark, now that the call has its ticket
				jdbc.sql("""
						update knowledge_answered set ticket_no = ?, linked_at = ?
						where article_id = ? and contact_id = ? and ticket_no is null""")
					.param(ticketNo).param(now).param(articleId).param(contactId).update();
				audit.record(by, "ARTICLE_ANSWERED_MARKED", "knowledge_article", articleId, null,
						after(ticketNo, contactId, false));
			}
			return new Marked(articleId, count, false, ticketNo, contactId);
		}
		jdbc.sql("""
				insert into knowledge_answered (article_id, ticket_no, contact_id, marked_by, marked_at, linked_at)
				values (?, ?, ?, ?, ?, ?)""")
			.param(articleId).param(ticketNo).param(contactId).param(by.name()).param(now).param(ticketNo == null ? null : now)
			.update();
		jdbc.sql("update knowledge_article set answered_count = answered_count + 1 where id = ?").param(articleId).update();
		// the count is part of the article's rank: every node's index takes it up
		jdbc.sql("insert into knowledge_change (article_id, what) values (?, 'ANSWERED')").param(articleId).update();
		index.refreshAfterCommit();
		audit.record(by, "ARTICLE_ANSWERED_MARKED", "knowledge_article", articleId, Map.of("answeredCount", count),
				after(ticketNo, contactId, true));
		return new Marked(articleId, count + 1, true, ticketNo, contactId);
	}

	private boolean exists(String column, long articleId, Object value) {
		return jdbc.sql("select exists (select 1 from knowledge_answered where article_id = ? and " + column + " = ?)")
			.param(articleId).param(value).query(Boolean.class).single();
	}

	private static Map<String, Object> after(String ticketNo, Long contactId, boolean counted) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("ticketNo", ticketNo);
		m.put("contactId", contactId);
		m.put("counted", counted);
		return m;
	}

	/** Articles that answered callers, most often first. */
	@Transactional(readOnly = true)
	List<Count> counts(int limit) {
		return jdbc.sql("""
				select a.id, v.title, a.answered_count, (select max(m.marked_at) from knowledge_answered m where m.article_id = a.id)
				from knowledge_article a
				join knowledge_article_version v on v.article_id = a.id and v.version = a.published_version
				where a.answered_count > 0
				order by a.answered_count desc, a.id limit ?""")
			.param(limit)
			.query((rs, n) -> new Count(rs.getLong(1), rs.getString(2), rs.getInt(3),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** The latest marks. */
	@Transactional(readOnly = true)
	List<Mark> recent(int limit) {
		return jdbc.sql("""
				select m.article_id, coalesce(v.title, ''), m.ticket_no, m.contact_id, m.marked_by, m.marked_at
				from knowledge_answered m
				join knowledge_article a on a.id = m.article_id
				left join knowledge_article_version v on v.article_id = a.id and v.version = a.published_version
				order by m.marked_at desc, m.id desc limit ?""")
			.param(limit)
			.query((rs, n) -> new Mark(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The articles that answered the caller of a ticket. */
	@Transactional(readOnly = true)
	public List<Used> forTicket(String ticketNo) {
		if (ticketNo == null || !TICKET_NO.matcher(ticketNo).matches()) {
			return List.of();
		}
		return jdbc.sql("""
				select m.article_id, coalesce(v.title, '')
				from knowledge_answered m
				join knowledge_article a on a.id = m.article_id
				left join knowledge_article_version v on v.article_id = a.id and v.version = a.published_version
				where m.ticket_no = ? order by m.marked_at, m.id""")
			.param(ticketNo)
			.query((rs, n) -> new Used(rs.getLong(1), rs.getString(2)))
			.list();
	}
}
