package org.heatdesk.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.Role;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.staff.StaffView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scoring a drawn call and what follows (4.4, 12.3): the checker (the agent's lead or a manager,
 * never the agent himself) gives each item of the rubric its points — a fatal item makes the score
 * 0 — with remarks at moments of the recording; a finding may open a rectification at once (a fatal
 * one must). The agent then acknowledges the result or disputes it; a manager who did not score it
 * decides a dispute, upholding or revising the score. The score is settled (and counted in the
 * figures) when acknowledged or decided.
 */
@Service
class SpotChecks {

	enum Status {
		TO_SCORE, SCORED, ACKNOWLEDGED, DISPUTED, DECIDED
	}

	enum Decision {
		UPHELD, REVISED
	}

	record Check(long id, long sampleId, long callId, long agentId, long teamId, String reasons, String addedBy,
			Status status, Instant dueAt, Long rubricId, Integer score, Boolean fatal, Integer threeVoices,
			Integer phrases, String summary, String checker, Instant scoredAt, Instant acknowledgedAt,
			String disputeReason, Instant disputedAt, Decision decision, String decisionNote, String decidedBy,
			Instant decidedAt, Integer finalScore, Instant settledAt, int version) {

		public boolean overdue(Instant now) {
			return status == Status.TO_SCORE && now.isAfter(dueAt);
		}
	}

	record Comment(long id, Integer atSecond, String text, String byName, Instant createdAt) {

		public String mark() {
			if (atSecond == null) {
				return null;
			}
			return String.format("%d:%02d", atSecond / 60, atSecond % 60);
		}
	}

	/** What a checker fills in: points per item id, the fatal items hit, remarks, and a rectification. */
	record Scoring(Map<Long, Integer> points, Set<Long> fatalHit, String summary, List<NewComment> comments,
			LocalDate rectifyBy, String finding) {
	}

	record NewComment(Integer atSecond, String text) {
	}

	private final JdbcClient jdbc;

	private final QualityPeople people;

	private final Rubrics rubrics;

	private final Rectifications rectifications;

	private final AuditTrail audit;

