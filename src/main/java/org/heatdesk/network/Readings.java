package org.heatdesk.network;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The readings history of substations, their thresholds and their status changes, for pages and charts. */
@Service
class Readings {

	private final JdbcClient jdbc;

	private final NetworkRepository repository;

	Readings(JdbcClient jdbc, NetworkRepository repository) {
		this.jdbc = jdbc;
		this.repository = repository;
	}

	record StatusChange(OperatingStatus from, OperatingStatus to, Instant at) {
	}

	@Transactional(readOnly = true)
	Thresholds thresholds(long substationId) {
		return repository.thresholds(substationId).orElse(Thresholds.DEFAULTS);
	}

	/** Readings of a substation from {@code from} (inclusive), oldest first. */
	@Transactional(readOnly = true)
	List<Reading> since(long substationId, Instant from) {
		return jdbc.sql("""
				select read_at, primary_supply_temp, primary_return_temp, secondary_supply_temp, secondary_return_temp,
				       pressure, flow
				from network_reading where substation_id = ? and read_at >= ? order by read_at""")
			.params(substationId, Timestamp.from(from))
			.query((rs, n) -> new Reading(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3),
					rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)))
			.list();
	}

	@Transactional(readOnly = true)
	List<StatusChange> statusChanges(long substationId, int limit) {
		return jdbc.sql("""
				select from_status, to_status, changed_at from network_status_change
				where substation_id = ? order by changed_at desc, id desc limit ?""")
			.params(substationId, limit)
			.query((rs, n) -> new StatusChange(rs.getString(1) == null ? null : OperatingStatus.valueOf(rs.getString(1)),
					OperatingStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	long count(long substationId) {
		return jdbc.sql("select count(*) from network_reading where substation_id = ?")
			.param(substationId)
			.query(Long.class)
			.single();
	}
}
