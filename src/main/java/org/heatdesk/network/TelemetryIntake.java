package org.heatdesk.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.SqlValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch of telemetry readings: each is checked on its own (an unknown substation or an
 * impossible value refuses that item only), stored once per substation and reading time, and the
 * newest reading of each substation becomes its live state unless a newer one is already applied.
 */
@Service
class TelemetryIntake {

	static final int MAX_BATCH = 1000;

	/** Clocks of field devices drift: a reading this far ahead of ours is still accepted. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/**
	 * No reading of this network can be older: a device whose clock says otherwise has lost it (a
	 * reset clock reads 1970 or 0000), and PostgreSQL cannot even hold some such dates.
	 */
	static final Instant EARLIEST_READ_AT = Instant.parse("2000-01-01T00:00:00Z");

	/**
	 * Times a batch is run when PostgreSQL breaks a deadlock or a serialization conflict by failing
	 * it; the batches of this class take their locks in one order, but other writers of the same
	 * rows need not.
	 */
	static final int ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(TelemetryIntake.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	TelemetryIntake(JdbcClient jdbc, JdbcTemplate template, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transaction = transaction;
	}

	/** One reading as sent; every field may be missing, which is checked here rather than by the parser. */
	record Item(String substation, String readAt, Double primarySupplyTemp, Double primaryReturnTemp,
			Double secondarySupplyTemp, Double secondaryReturnTemp, Double pressure, Double flow) {
	}

	enum Outcome {
		STORED, DUPLICATE, REFUSED
	}

	/** What happened to one item; a refusal carries the error code, its arguments and the field. */
	record ItemResult(int index, String substation, Instant readAt, Outcome result, String code, String field,
			Object[] args) {
	}

	/** A status change caused by the batch. */
	record Change(String substation, OperatingStatus from, OperatingStatus to, Instant at) {
	}

	record Result(List<ItemResult> items, List<Change> changes) {

		long count(Outcome outcome) {
			return items.stream().filter(i -> i.result() == outcome).count();
		}
	}

	private record Station(long id, String code, OperatingStatus status, boolean manual, Instant lastReadingAt,
			Thresholds thresholds) {
	}

	/**
	 * Stores what can be stored and applies the newest reading per substation to its live state, in
	 * one transaction. When PostgreSQL fails the batch's transaction to break a deadlock or a
	 * serialization conflict, the batch is run again (up to {@link #ATTEMPTS} times) rather than refused.
	 * @throws HeatDeskException for an empty or too large batch (nothing stored)
	 */
	Result receive(List<Item> items) {
		if (items == null || items.isEmpty()) {
			throw HeatDeskException.badInput("TELEMETRY_EMPTY", "readings");
		}
		if (items.size() > MAX_BATCH) {
			throw HeatDeskException.badInput("TELEMETRY_TOO_MANY", "readings", MAX_BATCH);
		}
		// inside a caller's transaction a failed attempt has spoilt that transaction: nothing to run again
		boolean mayRetry = !TransactionSynchronizationManager.isActualTransactionActive();
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> store(items));
			}
			catch (ConcurrencyFailureException e) {
				if (!mayRetry || attempt >= ATTEMPTS) {
					throw e;
				}
				log.info("Telemetry batch of {} readings failed by a lock conflict (attempt {}), running it again: {}",
						items.size(), attempt, e.getMostSpecificCause().getMessage());
				pause(attempt);
			}
		}
	}

	/** A short random wait, longer after each attempt, so that the batches that collided part. */
	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 6));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private Result store(List<Item> items) {
		Instant now = clock.instant();
		Map<String, Long> ids = substationIds(items);
		ItemResult[] results = new ItemResult[items.size()];
		List<Integer> valid = new ArrayList<>();
		List<Checked> checkedItems = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			Checked checked = check(item, ids, now);
			checkedItems.add(checked);
			if (checked.refusal() != null) {
				ItemResult r = checked.refusal();
				results[i] = new ItemResult(i, item == null ? null : item.substation(), checked.readAt(), Outcome.REFUSED,
						r.code(), r.field(), r.args());
			}
			else {
				valid.add(i);
			}
		}
		// Lock order: every substation row of the batch first, in id order, then the readings. Inserting a
		// reading takes a key-share lock on its substation (the foreign key); taking the row lock only
		// afterwards, to update the live state, made two batches of one substation each hold the share
		// lock and wait for the other's: PostgreSQL then failed all but one of them.
		Map<Long, Station> stations = lock(valid.stream().map(i -> checkedItems.get(i).substationId()).collect(
				Collectors.toCollection(TreeSet::new)));
		Set<Key> inserted = insert(valid.stream().map(checkedItems::get).toList(), now);
		Map<Long, Reading> newest = new TreeMap<>();
		for (int i : valid) {
			Checked c = checkedItems.get(i);
			// a reading sent twice in one batch is stored once: the first copy claims the key
			boolean stored = inserted.remove(new Key(c.substationId(), c.readAt()));
			results[i] = new ItemResult(i, c.code(), c.readAt(), stored ? Outcome.STORED : Outcome.DUPLICATE, null, null, null);
			if (stored) {
				newest.merge(c.substationId(), c.reading(), (a, b) -> a.readAt().isAfter(b.readAt()) ? a : b);
			}
		}
		return new Result(List.of(results), apply(newest, stations));
	}

	private record Key(long substationId, Instant readAt) {
	}

	/** Inserts the readings in one statement; returns the keys actually inserted (not already there). */
	private Set<Key> insert(List<Checked> readings, Instant now) {
		Set<Key> inserted = new HashSet<>();
		if (readings.isEmpty()) {
			return inserted;
		}
		int n = readings.size();
		Long[] ids = new Long[n];
		// instants travel as ISO text: the driver encodes arrays of strings and numbers, not of timestamps
		String[] at = new String[n];
		Double[][] v = new Double[6][n];
		for (int i = 0; i < n; i++) {
			Checked c = readings.get(i);
			Reading r = c.reading();
			ids[i] = c.substationId();
			at[i] = r.readAt().toString();
			v[0][i] = r.primarySupplyTemp();
			v[1][i] = r.primaryReturnTemp();
			v[2][i] = r.secondarySupplyTemp();
			v[3][i] = r.secondaryReturnTemp();
			v[4][i] = r.pressure();
			v[5][i] = r.flow();
		}
		jdbc.sql("""
				insert into network_reading (substation_id, read_at, primary_supply_temp, primary_return_temp,
				  secondary_supply_temp, secondary_return_temp, pressure, flow, received_at)
				select u.*, ? from unnest(?::bigint[], ?::timestamptz[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
				                          ?::float8[], ?::float8[]) as u
				on conflict (substation_id, read_at) do nothing
				returning substation_id, read_at""")
			.params(Timestamp.from(now), ids, at, v[0], v[1], v[2], v[3], v[4], v[5])
			.query(rs -> {
				inserted.add(new Key(rs.getLong(1), rs.getTimestamp(2).toInstant()));
			});
		return inserted;
	}

	/**
	 * Makes the newest reading of each substation its live state, unless a newer one is already
	 * applied; audits and publishes each status change.
	 */
	private List<Change> apply(Map<Long, Reading> newest, Map<Long, Station> stations) {
		List<Change> changes = new ArrayList<>();
		if (newest.isEmpty()) {
			return changes;
		}
		List<Object[]> updates = new ArrayList<>();
		for (Map.Entry<Long, Reading> entry : newest.entrySet()) {
			Station s = stations.get(entry.getKey());
			Reading reading = entry.getValue();
			if (s.lastReadingAt() != null && !reading.readAt().isAfter(s.lastReadingAt())) {
				// a late reading is history only: the live state stays with the newer one
				continue;
			}
			OperatingStatus to = StatusRules.next(s.status(), s.manual(), s.lastReadingAt(), s.thresholds(), reading);
			boolean changed = to != s.status();
			Timestamp at = Timestamp.from(reading.readAt());
			updates.add(new Object[] { at, reading.primarySupplyTemp(), reading.primaryReturnTemp(),
					reading.secondarySupplyTemp(), reading.secondaryReturnTemp(), reading.pressure(), reading.flow(),
					to.name(), changed, at, s.id() });
			if (changed) {
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("status", to.name());
				after.put("readAt", reading.readAt().toString());
				audit.record("SUBSTATION_STATUS_CHANGED", "network_substation", s.id(), Map.of("status", s.status().name()),
						after);
				events.publishEvent(new SubstationStatusChanged(s.id(), s.code(), s.status(), to, reading.readAt()));
				changes.add(new Change(s.code(), s.status(), to, reading.readAt()));
			}
		}
		template.batchUpdate("""
				update network_substation set last_reading_at = ?, primary_supply_temp = ?, primary_return_temp = ?,
				  secondary_supply_temp = ?, secondary_return_temp = ?, pressure = ?, flow = ?, status = ?,
				  status_since = case when ? then ? else status_since end, version = version + 1
				where id = ?""", updates);
		return changes;
	}

	/**
	 * Locks the substations' rows in id order, so two batches never wait on each other in a circle.
	 * {@code for no key update} is the lock the update of the live state takes anyway; it leaves
	 * other transactions free to insert rows that refer to the substation (outages, status history).
	 */
	private Map<Long, Station> lock(Set<Long> ids) {
		Map<Long, Station> stations = new TreeMap<>();
		if (ids.isEmpty()) {
			return stations;
		}
		jdbc.sql("""
				select id, code, status, status_manual, last_reading_at, primary_supply_warn_min, primary_supply_fault_min,
				       secondary_supply_warn_min, secondary_supply_fault_min, pressure_warn_min, pressure_warn_max,
				       pressure_fault_min, pressure_fault_max, flow_warn_min, flow_fault_min
				from network_substation where id = any(?) order by id for no key update""")
			.param(ids.toArray(Long[]::new))
			.query((rs, n) -> new Station(rs.getLong("id"), rs.getString("code"),
					OperatingStatus.valueOf(rs.getString("status")), rs.getBoolean("status_manual"),
					SqlValues.instant(rs, "last_reading_at"),
					new Thresholds(rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10),
							rs.getDouble(11), rs.getDouble(12), rs.getDouble(13), rs.getDouble(14), rs.getDouble(15))))
			.list()
			.forEach(s -> stations.put(s.id(), s));
		return stations;
	}

	private Map<String, Long> substationIds(List<Item> items) {
		List<String> codes = items.stream()
			.filter(i -> i != null && i.substation() != null)
			.map(i -> normalise(i.substation()))
			.distinct()
			.toList();
		Map<String, Long> ids = new LinkedHashMap<>();
		if (codes.isEmpty()) {
			return ids;
		}
		jdbc.sql("select code, id from network_substation where code = any(?)")
			.param(codes.toArray(String[]::new))
			.query(rs -> {
				ids.put(rs.getString(1), rs.getLong(2));
			});
		return ids;
	}

	private record Checked(Long substationId, String code, Instant readAt, Reading reading, ItemResult refusal) {

		static Checked refused(Instant readAt, String code, String field, Object... args) {
			return new Checked(null, null, readAt, null, new ItemResult(-1, null, readAt, Outcome.REFUSED, code, field, args));
		}
	}

	/** The bounds outside which a value cannot be a real measurement (°C, MPa, m³/h). */
	static boolean possible(String field, double value) {
		if (!Double.isFinite(value)) {
			return false;
		}
		return switch (field) {
			case "pressure" -> value >= 0 && value <= 4;
			case "flow" -> value >= 0 && value <= 20000;
			default -> value >= -40 && value <= 200;
		};
	}

	private Checked check(Item item, Map<String, Long> ids, Instant now) {
		if (item == null || item.substation() == null || item.substation().isBlank()) {
			return Checked.refused(null, "TELEMETRY_SUBSTATION_REQUIRED", "substation");
		}
		Instant readAt;
		if (item.readAt() == null || item.readAt().isBlank()) {
			return Checked.refused(null, "TELEMETRY_READ_AT_REQUIRED", "readAt");
		}
		try {
			readAt = OffsetDateTime.parse(item.readAt().strip()).toInstant();
		}
		catch (DateTimeParseException e) {
			return Checked.refused(null, "TELEMETRY_VALUE_IMPOSSIBLE", "readAt", "readAt", item.readAt());
		}
		String code = normalise(item.substation());
		Long id = ids.get(code);
		if (id == null) {
			return Checked.refused(readAt, "TELEMETRY_SUBSTATION_UNKNOWN", "substation", item.substation());
		}
		if (readAt.isAfter(now.plus(CLOCK_SKEW))) {
			return Checked.refused(readAt, "TELEMETRY_READ_AT_FUTURE", "readAt");
		}
		if (readAt.isBefore(EARLIEST_READ_AT)) {
			return Checked.refused(readAt, "TELEMETRY_READ_AT_TOO_EARLY", "readAt", item.readAt().strip());
		}
		Map<String, Double> values = new LinkedHashMap<>();
		values.put("primarySupplyTemp", item.primarySupplyTemp());
		values.put("primaryReturnTemp", item.primaryReturnTemp());
		values.put("secondarySupplyTemp", item.secondarySupplyTemp());
		values.put("secondaryReturnTemp", item.secondaryReturnTemp());
		values.put("pressure", item.pressure());
		values.put("flow", item.flow());
		for (Map.Entry<String, Double> v : values.entrySet()) {
			if (v.getValue() == null) {
				return Checked.refused(readAt, "TELEMETRY_VALUE_REQUIRED", v.getKey(), v.getKey());
			}
			if (!possible(v.getKey(), v.getValue())) {
				return Checked.refused(readAt, "TELEMETRY_VALUE_IMPOSSIBLE", v.getKey(), v.getKey(), v.getValue());
			}
		}
		Reading reading = new Reading(readAt, item.primarySupplyTemp(), item.primaryReturnTemp(),
				item.secondarySupplyTemp(), item.secondaryReturnTemp(), item.pressure(), item.flow());
		return new Checked(id, code, readAt, reading, null);
	}

	private static String normalise(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}
}
