package org.heatdesk.shift;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service incidents (服务事故) and disputes (纠纷) of the center (4.5): recorded at once and
 * reported upward in the same step (a notice to every manager), investigated by the lead,
 * concluded by a manager. Not the ticket module's outage parent ticket ("master ticket").
 * Reported in time: recorded within {@code heatdesk.shift.incident-report-limit} of when it happened.
 */
@Service
class ServiceIncidents {

	enum Kind {
		INCIDENT, DISPUTE
	}

	record ServiceIncident(long id, String kind, Long teamId, Instant occurredAt, String summary, String involved,
			String ticketNo, long recordedBy, Instant recordedAt, Instant reportedAt, String status, String investigation,
			Long investigatedBy, Instant investigatedAt, String conclusion, Long concludedBy, Instant concludedAt) {

		public boolean reportedInTime(Duration limit) {
			return !reportedAt.isAfter(occurredAt.plus(limit));
		}
	}

	record NewServiceIncident(String kind, Instant occurredAt, String summary, String involved, String ticketNo) {
	}

	/** A time a few minutes ahead of the server's is a clock apart, not a mistake. */
	private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ShiftNotices notices;

	private final TeamLogPeople people;

	private final Clock clock;

	private final Duration reportLimit;

	ServiceIncidents(JdbcClient jdbc, AuditTrail audit, ShiftNotices notices, TeamLogPeople people, Clock clock,
			@Value("${heatdesk.shift.incident-report-limit:60m}") Duration reportLimit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.notices = notices;
		this.people = people;
		this.clock = clock;
		this.reportLimit = reportLimit;
	}

	Duration reportLimit() {
		return reportLimit;
	}

	Clock clock() {
		return clock;
	}

	static Kind kind(String value) {
		try {
			return Kind.valueOf(InputChecks.required(value, "kind", 20));
		}
		catch (IllegalArgumentException e) {
			throw HeatDeskException.badInput("SHIFT_INCIDENT_KIND_UNKNOWN", "kind");
		}
	}

