package org.heatdesk.shift;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Directives from superiors (上级交办, 4.8): what, from whom, by when and who does it; the owner
 * accepts and feeds back, which closes it. A directive without a deadline or an owner is refused:
 * no one would answer for it. Overdue ones stand first on the lead's and the managers' lists.
 */
@Service
class Directives {

	record Directive(long id, String title, String details, String fromWhom, Long teamId, long ownerId, Instant dueAt,
			long givenBy, Instant givenAt, String status, Instant acceptedAt, String feedback, Instant doneAt) {

		public boolean overdue(Instant now) {
			return !"DONE".equals(status) && now.isAfter(dueAt);
		}

		/** Fed back after its deadline. */
		public boolean late() {
			return doneAt != null && doneAt.isAfter(dueAt);
		}
	}

	record NewDirective(String title, String details, String fromWhom, Long ownerId, Instant dueAt) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ShiftNotices notices;

	private final TeamLogPeople people;

	private final Clock clock;

	Directives(JdbcClient jdbc, AuditTrail audit, ShiftNotices notices, TeamLogPeople people, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.notices = notices;
		this.people = people;
		this.clock = clock;
	}

	Clock clock() {
		return clock;
	}

	/**
	 * Records a directive given to {@code ownerId}, with a notice to the owner.
	 * @throws HeatDeskException 400 {@code REQUIRED} (title, fromWhom), {@code SHIFT_DIRECTIVE_OWNER_MISSING},
	 *         {@code SHIFT_DIRECTIVE_DEADLINE_MISSING}, {@code SHIFT_DIRECTIVE_DEADLINE_PAST},
	 *         {@code SHIFT_DIRECTIVE_OWNER_UNKNOWN}
	 */
	@Transactional
	Directive give(Actor by, NewDirective d) {
		StaffView giver = people.me(by);
		String title = InputChecks.required(d.title(), "title", 200);
		String details = InputChecks.optional(d.details(), "details", 4000);
		String from = InputChecks.required(d.fromWhom(), "fromWhom", 100);
		if (d.ownerId() == null) {
			throw HeatDeskException.badInput("SHIFT_DIRECTIVE_OWNER_MISSING", "ownerId");
		}
		if (d.dueAt() == null) {
			throw HeatDeskException.badInput("SHIFT_DIRECTIVE_DEADLINE_MISSING", "dueAt");
		}
		Instant due = InputChecks.instant(d.dueAt(), "dueAt");
		Instant now = clock.instant();
		if (!due.isAfter(now)) {
			throw HeatDeskException.badInput("SHIFT_DIRECTIVE_DEADLINE_PAST", "dueAt");
		}
		StaffView owner = people.find(d.ownerId())
			.filter(StaffView::active)
			.filter(s -> s.has(Role.AGENT) || s.has(Role.TEAM_LEAD) || s.has(Role.DISPATCHER) || s.has(Role.MANAGER))
			.orElseThrow(() -> HeatDeskException.badInput("SHIFT_DIRECTIVE_OWNER_UNKNOWN", "ownerId"));
		long id = jdbc.sql("""
				insert into shift_directive (title, details, from_whom, team_id, owner_id, due_at, given_by, given_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(title, details, from, owner.teamId(), owner.id(), SqlValues.ts(due), giver.id(), SqlValues.ts(now))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("title", title);
		after.put("fromWhom", from);
		after.put("owner", owner.username());
		after.put("dueAt", due.toString());
		audit.record(by, "SHIFT_DIRECTIVE_GIVEN", "shift_directive", id, null, after);
		notices.toStaff(owner.id(), "DIRECTIVE", "shift.notice.directive", "/shift/directives#directive-" + id, title,
				from);
		return find(id);
	}

	/**
	 * The owner takes the directive on.
	 * @throws HeatDeskException 404, 403 {@code SHIFT_DIRECTIVE_NOT_OWNER}, 409 {@code SHIFT_DIRECTIVE_NOT_GIVEN}
	 */
	@Transactional
	Directive accept(Actor by, long id) {
		StaffView me = people.me(by);
		Directive d = locked(id);
		if (d.ownerId() != me.id()) {
			throw HeatDeskException.forbidden("SHIFT_DIRECTIVE_NOT_OWNER");
		}
		if (!"GIVEN".equals(d.status())) {
			throw HeatDeskException.conflict("SHIFT_DIRECTIVE_NOT_GIVEN");
		}
		jdbc.sql("update shift_directive set status = 'ACCEPTED', accepted_at = ? where id = ?")
			.params(SqlValues.ts(clock.instant()), id)
			.update();
		audit.record(by, "SHIFT_DIRECTIVE_ACCEPTED", "shift_directive", id, Map.of("status", "GIVEN"),
				Map.of("status", "ACCEPTED"));
		return find(id);
	}

	/**
	 * The owner's feedback: what was done. It closes the directive (a directive not yet accepted is
	 * accepted by it).
	 * @throws HeatDeskException 400 {@code REQUIRED} (feedback), 404, 403, 409 {@code SHIFT_DIRECTIVE_DONE}
	 */
	@Transactional
	Directive feedback(Actor by, long id, String feedback) {
		StaffView me = people.me(by);
		String text = InputChecks.required(feedback, "feedback", 4000);
		Directive d = locked(id);
		if (d.ownerId() != me.id()) {
			throw HeatDeskException.forbidden("SHIFT_DIRECTIVE_NOT_OWNER");
		}
		if ("DONE".equals(d.status())) {
			throw HeatDeskException.conflict("SHIFT_DIRECTIVE_DONE");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update shift_directive set status = 'DONE', feedback = ?, done_at = ?, accepted_at = coalesce(accepted_at, ?)
				where id = ?""")
			.params(text, SqlValues.ts(now), SqlValues.ts(now), id)
			.update();
		audit.record(by, "SHIFT_DIRECTIVE_DONE", "shift_directive", id, Map.of("status", d.status()),
				Map.of("status", "DONE", "feedback", text, "late", now.isAfter(d.dueAt())));
		return find(id);
	}

