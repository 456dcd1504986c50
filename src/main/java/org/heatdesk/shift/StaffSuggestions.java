package org.heatdesk.shift;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.staff.StaffView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's channel to the managers: suggestions to improve the work (5.8) and doubts about a
 * decision (12.3). Each goes to every manager with a notice, is answered within
 * {@code heatdesk.shift.suggestion-answer-limit} and the author is told the answer.
 */
@Service
class StaffSuggestions {

	enum Kind {
		SUGGESTION, DOUBT
	}

	record StaffSuggestion(long id, String kind, long authorId, Long teamId, String subject, String text, Instant createdAt,
			Instant dueAt, String status, String answer, Long answeredBy, Instant answeredAt) {

		public boolean overdue(Instant now) {
			return "OPEN".equals(status) && now.isAfter(dueAt);
		}

		public boolean answeredLate() {
			return answeredAt != null && answeredAt.isAfter(dueAt);
		}
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ShiftNotices notices;

	private final TeamLogPeople people;

	private final Clock clock;

	private final Duration answerLimit;

	StaffSuggestions(JdbcClient jdbc, AuditTrail audit, ShiftNotices notices, TeamLogPeople people, Clock clock,
			@Value("${heatdesk.shift.suggestion-answer-limit:7d}") Duration answerLimit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.notices = notices;
		this.people = people;
		this.clock = clock;
		this.answerLimit = answerLimit;
	}

	Clock clock() {
		return clock;
	}

	Duration answerLimit() {
		return answerLimit;
	}

	/**
	 * A suggestion or doubt, sent to the managers.
	 * @throws HeatDeskException 400 {@code REQUIRED}, {@code TOO_LONG}, {@code SHIFT_SUGGESTION_KIND_UNKNOWN}
	 */
	@Transactional
	StaffSuggestion submit(Actor by, String kind, String subject, String text) {
		StaffView me = people.me(by);
		Kind k;
		try {
			k = Kind.valueOf(InputChecks.required(kind, "kind", 20));
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("SHIFT_SUGGESTION_KIND_UNKNOWN", "kind");
		}
		String s = InputChecks.required(subject, "subject", 200);
		String t = InputChecks.required(text, "text", 4000);
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into shift_staff_suggestion (kind, author_id, team_id, subject, text, created_at, due_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(k.name(), me.id(), me.teamId(), s, t, SqlValues.ts(now), SqlValues.ts(now.plus(answerLimit)))
			.query(Long.class)
			.single();
		audit.record(by, "SHIFT_STAFF_SUGGESTION_SUBMITTED", "shift_staff_suggestion", id, null,
				Map.of("kind", k.name(), "subject", s, "text", t));
		notices.toRole(Role.MANAGER, "STAFF_" + k.name(), "shift.notice.staff." + k.name(), "/shift/suggestions#suggestion-" + id,
				me.displayName(), s);
		return find(id);
	}

	/**
	 * A manager's answer; the author is told.
	 * @throws HeatDeskException 400 {@code REQUIRED}, 404, 409 {@code SHIFT_SUGGESTION_ANSWERED}
	 */
	@Transactional
	StaffSuggestion answer(Actor by, long id, String answer) {
		StaffView me = people.me(by);
		String a = InputChecks.required(answer, "answer", 4000);
		StaffSuggestion s = jdbc.sql("select * from shift_staff_suggestion where id = ? for update").param(id)
			.query(StaffSuggestions::row)
			.optional()
			.orElseThrow(() -> HeatDeskException.notFound("SHIFT_SUGGESTION_NOT_FOUND", id));
		if (!"OPEN".equals(s.status())) {
			throw HeatDeskException.conflict("SHIFT_SUGGESTION_ANSWERED");
		}
		Instant now = clock.instant();
		jdbc.sql("update shift_staff_suggestion set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = ? where id = ?")
			.params(a, me.id(), SqlValues.ts(now), id)
			.update();
		audit.record(by, "SHIFT_STAFF_SUGGESTION_ANSWERED", "shift_staff_suggestion", id, Map.of("status", "OPEN"),
				Map.of("status", "ANSWERED", "answer", a, "late", now.isAfter(s.dueAt())));
		notices.toStaff(s.authorId(), "STAFF_ANSWER", "shift.notice.staff.answered", "/shift/suggestions#suggestion-" + id,
				s.subject());
		return find(id);
	}

	StaffSuggestion find(long id) {
		return jdbc.sql("select * from shift_staff_suggestion where id = ?").param(id).query(StaffSuggestions::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("SHIFT_SUGGESTION_NOT_FOUND", id));
	}

	/** Open first (oldest first), then the answered (newest first); {@code authorId} for one person's own. */
	@Transactional(readOnly = true)
	List<StaffSuggestion> list(Long authorId, int limit) {
		return jdbc.sql("""
				select * from shift_staff_suggestion where (cast(:author as bigint) is null or author_id = :author)
				order by case when status = 'OPEN' then 0 else 1 end, case when status = 'OPEN' then created_at end,
				  answered_at desc, id desc limit :limit""")
			.param("author", authorId)
			.param("limit", limit)
			.query(StaffSuggestions::row)
			.list();
	}

	static StaffSuggestion row(ResultSet rs, int n) throws SQLException {
		return new StaffSuggestion(rs.getLong("id"), rs.getString("kind"), rs.getLong("author_id"),
				rs.getObject("team_id", Long.class), rs.getString("subject"), rs.getString("text"),
				SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "due_at"), rs.getString("status"),
				rs.getString("answer"), rs.getObject("answered_by", Long.class), SqlValues.instant(rs, "answered_at"));
	}
}