	/**
	 * Records an incident or dispute and reports it to the managers at once.
	 * @throws HeatDeskException 400 {@code REQUIRED}, {@code SHIFT_INCIDENT_KIND_UNKNOWN},
	 *         {@code SHIFT_INCIDENT_IN_FUTURE}, {@code TOO_LONG}
	 */
	@Transactional
	ServiceIncident record(Actor by, NewServiceIncident n) {
		StaffView me = people.me(by);
		Kind kind = kind(n.kind());
		if (n.occurredAt() == null) {
			throw HeatDeskException.badInput("REQUIRED", "occurredAt");
		}
		Instant occurred = InputChecks.instant(n.occurredAt(), "occurredAt");
		Instant now = clock.instant();
		if (occurred.isAfter(now.plus(CLOCK_TOLERANCE))) {
			throw HeatDeskException.badInput("SHIFT_INCIDENT_IN_FUTURE", "occurredAt");
		}
		String summary = InputChecks.required(n.summary(), "summary", 4000);
		String involved = InputChecks.optional(n.involved(), "involved", 300);
		String ticketNo = InputChecks.optional(n.ticketNo(), "ticketNo", 40);
		long id = jdbc.sql("""
				insert into shift_service_incident (kind, team_id, occurred_at, summary, involved, ticket_no, recorded_by,
				  recorded_at, reported_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kind.name(), me.teamId(), SqlValues.ts(occurred), summary, involved, ticketNo, me.id(),
					SqlValues.ts(now), SqlValues.ts(now))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", kind.name());
		after.put("occurredAt", occurred.toString());
		after.put("summary", summary);
		after.put("involved", involved);
		after.put("ticketNo", ticketNo);
		audit.record(by, "SHIFT_INCIDENT_REPORTED", "shift_service_incident", id, null, after);
		notices.toRole(Role.MANAGER, kind == Kind.INCIDENT ? "SERVICE_INCIDENT" : "DISPUTE",
				"shift.notice." + kind.name().toLowerCase(java.util.Locale.ROOT), "/shift/incidents#incident-" + id,
				me.displayName(), abbreviate(summary));
		return find(id);
	}

	/**
	 * The lead's investigation: what was found. Can be written again while not concluded.
	 * @throws HeatDeskException 400 {@code REQUIRED}, 404, 409 {@code SHIFT_INCIDENT_CONCLUDED}
	 */
	@Transactional
	ServiceIncident investigate(Actor by, long id, String investigation) {
		StaffView me = people.me(by);
		String text = InputChecks.required(investigation, "investigation", 4000);
		ServiceIncident i = locked(id);
		if ("CONCLUDED".equals(i.status())) {
			throw HeatDeskException.conflict("SHIFT_INCIDENT_CONCLUDED");
		}
		jdbc.sql("""
				update shift_service_incident set status = 'INVESTIGATING', investigation = ?, investigated_by = ?,
				  investigated_at = ? where id = ?""")
			.params(text, me.id(), SqlValues.ts(clock.instant()), id)
			.update();
		audit.record(by, "SHIFT_INCIDENT_INVESTIGATED", "shift_service_incident", id,
				mapOf("status", i.status(), "investigation", i.investigation()),
				Map.of("status", "INVESTIGATING", "investigation", text));
		return find(id);
	}

	/**
	 * A manager's conclusion, which closes the record.
	 * @throws HeatDeskException 400 {@code REQUIRED}, 404, 403 {@code SHIFT_INCIDENT_MANAGER_ONLY},
	 *         409 {@code SHIFT_INCIDENT_CONCLUDED}
	 */
	@Transactional
	ServiceIncident conclude(Actor by, long id, String conclusion) {
		StaffView me = people.me(by);
		if (!me.has(Role.MANAGER)) {
			throw HeatDeskException.forbidden("SHIFT_INCIDENT_MANAGER_ONLY");
		}
		String text = InputChecks.required(conclusion, "conclusion", 4000);
		ServiceIncident i = locked(id);
		if ("CONCLUDED".equals(i.status())) {
			throw HeatDeskException.conflict("SHIFT_INCIDENT_CONCLUDED");
		}
		jdbc.sql("""
				update shift_service_incident set status = 'CONCLUDED', conclusion = ?, concluded_by = ?, concluded_at = ?
				where id = ?""")
			.params(text, me.id(), SqlValues.ts(clock.instant()), id)
			.update();
		audit.record(by, "SHIFT_INCIDENT_CONCLUDED", "shift_service_incident", id, Map.of("status", i.status()),
				Map.of("status", "CONCLUDED", "conclusion", text));
		return find(id);
	}

	ServiceIncident find(long id) {
		return jdbc.sql("select * from shift_service_incident where id = ?").param(id).query(ServiceIncidents::row)
			.optional()
			.orElseThrow(() -> HeatDeskException.notFound("SHIFT_INCIDENT_NOT_FOUND", id));
	}

	private ServiceIncident locked(long id) {
		return jdbc.sql("select * from shift_service_incident where id = ? for update").param(id)
			.query(ServiceIncidents::row)
			.optional()
			.orElseThrow(() -> HeatDeskException.notFound("SHIFT_INCIDENT_NOT_FOUND", id));
	}

	/** Open first (oldest first), then the concluded of the last 90 days (newest first). */
	@Transactional(readOnly = true)
	List<ServiceIncident> list(Long teamId, int limit) {
		return jdbc.sql("""
				select * from shift_service_incident
				where (cast(:team as bigint) is null or team_id = :team)
				  and (status <> 'CONCLUDED' or concluded_at >= :since)
				order by case when status = 'CONCLUDED' then 1 else 0 end,
				  case when status <> 'CONCLUDED' then recorded_at end, concluded_at desc, id desc limit :limit""")
			.param("team", teamId)
			.param("since", SqlValues.ts(clock.instant().minus(Duration.ofDays(90))))
			.param("limit", limit)
			.query(ServiceIncidents::row)
			.list();
	}

	static String abbreviate(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

	static Map<String, Object> mapOf(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

	static ServiceIncident row(ResultSet rs, int n) throws SQLException {
		return new ServiceIncident(rs.getLong("id"), rs.getString("kind"), rs.getObject("team_id", Long.class),
				SqlValues.instant(rs, "occurred_at"), rs.getString("summary"), rs.getString("involved"),
				rs.getString("ticket_no"), rs.getLong("recorded_by"), SqlValues.instant(rs, "recorded_at"),
				SqlValues.instant(rs, "reported_at"), rs.getString("status"), rs.getString("investigation"),
				rs.getObject("investigated_by", Long.class), SqlValues.instant(rs, "investigated_at"),
				rs.getString("conclusion"), rs.getObject("concluded_by", Long.class), SqlValues.instant(rs, "concluded_at"));
	}
}