	Directive find(long id) {
		return jdbc.sql("select * from shift_directive where id = ?").param(id).query(Directives::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("SHIFT_DIRECTIVE_NOT_FOUND", id));
	}

	private Directive locked(long id) {
		return jdbc.sql("select * from shift_directive where id = ? for update").param(id).query(Directives::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("SHIFT_DIRECTIVE_NOT_FOUND", id));
	}

	/**
	 * Directives for a list: not done first (overdue first, then by deadline), then the done of the
	 * last 30 days. {@code ownerId} for one person's, {@code teamId} for a team's, neither for all.
	 */
	@Transactional(readOnly = true)
	List<Directive> list(Long ownerId, Long teamId, int limit) {
		Instant since = clock.instant().minus(java.time.Duration.ofDays(30));
		return jdbc.sql("""
				select * from shift_directive
				where (cast(:owner as bigint) is null or owner_id = :owner)
				  and (cast(:team as bigint) is null or team_id = :team)
				  and (status <> 'DONE' or done_at >= :since)
				order by case when status = 'DONE' then 1 else 0 end, due_at, id limit :limit""")
			.param("owner", ownerId)
			.param("team", teamId)
			.param("since", SqlValues.ts(since))
			.param("limit", limit)
			.query(Directives::row)
			.list();
	}

	/** The directives not done of a team (or all teams), soonest deadline first. */
	@Transactional(readOnly = true)
	List<Directive> open(Long teamId) {
		return jdbc.sql("""
				select * from shift_directive where status <> 'DONE'
				  and (cast(:team as bigint) is null or team_id = :team)
				order by due_at, id limit 200""")
			.param("team", teamId)
			.query(Directives::row)
			.list();
	}

	static Directive row(ResultSet rs, int n) throws SQLException {
		return new Directive(rs.getLong("id"), rs.getString("title"), rs.getString("details"), rs.getString("from_whom"),
				rs.getObject("team_id", Long.class), rs.getLong("owner_id"), SqlValues.instant(rs, "due_at"),
				rs.getLong("given_by"), SqlValues.instant(rs, "given_at"), rs.getString("status"),
				SqlValues.instant(rs, "accepted_at"), rs.getString("feedback"), SqlValues.instant(rs, "done_at"));
	}
}
