package org.heatdesk.shift;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
 * Internal equipment-fault records (5.5, 5.7): a fault of the switch, the recording or another system
 * goes to the administrators, a headset's or a PC's to the team's lead; each has a deadline
 * ({@code heatdesk.shift.fault-limit.system}, {@code .equipment}) and is tracked to a written result,
 * like a customer's ticket.
 */
@Service
class EquipmentFaults {

	/** What can fail; the first four are the items of the equipment check. */
	enum Item {
		HEADSET(false), PC(false), SWITCH(true), RECORDING(true), SYSTEM(true);

		final boolean system;

		Item(boolean system) {
			this.system = system;
		}

		static final List<Item> CHECKED = List.of(HEADSET, PC, SWITCH, RECORDING);

		static Item of(String value, String field) {
			try {
				return valueOf(InputChecks.required(value, field, 20));
			}
			catch (IllegalArgumentException e) {
				throw HeatDeskException.badInput("SHIFT_FAULT_ITEM_UNKNOWN", field);
			}
		}
	}

	record EquipmentFault(long id, Long teamId, String item, String route, String description, long raisedBy,
			Instant raisedAt, Instant dueAt, String status, Long takenBy, Instant takenAt, String result, Long resolvedBy,
			Instant resolvedAt) {

		public boolean overdue(Instant now) {
			return !"RESOLVED".equals(status) && now.isAfter(dueAt);
		}

		public boolean resolvedLate() {
			return resolvedAt != null && resolvedAt.isAfter(dueAt);
		}
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ShiftNotices notices;

	private final TeamLogPeople people;

	private final Clock clock;

	private final Duration systemLimit;

	private final Duration equipmentLimit;

	EquipmentFaults(JdbcClient jdbc, AuditTrail audit, ShiftNotices notices, TeamLogPeople people, Clock clock,
			@Value("${heatdesk.shift.fault-limit.system:4h}") Duration systemLimit,
			@Value("${heatdesk.shift.fault-limit.equipment:24h}") Duration equipmentLimit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.notices = notices;
		this.people = people;
		this.clock = clock;
		this.systemLimit = systemLimit;
		this.equipmentLimit = equipmentLimit;
	}

	Clock clock() {
		return clock;
	}

	/**
	 * Raises a fault for a team, in the caller's transaction (the team log's check raises its faults
	 * with it), and tells those who fix it.
	 * @throws HeatDeskException 400 {@code REQUIRED}, {@code TOO_LONG}, {@code SHIFT_FAULT_ITEM_UNKNOWN}
	 */
	@Transactional
	EquipmentFault raise(Actor by, StaffView me, long teamId, Item item, String description) {
		String text = InputChecks.required(description, "description", 2000);
		Instant now = clock.instant();
		String route = item.system ? "SYSTEM" : "EQUIPMENT";
		Instant due = now.plus(item.system ? systemLimit : equipmentLimit);
		long id = jdbc.sql("""
				insert into shift_equipment_fault (team_id, item, route, description, raised_by, raised_at, due_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(teamId, item.name(), route, text, me.id(), SqlValues.ts(now), SqlValues.ts(due))
			.query(Long.class)
			.single();
		audit.record(by, "SHIFT_FAULT_RAISED", "shift_equipment_fault", id, null,
				Map.of("item", item.name(), "route", route, "description", text, "teamId", teamId, "dueAt", due.toString()));
		String link = "/shift/faults#fault-" + id;
		// the item in the key, not an argument: a notice's arguments are shown as they are, the key in the reader's language
		String key = "shift.notice.fault." + item.name();
		if (item.system) {
			notices.toRole(Role.ADMIN, "EQUIPMENT_FAULT", key, link, ServiceIncidents.abbreviate(text));
		}
		else {
			List<StaffView> leads = people.leads(teamId);
			if (leads.isEmpty()) {
				notices.toRole(Role.TEAM_LEAD, "EQUIPMENT_FAULT", key, link, ServiceIncidents.abbreviate(text));
			}
			for (StaffView lead : leads) {
				notices.toStaff(lead.id(), "EQUIPMENT_FAULT", key, link, ServiceIncidents.abbreviate(text));
			}
		}
		return find(id);
	}

	/** Raises a fault for the acting person's team (or the team a manager names). */
	@Transactional
	EquipmentFault raise(Actor by, Long teamId, String item, String description) {
		StaffView me = people.me(by);
		long team = people.team(me, teamId);
		return raise(by, me, team, Item.of(item, "item"), description);
	}

	/**
	 * The one who fixes it takes it on.
	 * @throws HeatDeskException 404, 403 {@code SHIFT_FAULT_NOT_YOURS}, 409 {@code SHIFT_FAULT_NOT_OPEN}
	 */
	@Transactional
	EquipmentFault take(Actor by, long id) {
		StaffView me = people.me(by);
		EquipmentFault f = locked(id);
		mayFix(me, f);
		if (!"OPEN".equals(f.status())) {
			throw HeatDeskException.conflict("SHIFT_FAULT_NOT_OPEN");
		}
		jdbc.sql("update shift_equipment_fault set status = 'IN_PROGRESS', taken_by = ?, taken_at = ? where id = ?")
			.params(me.id(), SqlValues.ts(clock.instant()), id)
			.update();
		audit.record(by, "SHIFT_FAULT_TAKEN", "shift_equipment_fault", id, Map.of("status", f.status()),
				Map.of("status", "IN_PROGRESS"));
		return find(id);
	}

	/**
	 * The result: what was done. Closes the fault.
	 * @throws HeatDeskException 400 {@code REQUIRED}, 404, 403 {@code SHIFT_FAULT_NOT_YOURS}, 409 {@code SHIFT_FAULT_RESOLVED}
	 */
	@Transactional
	EquipmentFault resolve(Actor by, long id, String result) {
		StaffView me = people.me(by);
		String text = InputChecks.required(result, "result", 2000);
		EquipmentFault f = locked(id);
		mayFix(me, f);
		if ("RESOLVED".equals(f.status())) {
			throw HeatDeskException.conflict("SHIFT_FAULT_RESOLVED");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update shift_equipment_fault set status = 'RESOLVED', result = ?, resolved_by = ?, resolved_at = ?,
				  taken_by = coalesce(taken_by, ?), taken_at = coalesce(taken_at, ?) where id = ?""")
			.params(text, me.id(), SqlValues.ts(now), me.id(), SqlValues.ts(now), id)
			.update();
		audit.record(by, "SHIFT_FAULT_RESOLVED", "shift_equipment_fault", id, Map.of("status", f.status()),
				Map.of("status", "RESOLVED", "result", text, "late", now.isAfter(f.dueAt())));
		return find(id);
	}

	/** Whether {@code me} is among those the fault goes to. */
	boolean mayFix(StaffView me, EquipmentFault f, boolean quiet) {
		if (me.has(Role.MANAGER)) {
			return true;
		}
		if ("SYSTEM".equals(f.route())) {
			return me.has(Role.ADMIN);
		}
		return me.has(Role.TEAM_LEAD) && (f.teamId() == null || f.teamId().equals(me.teamId()));
	}

	private void mayFix(StaffView me, EquipmentFault f) {
		if (!mayFix(me, f, true)) {
			throw HeatDeskException.forbidden("SHIFT_FAULT_NOT_YOURS");
		}
	}

	EquipmentFault find(long id) {
		return jdbc.sql("select * from shift_equipment_fault where id = ?").param(id).query(EquipmentFaults::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("SHIFT_FAULT_NOT_FOUND", id));
	}

	private EquipmentFault locked(long id) {
		return jdbc.sql("select * from shift_equipment_fault where id = ? for update").param(id)
			.query(EquipmentFaults::row)
			.optional()
			.orElseThrow(() -> HeatDeskException.notFound("SHIFT_FAULT_NOT_FOUND", id));
	}

	/**
	 * Faults for a list: open first (soonest deadline first), then resolved in the last 30 days.
	 * {@code route} narrows to SYSTEM or EQUIPMENT, {@code teamId} to a team.
	 */
	@Transactional(readOnly = true)
	List<EquipmentFault> list(String route, Long teamId, int limit) {
		return jdbc.sql("""
				select * from shift_equipment_fault
				where (cast(:route as varchar) is null or route = :route)
				  and (cast(:team as bigint) is null or team_id = :team)
				  and (status <> 'RESOLVED' or resolved_at >= :since)
				order by case when status = 'RESOLVED' then 1 else 0 end,
				  case when status <> 'RESOLVED' then due_at end, resolved_at desc, id desc limit :limit""")
			.param("route", route)
			.param("team", teamId)
			.param("since", SqlValues.ts(clock.instant().minus(Duration.ofDays(30))))
			.param("limit", limit)
			.query(EquipmentFaults::row)
			.list();
	}

	/** The open faults of a team (or of all teams), soonest deadline first. */
	@Transactional(readOnly = true)
	List<EquipmentFault> open(Long teamId) {
		return jdbc.sql("""
				select * from shift_equipment_fault where status <> 'RESOLVED'
				  and (cast(:team as bigint) is null or team_id = :team) order by due_at, id limit 200""")
			.param("team", teamId)
			.query(EquipmentFaults::row)
			.list();
	}

	static String itemKey(String item) {
		return "shift.fault.item." + item.toUpperCase(Locale.ROOT);
	}

	static EquipmentFault row(ResultSet rs, int n) throws SQLException {
		return new EquipmentFault(rs.getLong("id"), rs.getObject("team_id", Long.class), rs.getString("item"),
				rs.getString("route"), rs.getString("description"), rs.getLong("raised_by"), SqlValues.instant(rs, "raised_at"),
				SqlValues.instant(rs, "due_at"), rs.getString("status"), rs.getObject("taken_by", Long.class),
				SqlValues.instant(rs, "taken_at"), rs.getString("result"), rs.getObject("resolved_by", Long.class),
				SqlValues.instant(rs, "resolved_at"));
	}
}
