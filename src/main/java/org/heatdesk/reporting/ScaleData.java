package org.heatdesk.reporting;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.heatdesk.platform.Company;
import org.heatdesk.platform.Deployment;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The scale option for the reporting benchmark: with {@code heatdesk.demo.scale-tickets=10000000} and
 * {@code heatdesk.demo.scale-calls=20000000} a demo database is filled with a heating season of
 * tickets and calls ({@link ScaleDataGenerator}: bulk COPY in batches, each its own transaction, the
 * tables' secondary indexes dropped meanwhile and built once at the end). The season is
 * {@code heatdesk.demo.scale-season} (its first year, e.g. 2025 for 2025-11-15 to 2026-03-15; by
 * default the last season that has ended). Progress is kept in {@code reporting_scale_progress}, so a
 * stopped run goes on where it was. Does nothing on an external database.
 */
@Component
class ScaleData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ScaleData.class);

	static final int BATCH = 100_000;

	/** From this many rows on, the indexes are dropped and built again at the end. */
	static final long REBUILD_FROM = 200_000;

	private static final List<String> TABLES = List.of("ticket", "contact_call", "contact_contact");

	private final Deployment deployment;

	private final DataSource dataSource;

	private final long tickets;

	private final long calls;

	private final int season;

	private final ZoneId zone;

	ScaleData(Deployment deployment, DataSource dataSource, Company company, Clock clock,
			@Value("${heatdesk.demo.scale-tickets:0}") long tickets, @Value("${heatdesk.demo.scale-calls:0}") long calls,
			@Value("${heatdesk.demo.scale-season:0}") int season) {
		this.deployment = deployment;
		this.dataSource = dataSource;
		this.tickets = tickets;
		this.calls = calls;
		this.zone = company.zone();
		this.season = season > 0 ? season : lastEndedSeason(LocalDate.ofInstant(clock.instant(), company.zone()));
	}

	/** The first year of the last season that has ended by {@code today} (seasons end on 15 March). */
	static int lastEndedSeason(LocalDate today) {
		LocalDate end = LocalDate.of(today.getYear(), 3, 16);
		return today.isBefore(end) ? today.getYear() - 2 : today.getYear() - 1;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		if (deployment.demo() && (tickets > 0 || calls > 0)) {
			fill(season, tickets, calls);
		}
	}

	/** Fills the season up to {@code ticketTarget} tickets and {@code callTarget} calls; returns the rows added. */
	long fill(int seasonYear, long ticketTarget, long callTarget) throws SQLException {
		return fill(seasonYear, ticketTarget, callTarget, java.time.Duration.ofDays(365));
	}

	/**
	 * As {@link #fill(int, long, long)}, stopping after the batch that passes {@code budget} (then the
	 * indexes are built and the tables analysed as usual; a later run goes on from there). Tickets and
	 * calls are written in turns, in step with their targets, so a stopped run has both in proportion.
	 */
	long fill(int seasonYear, long ticketTarget, long callTarget, java.time.Duration budget) throws SQLException {
		long start = System.nanoTime();
		long stopAt = start + budget.toNanos();
		ScaleDataGenerator generator = generator(seasonYear);
		long ticketsDone = progress("TICKETS", seasonYear);
		long callsDone = progress("CALLS", seasonYear);
		long toAdd = Math.max(0, ticketTarget - ticketsDone) + Math.max(0, callTarget - callsDone);
		if (toAdd == 0) {
			return 0;
		}
		List<String> deferred = toAdd >= REBUILD_FROM ? dropSecondaryIndexes() : List.of();
		long added = 0;
		try {
			while ((ticketsDone < ticketTarget || callsDone < callTarget) && System.nanoTime() < stopAt) {
				boolean ticketsNext = callsDone >= callTarget
						|| ticketsDone < ticketTarget && (double) ticketsDone / ticketTarget <= (double) callsDone / callTarget;
				if (ticketsNext) {
					long n = Math.min(BATCH, ticketTarget - ticketsDone);
					long first = ticketsDone;
					StringBuilder rows = new StringBuilder((int) n * 400);
					for (long i = first; i < first + n; i++) {
						generator.ticket(i, ticketTarget, i, rows);
					}
					inTransaction(c -> {
						long before = maxTicketId(c);
						copy(c, "ticket (" + ScaleDataGenerator.TICKET_COLUMNS + ")", rows);
						answeredInCall(c, before);
						saveProgress(c, "TICKETS", seasonYear, ticketTarget, first + n);
					});
					ticketsDone += n;
					added += n;
					logRate("tickets", ticketsDone, ticketTarget, added, start);
				}
				else {
					long n = Math.min(BATCH, callTarget - callsDone);
					long first = callsDone;
					inTransaction(c -> {
						long[] ids = contactIds(c, (int) n);
						StringBuilder contacts = new StringBuilder((int) n * 120);
						StringBuilder rows = new StringBuilder((int) n * 260);
						for (int i = 0; i < n; i++) {
							generator.call(first + i, callTarget, ids[i], contacts, rows);
						}
						copy(c, "contact_contact (" + ScaleDataGenerator.CONTACT_COLUMNS + ")", contacts);
						copy(c, "contact_call (" + ScaleDataGenerator.CALL_COLUMNS + ")", rows);
						saveProgress(c, "CALLS", seasonYear, callTarget, first + n);
					});
					callsDone += n;
					added += n;
					logRate("calls", callsDone, callTarget, added, start);
				}
			}
		}
		finally {
			if (!deferred.isEmpty()) {
				long indexing = System.nanoTime();
				inTransaction(c -> {
					try (Statement s = c.createStatement()) {
						s.execute("set local maintenance_work_mem = '512MB'");
						for (String definition : deferred) {
							s.execute(definition);
						}
					}
				});
				log.info("Scale: {} indexes rebuilt in {} s", deferred.size(), (System.nanoTime() - indexing) / 1_000_000_000);
			}
			inTransaction(c -> {
				try (Statement s = c.createStatement()) {
					for (String table : TABLES) {
						s.execute("analyze " + table);
					}
				}
			});
		}
		log.info("Scale: season {} has {} tickets and {} calls; {} rows added in {} s", seasonYear, ticketsDone, callsDone,
				added, (System.nanoTime() - start) / 1_000_000_000);
		return added;
	}

	private static long maxTicketId(Connection c) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from ticket")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Seven inquiries in ten of the batch (those after ticket {@code after}) were answered in the call itself. */
	private static void answeredInCall(Connection c, long after) throws SQLException {
		try (PreparedStatement p = c.prepareStatement("""
				insert into ticket_event (ticket_id, at, actor, kind)
				select id, recorded_at, first_responder, 'ANSWERED_IN_CALL' from ticket
				where id > ? and type = 'INQUIRY' and id % 10 < 7""")) {
			p.setLong(1, after);
			p.executeUpdate();
		}
	}

	private void logRate(String what, long done, long target, long added, long start) {
		double seconds = (System.nanoTime() - start) / 1e9;
		log.info("Scale: {} {}/{} ({} rows/s)", what, done, target, Math.round(added / Math.max(seconds, 0.001)));
	}

	private ScaleDataGenerator generator(int seasonYear) throws SQLException {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			List<ScaleDataGenerator.Agent> agents = new ArrayList<>();
			try (ResultSet rs = s.executeQuery("""
					select m.id, m.username from staff_member m join staff_member_role r on r.staff_id = m.id
					where r.role = 'AGENT' and m.active order by m.id limit 200""")) {
				while (rs.next()) {
					agents.add(new ScaleDataGenerator.Agent(rs.getLong(1), rs.getString(2)));
				}
			}
			List<ScaleDataGenerator.Place> places = new ArrayList<>();
			try (ResultSet rs = s.executeQuery("select id, substation_id from network_community order by id")) {
				while (rs.next()) {
					places.add(new ScaleDataGenerator.Place(rs.getLong(1), rs.getLong(2)));
				}
			}
			List<ScaleDataGenerator.Categories> categories = new ArrayList<>();
			for (String type : DashboardQueries.TYPES) {
				try (PreparedStatement p = c.prepareStatement(
						"select id from ticket_category where type = ? and active order by sort, id")) {
					p.setString(1, type);
					List<Long> ids = new ArrayList<>();
					try (ResultSet rs = p.executeQuery()) {
						while (rs.next()) {
							ids.add(rs.getLong(1));
						}
					}
					categories.add(new ScaleDataGenerator.Categories(type, ids.stream().mapToLong(Long::longValue).toArray()));
				}
			}
			long policy;
			try (ResultSet rs = s.executeQuery("select id from ticket_policy order by version desc limit 1")) {
				rs.next();
				policy = rs.getLong(1);
			}
			return new ScaleDataGenerator(seasonYear, zone, agents, places, categories, policy);
		}
	}

	private long progress(String kind, int seasonYear) throws SQLException {
		try (Connection c = dataSource.getConnection();
				PreparedStatement p = c.prepareStatement(
						"select generated from reporting_scale_progress where kind = ? and season_year = ?")) {
			p.setString(1, kind);
			p.setInt(2, seasonYear);
			try (ResultSet rs = p.executeQuery()) {
				return rs.next() ? rs.getLong(1) : 0;
			}
		}
	}

	private static void saveProgress(Connection c, String kind, int seasonYear, long target, long generated)
			throws SQLException {
		try (PreparedStatement p = c.prepareStatement("""
				insert into reporting_scale_progress (kind, season_year, target, generated, updated_at) values (?, ?, ?, ?, ?)
				on conflict (kind, season_year) do update set target = excluded.target, generated = excluded.generated,
				  updated_at = excluded.updated_at""")) {
			p.setString(1, kind);
			p.setInt(2, seasonYear);
			p.setLong(3, target);
			p.setLong(4, generated);
			p.setTimestamp(5, Timestamp.from(java.time.Instant.now()));
			p.executeUpdate();
		}
	}

	private static long[] contactIds(Connection c, int n) throws SQLException {
		long[] ids = new long[n];
		try (PreparedStatement p = c.prepareStatement(
				"select nextval('contact_contact_id_seq') from generate_series(1, ?)")) {
			p.setInt(1, n);
			try (ResultSet rs = p.executeQuery()) {
				for (int i = 0; rs.next(); i++) {
					ids[i] = rs.getLong(1);
				}
			}
		}
		return ids;
	}

	private static void copy(Connection c, String target, StringBuilder rows) throws SQLException {
		try {
			c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + target + " from stdin", new StringReader(rows.toString()));
		}
		catch (java.io.IOException e) {
			throw new SQLException(e);
		}
	}

	interface Work {

		void run(Connection c) throws SQLException;
	}

	private void inTransaction(Work work) throws SQLException {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				try (Statement s = c.createStatement()) {
					// the rows reference staff, communities, categories and contacts read or written just now:
					// skip the per-row foreign-key triggers of this bulk load (the embedded database's user is a
					// superuser), as the customers' scale option does
					s.execute("set local session_replication_role = replica");
				}
				work.run(c);
				c.commit();
			}
			catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
			finally {
				c.setAutoCommit(true);
			}
		}
	}

	/** Drops the non-unique indexes of the tables filled; returns their definitions to run again. */
	private List<String> dropSecondaryIndexes() throws SQLException {
		List<String> definitions = new ArrayList<>();
		inTransaction(c -> {
			List<String[]> indexes = new ArrayList<>();
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
					select i.indexname, i.indexdef from pg_indexes i
					join pg_class k on k.relname = i.indexname and k.relnamespace = i.schemaname::regnamespace
					join pg_index x on x.indexrelid = k.oid
					where i.schemaname = current_schema() and i.tablename in ('ticket', 'contact_call', 'contact_contact')
					  and not x.indisunique and not x.indisprimary""")) {
				while (rs.next()) {
					indexes.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
			try (Statement s = c.createStatement()) {
				for (String[] index : indexes) {
					s.execute("drop index " + index[0]);
					definitions.add(index[1]);
				}
			}
		});
		return definitions;
	}
}
