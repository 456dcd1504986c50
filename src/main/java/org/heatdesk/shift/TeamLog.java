package org.heatdesk.shift;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.SqlValues;
import org.heatdesk.staff.StaffView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team log (班组日志, 4.7): the shift's events in the lead's words and the equipment checks —
 * headsets, PCs, the switch, the recording — each item found working or not; an item not working
 * raises an equipment fault in the same step, linked from the log.
 */
@Service
class TeamLog {

	record Entry(long id, long teamId, Instant writtenAt, long authorId, String kind, String text, String item, Boolean ok,
			Long faultId) {
	}

	/** One item of a check: working, or not with what is wrong. */
	record CheckItem(boolean ok, String note) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final TeamLogPeople people;

	private final EquipmentFaults faults;

	private final Clock clock;

	TeamLog(JdbcClient jdbc, AuditTrail audit, TeamLogPeople people, EquipmentFaults faults, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.people = people;
		this.faults = faults;
		this.clock = clock;
	}

	/**
	 * An event of the shift.
	 * @throws HeatDeskException 400 {@code REQUIRED}, {@code TOO_LONG}; team refusals of {@link TeamLogPeople#team}
	 */
	@Transactional
	Entry write(Actor by, Long teamId, String text) {
		StaffView me = people.me(by);
		long team = people.team(me, teamId);
		String t = InputChecks.required(text, "text", 4000);
		long id = jdbc.sql("""
				insert into shift_team_log (team_id, written_at, author_id, kind, text) values (?, ?, ?, 'EVENT', ?)
				returning id""")
			.params(team, SqlValues.ts(clock.instant()), me.id(), t)
			.query(Long.class)
			.single();
		audit.record(by, "SHIFT_LOG_WRITTEN", "shift_team_log", id, null, Map.of("teamId", team, "text", t));
		return find(id);
	}

	/**
	 * An equipment check of the four items; each item not working raises a fault (its note the fault's
	 * description).
	 * @throws HeatDeskException 400 {@code SHIFT_CHECK_ITEM_MISSING} (an item not looked at),
	 *         {@code SHIFT_CHECK_NOTE_REQUIRED} (an item not working without what is wrong)
	 */
	@Transactional
	List<Entry> check(Actor by, Long teamId, Map<EquipmentFaults.Item, CheckItem> items) {
		StaffView me = people.me(by);
		long team = people.team(me, teamId);
		for (EquipmentFaults.Item item : EquipmentFaults.Item.CHECKED) {
			CheckItem c = items.get(item);
			if (c == null) {
				throw HeatDeskException.badInput("SHIFT_CHECK_ITEM_MISSING", "item-" + item.name());
			}
			if (!c.ok() && InputChecks.blank(c.note())) {
				throw HeatDeskException.badInput("SHIFT_CHECK_NOTE_REQUIRED", "note-" + item.name());
			}
			InputChecks.optional(c.note(), "note-" + item.name(), 2000);
		}
		Instant now = clock.instant();
		List<Entry> written = new ArrayList<>();
		Map<String, Object> summary = new LinkedHashMap<>();
		for (EquipmentFaults.Item item : EquipmentFaults.Item.CHECKED) {
			CheckItem c = items.get(item);
			String note = InputChecks.trim(c.note());
			Long faultId = c.ok() ? null : faults.raise(by, me, team, item, note).id();
			long id = jdbc.sql("""
					insert into shift_team_log (team_id, written_at, author_id, kind, text, item, ok, fault_id)
					values (?, ?, ?, 'CHECK', ?, ?, ?, ?) returning id""")
				.params(team, SqlValues.ts(now), me.id(), note, item.name(), c.ok(), faultId)
				.query(Long.class)
				.single();
			summary.put(item.name(), c.ok() ? "OK" : "FAULT " + faultId);
			written.add(find(id));
		}
		audit.record(by, "SHIFT_EQUIPMENT_CHECKED", "shift_team_log", team, null, summary);
		return written;
	}

	Entry find(long id) {
		return jdbc.sql("select * from shift_team_log where id = ?").param(id).query(TeamLog::row).single();
	}

	/** A team's log, newest first. */
	@Transactional(readOnly = true)
	List<Entry> entries(long teamId, int limit) {
		return jdbc.sql("select * from shift_team_log where team_id = ? order by written_at desc, id desc limit ?")
			.params(teamId, limit)
			.query(TeamLog::row)
			.list();
	}

	static Entry row(ResultSet rs, int n) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getLong("team_id"), SqlValues.instant(rs, "written_at"), rs.getLong("author_id"),
				rs.getString("kind"), rs.getString("text"), rs.getString("item"), rs.getObject("ok", Boolean.class),
				rs.getObject("fault_id", Long.class));
	}
}