	SpotChecks(JdbcClient jdbc, QualityPeople people, Rubrics rubrics, Rectifications rectifications, AuditTrail audit) {
		this.jdbc = jdbc;
		this.people = people;
		this.rubrics = rubrics;
		this.rectifications = rectifications;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	Optional<Check> find(long id) {
		return jdbc.sql("select * from quality_check where id = ?").param(id).query(SpotChecks::check).optional();
	}

	/** The check, when this person may read it: the agent his own scored ones, supervisors and auditors their teams'. */
	@Transactional(readOnly = true)
	Check readable(StaffView me, long id) {
		Check c = find(id).orElseThrow(() -> HeatDeskException.notFound("QUALITY_CHECK_NOT_FOUND", id));
		boolean own = c.agentId() == me.id() && c.status() != Status.TO_SCORE;
		if (!own && !QualityPeople.reads(me, c.teamId())) {
			throw HeatDeskException.notFound("QUALITY_CHECK_NOT_FOUND", id);
		}
		return c;
	}

	@Transactional(readOnly = true)
	List<Check> ofSample(long sampleId) {
		return jdbc.sql("select * from quality_check where sample_id = ? order by agent_id, call_id").param(sampleId)
			.query(SpotChecks::check).list();
	}

	/** The agent's own scored checks, newest first. */
	@Transactional(readOnly = true)
	List<Check> mine(StaffView me, int limit) {
		return jdbc.sql("""
				select * from quality_check where agent_id = ? and status <> 'TO_SCORE'
				order by scored_at desc, id desc limit ?""").params(me.id(), limit).query(SpotChecks::check).list();
	}

	/** The checks the person supervises or audits in this status (all statuses when null), the oldest due first. */
	@Transactional(readOnly = true)
	List<Check> supervised(StaffView me, Status status, int limit) {
		StringBuilder sql = new StringBuilder("select * from quality_check where true");
		Map<String, Object> p = new HashMap<>();
		if (!me.has(Role.MANAGER) && !me.has(Role.AUDITOR)) {
			if (!me.has(Role.TEAM_LEAD) || me.teamId() == null) {
				return List.of();
			}
			sql.append(" and team_id = :team");
			p.put("team", me.teamId());
		}
		if (status != null) {
			sql.append(" and status = :status");
			p.put("status", status.name());
		}
		sql.append(" order by case status when 'DISPUTED' then 0 when 'TO_SCORE' then 1 else 2 end, due_at, id limit :limit");
		p.put("limit", limit);
		return jdbc.sql(sql.toString()).params(p).query(SpotChecks::check).list();
	}

	@Transactional(readOnly = true)
	Map<Long, Integer> itemPoints(long checkId) {
		Map<Long, Integer> m = new LinkedHashMap<>();
		jdbc.sql("select item_id, points, hit from quality_check_item where check_id = ?").param(checkId)
			.query((rs, n) -> m.put(rs.getLong(1), rs.getBoolean(3) ? -1 : rs.getInt(2))).list();
		return m;
	}

	@Transactional(readOnly = true)
	List<Comment> comments(long checkId) {
		return jdbc.sql("select * from quality_check_comment where check_id = ? order by at_second nulls last, id")
			.param(checkId)
			.query((rs, n) -> new Comment(rs.getLong("id"), (Integer) rs.getObject("at_second", Integer.class),
					rs.getString("text"), rs.getString("by_name"), SqlValues.instant(rs, "created_at")))
			.list();
	}

	/**
	 * Scores the check with the current rubric.
	 * @throws HeatDeskException the checker's own call, a call outside his teams, a check already
	 * scored, an item without points or with more than its own, a fatal item without a rectification
	 * deadline, a deadline in the past
	 */
	@Transactional
	Check score(Actor actor, long id, Scoring s) {
		StaffView me = people.who(actor);
		Check c = find(id).orElseThrow(() -> HeatDeskException.notFound("QUALITY_CHECK_NOT_FOUND", id));
		if (c.agentId() == me.id()) {
			throw HeatDeskException.forbidden("QUALITY_OWN_CALL");
		}
		if (!QualityPeople.supervises(me, c.teamId())) {
			throw HeatDeskException.forbidden("QUALITY_NOT_YOUR_TEAM");
		}
		if (c.status() != Status.TO_SCORE) {
			throw HeatDeskException.conflict("QUALITY_CHECK_ALREADY_SCORED", id);
		}
		Rubrics.Rubric rubric = rubrics.current();
		Map<Long, Integer> points = s.points() == null ? Map.of() : s.points();
		Set<Long> hit = s.fatalHit() == null ? Set.of() : s.fatalHit();
		int sum = 0;
		int voices = 0;
		int phrases = 0;
		List<String> lost = new ArrayList<>();
		for (Rubrics.Item item : rubric.scored()) {
			Integer given = points.get(item.id());
			if (given == null) {
				throw HeatDeskException.badInput("QUALITY_SCORE_ITEM_MISSING", "points." + item.code(), item.nameZh());
			}
			if (given < 0 || given > item.points()) {
				throw HeatDeskException.badInput("QUALITY_SCORE_ITEM_RANGE", "points." + item.code(), item.nameZh(),
						item.points());
			}
			sum += given;
			if (item.aspect() == Rubrics.Aspect.THREE_VOICES) {
				voices += given;
			}
			if (item.aspect() == Rubrics.Aspect.PHRASES) {
				phrases += given;
			}
			if (given < item.points()) {
				lost.add(item.nameZh() + " −" + (item.points() - given));
			}
		}
		for (Long f : hit) {
			if (rubric.fatal().stream().noneMatch(i -> i.id() == f)) {
				throw HeatDeskException.badInput("QUALITY_SCORE_FATAL_UNKNOWN", "fatal");
			}
		}
		List<Rubrics.Item> fatalItems = rubric.fatal().stream().filter(i -> hit.contains(i.id())).toList();
		boolean fatal = !fatalItems.isEmpty();
		fatalItems.forEach(i -> lost.add(0, i.nameZh()));
		String summary = InputChecks.optional(s.summary(), "summary", 2000);
		String finding = InputChecks.optional(s.finding(), "finding", 1000);
		if (fatal && s.rectifyBy() == null) {
			throw HeatDeskException.badInput("QUALITY_FATAL_NEEDS_RECTIFICATION", "rectifyBy");
		}
		List<NewComment> comments = s.comments() == null ? List.of() : s.comments();
		for (int i = 0; i < comments.size(); i++) {
			NewComment nc = comments.get(i);
			if (nc.atSecond() != null && (nc.atSecond() < 0 || nc.atSecond() > 24 * 3600)) {
				throw HeatDeskException.badInput("QUALITY_COMMENT_MARK", "comments[" + i + "].atSecond");
			}
			InputChecks.required(nc.text(), "comments[" + i + "].text", 1000);
		}
		int score = fatal ? 0 : sum;
		int voicesPercent = percent(voices, rubric.max(Rubrics.Aspect.THREE_VOICES));
		int phrasesPercent = percent(phrases, rubric.max(Rubrics.Aspect.PHRASES));
		Instant now = people.clock().instant();
		int updated = jdbc.sql("""
				update quality_check set status = 'SCORED', rubric_id = ?, score = ?, fatal = ?, three_voices = ?,
				       phrases = ?, summary = ?, checker = ?, scored_at = ?, version = version + 1
				where id = ? and status = 'TO_SCORE'""")
			.params(rubric.id(), score, fatal, voicesPercent, phrasesPercent, summary, actor.name(), Timestamp.from(now), id)
			.update();
		if (updated == 0) {
			throw HeatDeskException.conflict("QUALITY_CHECK_ALREADY_SCORED", id);
		}
		for (Rubrics.Item item : rubric.items()) {
			int given = item.fatal() ? 0 : points.get(item.id());
			jdbc.sql("insert into quality_check_item (check_id, item_id, points, hit) values (?, ?, ?, ?)")
				.params(id, item.id(), given, item.fatal() && hit.contains(item.id())).update();
		}
		for (NewComment nc : comments) {
			insertComment(id, nc.atSecond(), nc.text().strip(), actor, now);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("score", score);
		after.put("fatal", fatalItems.stream().map(Rubrics.Item::code).toList());
		after.put("rubric", rubric.version());
		after.put("lost", lost);
		audit.record(actor, "QUALITY_CHECK_SCORED", "quality_check", id, Map.of("status", c.status()), after);
		if (s.rectifyBy() != null) {
			String what = finding != null ? finding : String.join("；", lost.isEmpty() ? List.of("—") : lost);
			rectifications.open(actor, id, c.agentId(), what, s.rectifyBy());
		}
		return find(id).orElseThrow();
	}

	/** A remark at a moment of the recording, by a supervisor of the team, at any time. */
	@Transactional
	void comment(Actor actor, long id, Integer atSecond, String text) {
		StaffView me = people.who(actor);
		Check c = find(id).orElseThrow(() -> HeatDeskException.notFound("QUALITY_CHECK_NOT_FOUND", id));
		if (!QualityPeople.supervises(me, c.teamId())) {
			throw HeatDeskException.forbidden("QUALITY_NOT_YOUR_TEAM");
		}
		if (atSecond != null && (atSecond < 0 || atSecond > 24 * 3600)) {
			throw HeatDeskException.badInput("QUALITY_COMMENT_MARK", "atSecond");
		}
		String t = InputChecks.required(text, "text", 1000);
		long cid = insertComment(id, atSecond, t, actor, people.clock().instant());
		audit.record(actor, "QUALITY_CHECK_COMMENTED", "quality_check", id, null,
				Map.of("comment", cid, "atSecond", atSecond == null ? "" : atSecond));
	}

	/** The agent accepts the result; it is settled. */
	@Transactional
	Check acknowledge(Actor actor, long id) {
		StaffView me = people.who(actor);
		Check c = ownScored(me, id);
		Instant now = people.clock().instant();
		jdbc.sql("""
				update quality_check set status = 'ACKNOWLEDGED', acknowledged_at = ?, final_score = score, settled_at = ?,
				       version = version + 1 where id = ? and status = 'SCORED'""")
			.params(Timestamp.from(now), Timestamp.from(now), id).update();
		audit.record(actor, "QUALITY_CHECK_ACKNOWLEDGED", "quality_check", id, Map.of("status", c.status()),
				Map.of("status", Status.ACKNOWLEDGED, "score", c.score()));
		return find(id).orElseThrow();
	}

	/** The agent disputes the result, saying why; it goes to the managers. */
	@Transactional
	Check dispute(Actor actor, long id, String reason) {
		StaffView me = people.who(actor);
		String r = InputChecks.required(reason, "reason", 2000);
		Check c = ownScored(me, id);
		Instant now = people.clock().instant();
		jdbc.sql("""
				update quality_check set status = 'DISPUTED', dispute_reason = ?, disputed_at = ?, version = version + 1
				where id = ? and status = 'SCORED'""")
			.params(r, Timestamp.from(now), id).update();
		audit.record(actor, "QUALITY_CHECK_DISPUTED", "quality_check", id, Map.of("status", c.status()),
				Map.of("status", Status.DISPUTED, "reason", r));
		return find(id).orElseThrow();
	}

	/**
	 * A manager decides a dispute: the score stands, or is revised to {@code revisedScore}.
	 * @throws HeatDeskException not a manager, the manager who scored it, not disputed, no decision,
	 * a revision without a score in 0–100, no note
	 */
	@Transactional
	Check decide(Actor actor, long id, Decision decision, Integer revisedScore, String note) {
		StaffView me = people.who(actor);
		if (!me.has(Role.MANAGER)) {
			throw HeatDeskException.forbidden("QUALITY_DECIDE_MANAGER_ONLY");
		}
		Check c = find(id).orElseThrow(() -> HeatDeskException.notFound("QUALITY_CHECK_NOT_FOUND", id));
		if (actor.name().equals(c.checker()) || c.agentId() == me.id()) {
			throw HeatDeskException.forbidden("QUALITY_DECIDE_OWN_CHECK");
		}
		if (c.status() != Status.DISPUTED) {
			throw HeatDeskException.conflict("QUALITY_CHECK_NOT_DISPUTED", id);
		}
		if (decision == null) {
			throw HeatDeskException.badInput("REQUIRED", "decision");
		}
		String n = InputChecks.required(note, "note", 2000);
		int fin;
		if (decision == Decision.REVISED) {
			if (revisedScore == null || revisedScore < 0 || revisedScore > Rubrics.TOTAL) {
				throw HeatDeskException.badInput("QUALITY_REVISED_SCORE_RANGE", "revisedScore", Rubrics.TOTAL);
			}
			fin = revisedScore;
		}
		else {
			fin = c.score();
		}
		Instant now = people.clock().instant();
		jdbc.sql("""
				update quality_check set status = 'DECIDED', decision = ?, decision_note = ?, decided_by = ?, decided_at = ?,
				       final_score = ?, settled_at = ?, version = version + 1 where id = ? and status = 'DISPUTED'""")
			.params(decision.name(), n, actor.name(), Timestamp.from(now), fin, Timestamp.from(now), id).update();
		audit.record(actor, "QUALITY_CHECK_DECIDED", "quality_check", id,
				Map.of("status", c.status(), "score", c.score()),
				Map.of("status", Status.DECIDED, "decision", decision, "finalScore", fin, "note", n));
		return find(id).orElseThrow();
	}

	private Check ownScored(StaffView me, long id) {
		Check c = find(id).orElseThrow(() -> HeatDeskException.notFound("QUALITY_CHECK_NOT_FOUND", id));
		if (c.agentId() != me.id()) {
			throw HeatDeskException.forbidden("QUALITY_NOT_YOUR_CHECK");
		}
		if (c.status() != Status.SCORED) {
			throw HeatDeskException.conflict("QUALITY_CHECK_NOT_OPEN", id);
		}
		return c;
	}

	private long insertComment(long checkId, Integer atSecond, String text, Actor actor, Instant at) {
		return jdbc.sql("""
				insert into quality_check_comment (check_id, at_second, text, by_name, created_at)
				values (?, ?, ?, ?, ?) returning id""")
			.params(checkId, atSecond, text, actor.displayName(), Timestamp.from(at)).query(Long.class).single();
	}

	private static int percent(int given, int max) {
		return max == 0 ? 0 : Math.round(given * 100f / max);
	}

	static Check check(ResultSet rs, int n) throws SQLException {
		return new Check(rs.getLong("id"), rs.getLong("sample_id"), rs.getLong("call_id"), rs.getLong("agent_id"),
				rs.getLong("team_id"), rs.getString("reasons"), rs.getString("added_by"),
				Status.valueOf(rs.getString("status")), SqlValues.instant(rs, "due_at"),
				(Long) rs.getObject("rubric_id", Long.class), (Integer) rs.getObject("score", Integer.class),
				(Boolean) rs.getObject("fatal", Boolean.class), (Integer) rs.getObject("three_voices", Integer.class),
				(Integer) rs.getObject("phrases", Integer.class), rs.getString("summary"), rs.getString("checker"),
				SqlValues.instant(rs, "scored_at"), SqlValues.instant(rs, "acknowledged_at"),
				rs.getString("dispute_reason"), SqlValues.instant(rs, "disputed_at"),
				rs.getString("decision") == null ? null : Decision.valueOf(rs.getString("decision")),
				rs.getString("decision_note"), rs.getString("decided_by"), SqlValues.instant(rs, "decided_at"),
				(Integer) rs.getObject("final_score", Integer.class), SqlValues.instant(rs, "settled_at"),
				rs.getInt("version"));
	}
}
