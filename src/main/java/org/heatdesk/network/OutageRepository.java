package org.heatdesk.network;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL that changes outages, and the manual status and thresholds of substations. */
@Repository
class OutageRepository {

	private final JdbcClient jdbc;

	OutageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(OutageKind kind, String title, String notice, Instant startsAt, Instant expectedRestoreAt, String by,
			Instant now, List<Long> substationIds, List<Long> communityIds) {
		long id = jdbc.sql("""
				insert into network_outage (kind, title, notice_text, starts_at, expected_restore_at, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kind.name(), title, notice, Timestamp.from(startsAt), Timestamp.from(expectedRestoreAt), by,
					Timestamp.from(now))
			.query(Long.class)
			.single();
		for (Long s : substationIds) {
			jdbc.sql("insert into network_outage_substation (outage_id, substation_id) values (?, ?)").params(id, s).update();
		}
		for (Long c : communityIds) {
			jdbc.sql("insert into network_outage_community (outage_id, community_id) values (?, ?)").params(id, c).update();
		}
		return id;
	}

	boolean extend(long id, Instant previous, Instant expectedRestoreAt) {
		return jdbc.sql("""
				update network_outage set expected_restore_at = ?, version = version + 1
				where id = ? and expected_restore_at = ? and restored_at is null""")
			.params(Timestamp.from(expectedRestoreAt), id, Timestamp.from(previous))
			.update() == 1;
	}

	void recordExtension(long id, Instant previous, Instant expectedRestoreAt, String reason, String by, Instant now) {
		jdbc.sql("""
				insert into network_outage_extension (outage_id, previous_restore_at, expected_restore_at, reason, extended_by, extended_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, Timestamp.from(previous), Timestamp.from(expectedRestoreAt), reason, by, Timestamp.from(now))
			.update();
	}

	boolean restore(long id, Instant at, String by) {
		return jdbc.sql("""
				update network_outage set restored_at = ?, restored_by = ?, version = version + 1
				where id = ? and restored_at is null""")
			.params(Timestamp.from(at), by, id)
			.update() == 1;
	}

	List<OutageExtension> extensions(long id) {
		return jdbc.sql("""
				select previous_restore_at, expected_restore_at, reason, extended_by, extended_at
				from network_outage_extension where outage_id = ? order by extended_at, id""")
			.param(id)
			.query((rs, n) -> new OutageExtension(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
					rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	void setManualStatus(long substationId, boolean manual, OperatingStatus status, Instant since) {
		jdbc.sql("""
				update network_substation set status_manual = ?, status = ?, status_since = ?, version = version + 1
				where id = ?""")
			.params(manual, status.name(), since == null ? null : Timestamp.from(since), substationId)
			.update();
	}

	void setThresholds(long substationId, Thresholds t, OperatingStatus status, Instant since) {
		jdbc.sql("""
				update network_substation set primary_supply_warn_min = ?, primary_supply_fault_min = ?,
				  secondary_supply_warn_min = ?, secondary_supply_fault_min = ?, pressure_warn_min = ?, pressure_warn_max = ?,
				  pressure_fault_min = ?, pressure_fault_max = ?, flow_warn_min = ?, flow_fault_min = ?,
				  status = ?, status_since = ?, version = version + 1
				where id = ?""")
			.params(t.primarySupplyWarnMin(), t.primarySupplyFaultMin(), t.secondarySupplyWarnMin(),
					t.secondarySupplyFaultMin(), t.pressureWarnMin(), t.pressureWarnMax(), t.pressureFaultMin(),
					t.pressureFaultMax(), t.flowWarnMin(), t.flowFaultMin(), status.name(),
					since == null ? null : Timestamp.from(since), substationId)
			.update();
	}
}
