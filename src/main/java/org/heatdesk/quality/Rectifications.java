package org.heatdesk.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Rectifications (整改, 4.4): what a check found, who puts it right and by when (the end of the
 * deadline's day in the company's zone), closed with evidence by its owner or a supervisor. Open ones
 * past their deadline are overdue on the lead's board (the rectifications page and the hub).
 */
@Service
class Rectifications {

	enum Status {
		OPEN, DONE
	}

	record Rectification(long id, Long checkId, String finding, long ownerId, Long teamId, Instant dueAt, Status status,
			String evidence, String closedBy, Instant closedAt, String createdBy, Instant createdAt) {

		public boolean overdue(Instant now) {
			return status == Status.OPEN && now.isAfter(dueAt);
		}

		/** Closed by its deadline (null while open and not yet late). */
		public Boolean onTime(Instant now) {
			if (status == Status.DONE) {
				return !closedAt.isAfter(dueAt);
			}
			return now.isAfter(dueAt) ? false : null;
		}
	}

	private final JdbcClient jdbc;

	private final QualityPeople people;

	private final AuditTrail audit;

	Rectifications(JdbcClient jdbc, QualityPeople people, AuditTrail audit) {
		this.jdbc = jdbc;
		this.people = people;
		this.audit = audit;
	}

	/**
	 * Opens a rectification for {@code ownerId}, due at the end of {@code dueOn}.
	 * @throws HeatDeskException not a supervisor of the owner's team, no finding, no deadline or one in the past
	 */
	@Transactional
	long open(Actor actor, Long checkId, Long ownerId, String finding, LocalDate dueOn) {
		StaffView me = people.who(actor);
		if (ownerId == null) {
			throw HeatDeskException.badInput("REQUIRED", "ownerId");
		}
		StaffView owner = people.staff().find(ownerId)
			.orElseThrow(() -> HeatDeskException.badInput("QUALITY_OWNER_UNKNOWN", "ownerId"));
		if (!QualityPeople.supervises(me, owner.teamId())) {
			throw HeatDeskException.forbidden("QUALITY_NOT_YOUR_TEAM");
		}
		String f = InputChecks.required(finding, "finding", 1000);
		if (dueOn == null) {
			throw HeatDeskException.badInput("QUALITY_RECTIFICATION_DEADLINE", "rectifyBy");
		}
		Instant now = people.clock().instant();
		LocalDate today = LocalDate.ofInstant(now, people.zone());
		if (dueOn.isBefore(today) || dueOn.isAfter(today.plusYears(1))) {
			throw HeatDeskException.badInput("QUALITY_RECTIFICATION_DEADLINE_RANGE", "rectifyBy");
		}
		Instant due = dueOn.plusDays(1).atStartOfDay(people.zone()).toInstant();
		long id = jdbc.sql("""
				insert into quality_rectification (check_id, finding, owner_id, team_id, due_at, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(checkId, f, ownerId, owner.teamId(), Timestamp.from(due), actor.name(), Timestamp.from(now))
			.query(Long.class).single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("check", checkId == null ? "" : checkId);
		after.put("owner", owner.displayName());
		after.put("finding", f);
		after.put("dueOn", dueOn.toString());
		audit.record(actor, "QUALITY_RECTIFICATION_OPENED", "quality_rectification", id, null, after);
		return id;
	}

	/**
	 * Closes it with the evidence of what was done.
	 * @throws HeatDeskException neither its owner nor a supervisor of the team, no evidence, already closed
	 */
	@Transactional
	Rectification close(Actor actor, long id, String evidence) {
		StaffView me = people.who(actor);
		Rectification r = find(id).orElseThrow(() -> HeatDeskException.notFound("QUALITY_RECTIFICATION_NOT_FOUND", id));
		if (r.ownerId() != me.id() && !QualityPeople.supervises(me, r.teamId())) {
			throw HeatDeskException.forbidden("QUALITY_NOT_YOUR_RECTIFICATION");
		}
		String e = InputChecks.required(evidence, "evidence", 2000);
		if (r.status() != Status.OPEN) {
			throw HeatDeskException.conflict("QUALITY_RECTIFICATION_CLOSED", id);
		}
		Instant now = people.clock().instant();
		jdbc.sql("""
				update quality_rectification set status = 'DONE', evidence = ?, closed_by = ?, closed_at = ?
				where id = ? and status = 'OPEN'""")
			.params(e, actor.name(), Timestamp.from(now), id).update();
		Rectification after = find(id).orElseThrow();
		audit.record(actor, "QUALITY_RECTIFICATION_CLOSED", "quality_rectification", id, Map.of("status", Status.OPEN),
				Map.of("status", Status.DONE, "evidence", e, "onTime", after.onTime(now)));
		return after;
	}

	@Transactional(readOnly = true)
	Optional<Rectification> find(long id) {
		return jdbc.sql("select * from quality_rectification where id = ?").param(id).query(Rectifications::row)
			.optional();
	}

	@Transactional(readOnly = true)
	List<Rectification> ofCheck(long checkId) {
		return jdbc.sql("select * from quality_rectification where check_id = ? order by id").param(checkId)
			.query(Rectifications::row).list();
	}

	/**
	 * What the person sees: his own, and those of the teams he supervises or audits; open first, the
	 * overdue (earliest deadline) at the top, then the recently closed.
	 */
	@Transactional(readOnly = true)
	List<Rectification> visible(StaffView me, boolean open, int limit) {
		StringBuilder sql = new StringBuilder("select * from quality_rectification where status = :status");
		Map<String, Object> p = new HashMap<>();
		p.put("status", open ? "OPEN" : "DONE");
		if (!me.has(Role.MANAGER) && !me.has(Role.AUDITOR)) {
			if (me.has(Role.TEAM_LEAD) && me.teamId() != null) {
				sql.append(" and (owner_id = :me or team_id = :team)");
				p.put("team", me.teamId());
			}
			else {
				sql.append(" and owner_id = :me");
			}
			p.put("me", me.id());
		}
		sql.append(open ? " order by due_at, id" : " order by closed_at desc, id desc").append(" limit :limit");
		p.put("limit", limit);
		return jdbc.sql(sql.toString()).params(p).query(Rectifications::row).list();
	}

	static Rectification row(ResultSet rs, int n) throws SQLException {
		return new Rectification(rs.getLong("id"), (Long) rs.getObject("check_id", Long.class), rs.getString("finding"),
				rs.getLong("owner_id"), (Long) rs.getObject("team_id", Long.class), SqlValues.instant(rs, "due_at"),
				Status.valueOf(rs.getString("status")), rs.getString("evidence"), rs.getString("closed_by"),
				SqlValues.instant(rs, "closed_at"), rs.getString("created_by"), SqlValues.instant(rs, "created_at"));
	}
}
