package org.heatdesk.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workload view (工作量): each technician, by crew, with today's jobs, those in progress and those
 * overdue — an active job whose on-site deadline (上门时限, 10.2) has passed with nobody arrived — and
 * whether they are on duty now. Two statements over {@code dispatch_job}, whatever the number of
 * technicians: the counts per technician, and the first active jobs of each by deadline.
 */
@Service
class Workload {

	/** Active jobs listed per technician; the rest are counted. */
	static final int JOBS_SHOWN = 5;

	private final Technicians technicians;

	private final JdbcClient jdbc;

	private final Clock clock;

	Workload(Technicians technicians, JdbcClient jdbc, Clock clock) {
		this.technicians = technicians;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An active job on the workload view. */
	record JobLine(long jobId, String ticketNo, String status, Instant onSiteDue, String address, boolean overdue) {
	}

	/**
	 * One technician's figures.
	 * @param today jobs dispatched to them today (company zone) and jobs still active from before
	 * @param inProgress active jobs they have accepted (accepted, on the way, on site)
	 * @param waiting active jobs not yet accepted
	 * @param overdue active jobs past their on-site deadline without an arrival
	 * @param done jobs finished today
	 */
	record Line(TechnicianView technician, Shift onDuty, int today, int inProgress, int waiting, int overdue, int done,
			List<JobLine> jobs, int moreJobs) {
	}

	record CrewLoad(Long crewId, String crewName, List<Line> lines) {
	}

	record View(Instant at, List<CrewLoad> crews, int active, int overdue, int onDuty) {
	}

	private record Counts(int today, int inProgress, int waiting, int overdue, int done, int active) {
	}

	@Transactional(readOnly = true)
	public View view() {
		Instant now = clock.instant();
		Timestamp dayStart = Timestamp.from(technicians.dateAt(now).atStartOfDay(technicians.zone()).toInstant());
		Timestamp at = SqlValues.ts(now);
		Map<Long, Counts> counts = new HashMap<>();
		jdbc.sql("""
				select technician_id,
				  count(*) filter (where dispatched_at >= :day or status in %1$s),
				  count(*) filter (where status in ('ACCEPTED','ON_THE_WAY','ON_SITE')),
				  count(*) filter (where status = 'DISPATCHED'),
				  count(*) filter (where status in %1$s and arrived_at is null and on_site_due < :now),
				  count(*) filter (where status = 'DONE' and finished_at >= :day),
				  count(*) filter (where status in %1$s)
				from dispatch_job
				where status in %1$s or dispatched_at >= :day
				group by technician_id""".formatted(DispatchBoard.ACTIVE))
			.param("day", dayStart)
			.param("now", at)
			.query((rs, n) -> counts.put(rs.getLong(1),
					new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7))))
			.list();
		Map<Long, List<JobLine>> jobs = new HashMap<>();
		jdbc.sql("""
				select id, technician_id, ticket_no, status, on_site_due, address, arrived_at from (
				  select j.*, row_number() over (partition by technician_id order by on_site_due nulls last, id) as n
				  from dispatch_job j where status in %s) j
				where n <= :shown order by technician_id, n""".formatted(DispatchBoard.ACTIVE))
			.param("shown", JOBS_SHOWN)
			.query((rs, n) -> {
				Instant due = SqlValues.instant(rs, "on_site_due");
				boolean late = due != null && due.isBefore(now) && rs.getTimestamp("arrived_at") == null;
				return jobs.computeIfAbsent(rs.getLong("technician_id"), k -> new ArrayList<>())
					.add(new JobLine(rs.getLong("id"), rs.getString("ticket_no"), rs.getString("status"), due,
							rs.getString("address"), late));
			})
			.list();
		Map<Long, Shift> duty = technicians.onDutyAt(now);
		Map<Long, CrewLoad> crews = new LinkedHashMap<>();
		int active = 0;
		int overdue = 0;
		Counts none = new Counts(0, 0, 0, 0, 0, 0);
		for (TechnicianView t : technicians.technicians()) {
			Counts c = counts.getOrDefault(t.id(), none);
			List<JobLine> mine = jobs.getOrDefault(t.id(), List.of());
			active += c.active();
			overdue += c.overdue();
			crews.computeIfAbsent(t.crewId() == null ? -1L : t.crewId(),
					k -> new CrewLoad(t.crewId(), t.crewName(), new ArrayList<>()))
				.lines()
				.add(new Line(t, duty.get(t.id()), c.today(), c.inProgress(), c.waiting(), c.overdue(), c.done(), mine,
						Math.max(0, c.active() - mine.size())));
		}
		return new View(now, List.copyOf(crews.values()), active, overdue, duty.size());
	}
}
