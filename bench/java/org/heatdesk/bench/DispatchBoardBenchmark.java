package org.heatdesk.bench;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.dispatch.Jobs;
import org.heatdesk.platform.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The dispatch board and the workload view at 200 technicians (10 crews), 5,000 tickets waiting for
 * dispatch and 5,000 open field jobs (plus 200 declined, back on the board): each read through the
 * page over HTTP (the server's whole time: security, the service, rendering), through the service
 * alone, and, as the baseline, the same SQL statements the service issues by raw JDBC on the same
 * pool, interleaved so all three see the same machine noise.
 * Run: {@code mvn -B -o test -Dtest=DispatchBoardBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@HeatDeskTest
class DispatchBoardBenchmark {

	static final int TECHNICIANS = 200;

	static final int CREWS = 10;

	static final int WAITING = Integer.getInteger("bench.waiting", 5_000);

	static final int JOBS = Integer.getInteger("bench.jobs", 5_000);

	static final int DECLINED = 200;

	static final int WARMUP = Integer.getInteger("bench.warmup", 40);

	static final int MEASURED = Integer.getInteger("bench.measured", 200);

	static final String ACTIVE = "('DISPATCHED','ACCEPTED','ON_THE_WAY','ON_SITE')";

	static final String OPEN = "('RECORDED','DISPATCHED','RESPONDED','REOPENED','PENDING_CUSTOMER')";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	Jobs jobs;

	long dispatcherId;

	@Test
	void boardAndWorkload() throws Exception {
		StringBuilder report = new StringBuilder();
		long start = System.nanoTime();
		fill();
		report.append(String.format("data: %d technicians in %d crews, %,d waiting tickets, %,d open jobs, %d declined, in %.1f s%n",
				TECHNICIANS, CREWS, WAITING, JOBS, DECLINED, (System.nanoTime() - start) / 1e9));
		for (String table : List.of("ticket", "dispatch_job", "dispatch_shift", "dispatch_skill", "dispatch_certificate",
				"staff_member", "staff_member_role", "dispatch_crew_area")) {
			jdbc.sql("analyze " + table).update();
		}
		dispatcherId = jdbc.sql("select id from staff_member where username = 'dispatcher'").query(Long.class).single();

		Object board = context.getBean("dispatchBoard");
		Method boardOf = board.getClass().getMethod("board", Actor.class);
		boardOf.setAccessible(true);
		Object workload = context.getBean("workload");
		Method view = workload.getClass().getMethod("view");
		view.setAccessible(true);
		Actor dispatcher = Actor.person("dispatcher", "赵敏");
		PageSession page = PageSession.login(port, "dispatcher");
		int rows = count(page.get("/dispatch/board").body(), "<tr data-ticket=");
		int workloadRows = count(page.get("/dispatch/workload").body(), "data-technician=");
		report.append(String.format("board page: %d ticket rows (the most urgent, of %,d waiting); workload page: %d technicians%n",
				rows, WAITING + DECLINED, workloadRows));
		long technicianId = jdbc.sql("select id from staff_member where username = 'bench1'").query(Long.class).single();
		Actor technician = Actor.person("bench1", "压测1号");
		PageSession phone = PageSession.login(port, "bench1");
		report.append(String.format("technician's page: %d job cards%n", count(phone.get("/field").body(), "data-ticket=")));

		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dispatcher",
				null, List.of(new SimpleGrantedAuthority("ROLE_DISPATCHER"))));
		try {
			report.append(String.format("%-26s %9s %9s %9s %9s %9s %9s %7s%n", "", "page p50", "page p99", "svc p50",
					"svc p99", "jdbc p50", "jdbc p99", "svc/jdbc"));
			compare(report, "dispatch board", () -> page.get("/dispatch/board"), () -> boardOf.invoke(board, dispatcher),
					this::rawBoard);
			compare(report, "workload", () -> page.get("/dispatch/workload"), () -> view.invoke(workload), this::rawWorkload);
			// the technician's phone: his list of jobs (25 active, as every bench technician has)
			compare(report, "technician's jobs (/field)", () -> phone.get("/field"), () -> jobs.mine(technician),
					() -> rawMine(technicianId));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		System.out.println("\n===== DispatchBoardBenchmark =====\n" + report + "==================================\n");
	}

	interface Step {

		void run() throws Exception;
	}

	private void compare(StringBuilder report, String name, Step page, Step service, Step raw) throws Exception {
		System.gc();
		for (int i = 0; i < WARMUP; i++) {
			page.run();
			service.run();
			raw.run();
		}
		double[] p = new double[MEASURED];
		double[] s = new double[MEASURED];
		double[] r = new double[MEASURED];
		for (int i = 0; i < MEASURED; i++) {
			long t0 = System.nanoTime();
			page.run();
			long t1 = System.nanoTime();
			service.run();
			long t2 = System.nanoTime();
			raw.run();
			long t3 = System.nanoTime();
			p[i] = (t1 - t0) / 1e6;
			s[i] = (t2 - t1) / 1e6;
			r[i] = (t3 - t2) / 1e6;
		}
		Arrays.sort(p);
		Arrays.sort(s);
		Arrays.sort(r);
		int p99 = (int) Math.ceil(MEASURED * 0.99) - 1;
		report.append(String.format("%-26s %6.1f ms %6.1f ms %6.1f ms %6.1f ms %6.1f ms %6.1f ms %7.2f%n", name,
				p[MEASURED / 2], p[p99], s[MEASURED / 2], s[p99], r[MEASURED / 2], r[p99], s[MEASURED / 2] / r[MEASURED / 2]));
	}

	// ---- the baseline: the statements DispatchBoard.board and Workload.view issue, by raw JDBC

	private void rawBoard() throws Exception {
		Instant now = clock.instant();
		try (Connection c = dataSource.getConnection()) {
			List<String> undone = new ArrayList<>();
			try (PreparedStatement s = c.prepareStatement("""
					select j.id, j.ticket_no, j.status, j.reason, j.technician_id from dispatch_job j
					where j.status in ('DECLINED','NOT_DONE')
					  and not exists (select 1 from dispatch_job k where k.ticket_no = j.ticket_no and k.id > j.id)""");
					ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					undone.add(rs.getString(2));
				}
			}
			String columns = """
					select t.id, t.ticket_no, t.type, t.category_id, t.priority, t.status, t.substation_id, t.community_id,
					  t.address, t.description, t.recorded_at, t.dispatch_due, t.on_site_due, t.incident, t.outage_id, t.version,
					  (select count(*) from ticket c where c.parent_id = t.id and c.status in %s) as children
					from ticket t""".formatted(OPEN);
			String in = String.join(",", undone.stream().map(x -> "?").toList());
			try (PreparedStatement s = c.prepareStatement("(" + columns + " " + """
					where t.type = 'REPAIR' and t.status in ('RECORDED','REOPENED') and t.parent_id is null
					  and t.about_staff_id is distinct from ? order by t.dispatch_due, t.id limit ?) union (""" + columns
					+ " where t.ticket_no in (" + in + ") and t.status in " + OPEN + " and t.about_staff_id is distinct from ?)")) {
				int i = 1;
				s.setLong(i++, dispatcherId);
				s.setInt(i++, 301);
				for (String no : undone) {
					s.setString(i++, no);
				}
				s.setLong(i, dispatcherId);
				drain(s);
			}
			common(c, now);
			try (PreparedStatement s = c.prepareStatement("select team_id, substation_id, community_id from dispatch_crew_area")) {
				drain(s);
			}
			try (PreparedStatement s = c.prepareStatement(
					"select technician_id, count(*) from dispatch_job where status in " + ACTIVE + " group by technician_id")) {
				drain(s);
			}
			try (PreparedStatement s = c.prepareStatement("""
					select id, staff_id, kind, number, issuer, valid_from, valid_until, scan_type
					from dispatch_certificate order by valid_until desc, id desc""")) {
				drain(s);
			}
			try (PreparedStatement s = c.prepareStatement("""
					select s.id, s.code, s.name, s.heat_source_id, h.name as heat_source_name, s.status, s.last_reading_at,
					       s.primary_supply_temp, s.primary_return_temp, s.secondary_supply_temp, s.secondary_return_temp,
					       s.pressure, s.flow, s.status_since, s.status_manual, s.capacity_mw, s.location
					from network_substation s join network_heat_source h on h.id = s.heat_source_id where true order by s.code""")) {
				drain(s);
			}
			try (PreparedStatement s = c.prepareStatement("""
					select c.id, c.name, c.district, c.substation_id, s.code as substation_code
					from network_community c join network_substation s on s.id = c.substation_id order by c.name""")) {
				drain(s);
			}
		}
	}

	private void rawWorkload() throws Exception {
		Instant now = clock.instant();
		Timestamp day = Timestamp.from(LocalDate.now(ZoneId.of("Asia/Shanghai")).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
		try (Connection c = dataSource.getConnection()) {
			try (PreparedStatement s = c.prepareStatement("""
					select technician_id,
					  count(*) filter (where dispatched_at >= ? or status in %1$s),
					  count(*) filter (where status in ('ACCEPTED','ON_THE_WAY','ON_SITE')),
					  count(*) filter (where status = 'DISPATCHED'),
					  count(*) filter (where status in %1$s and arrived_at is null and on_site_due < ?),
					  count(*) filter (where status = 'DONE' and finished_at >= ?),
					  count(*) filter (where status in %1$s)
					from dispatch_job
					where status in %1$s or dispatched_at >= ?
					group by technician_id""".formatted(ACTIVE))) {
				s.setTimestamp(1, day);
				s.setTimestamp(2, Timestamp.from(now));
				s.setTimestamp(3, day);
				s.setTimestamp(4, day);
				drain(s);
			}
			try (PreparedStatement s = c.prepareStatement("""
					select id, technician_id, ticket_no, status, on_site_due, address, arrived_at from (
					  select j.*, row_number() over (partition by technician_id order by on_site_due nulls last, id) as n
					  from dispatch_job j where status in %s) j
					where n <= ? order by technician_id, n""".formatted(ACTIVE))) {
				s.setInt(1, 5);
				drain(s);
			}
			common(c, now);
		}
	}

	/** The roster and the technicians with their skills, which both read. */
	private void common(Connection c, Instant now) throws Exception {
		try (PreparedStatement s = c.prepareStatement("select staff_id from dispatch_shift where day = ? and shift = ?")) {
			s.setObject(1, LocalDate.now(ZoneId.of("Asia/Shanghai")));
			s.setString(2, "DAY");
			drain(s);
		}
		try (PreparedStatement s = c.prepareStatement("""
				select m.*, t.name as team_name,
				       (select string_agg(r.role, ',') from staff_member_role r where r.staff_id = m.id) as roles
				from staff_member m left join staff_team t on t.id = m.team_id
				 where 1 = 1 and exists (select 1 from staff_member_role r where r.staff_id = m.id and r.role = ?)
				 and m.active = ? order by m.active desc, m.employee_no""")) {
			s.setString(1, "TECHNICIAN");
			s.setBoolean(2, true);
			drain(s);
		}
		try (PreparedStatement s = c.prepareStatement("select staff_id, skill from dispatch_skill")) {
			drain(s);
		}
	}

	private static void drain(PreparedStatement s) throws Exception {
		try (ResultSet rs = s.executeQuery()) {
			int n = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				for (int i = 1; i <= n; i++) {
					rs.getObject(i);
				}
			}
		}
	}

	private static int count(String text, String what) {
		int n = 0;
		for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
			n++;
		}
		return n;
	}

	/** The statement {@code Jobs.mine} issues: the technician's active jobs, nearest on-site deadline first. */
	private void rawMine(long technicianId) throws Exception {
		try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
				select j.id, j.ticket_no, j.kind, j.technician_id, j.crew_id, j.status, j.substation_id, j.community_id,
				  j.address, j.on_site_due, j.dispatched_at, j.dispatched_by, j.note, j.accepted_at, j.on_the_way_at,
				  j.arrived_at, j.finished_at, j.reason, j.next_visit_at, j.cause, j.work_done, j.parts_used,
				  j.signature is not null as signed, j.signed_by, j.version,
				  (select count(*) from dispatch_job_photo p where p.job_id = j.id) as photos
				from dispatch_job j where j.technician_id = ? and j.status in ('DISPATCHED','ACCEPTED','ON_THE_WAY','ON_SITE')
				order by j.on_site_due nulls last, j.dispatched_at, j.id""")) {
			s.setLong(1, technicianId);
			drain(s);
		}
	}

	// ---- the data, in bulk

	private void fill() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String hash = jdbc.sql("select password_hash from staff_member where username = 'dispatcher'").query(String.class).single();
		jdbc.sql("""
				insert into staff_team (code, name) select 'BW' || lpad(g::text, 2, '0'), '压测维修' || g || '班'
				from generate_series(1, ?) g""").param(CREWS).update();
		jdbc.sql("""
				insert into staff_member (username, display_name, employee_no, team_id, password_hash, password_changed_at, created_at)
				select 'bench' || g, '压测' || g || '号', 'BW' || lpad(g::text, 4, '0'),
				       (select id from staff_team where code = 'BW' || lpad((1 + g % ?)::text, 2, '0')), ?, now(), now()
				from generate_series(1, ?) g""").params(CREWS, hash, TECHNICIANS).update();
		jdbc.sql("insert into staff_member_role (staff_id, role) select id, 'TECHNICIAN' from staff_member where username like 'bench%'")
			.update();
		jdbc.sql("insert into dispatch_skill (staff_id, skill) select id, 'PIPE_FITTER' from staff_member where username like 'bench%'")
			.update();
		jdbc.sql("""
				insert into dispatch_skill (staff_id, skill) select id, 'WELDER' from staff_member
				where username like 'bench%' and id % 4 = 0""").update();
		jdbc.sql("""
				insert into dispatch_certificate (staff_id, kind, number, issuer, valid_from, valid_until, created_at)
				select id, 'WELDING', 'T-B' || id, '济南市应急管理局', ?::date - 1000, ?::date + 500, now() from staff_member
				where username like 'bench%' and id % 8 = 0""").params(today, today).update();
		// half of them on each shift of today and yesterday, so about half are on duty whenever it runs
		jdbc.sql("""
				insert into dispatch_shift (staff_id, day, shift)
				select m.id, d.day, case when m.id % 2 = 0 then 'DAY' else 'NIGHT' end
				from staff_member m cross join (values (?::date), (?::date - 1)) d(day) where m.username like 'bench%'""")
			.params(today, today).update();
		jdbc.sql("""
				insert into dispatch_crew_area (team_id, substation_id)
				select t.id, s.id from staff_team t
				join (select id, row_number() over (order by code) as n from network_substation) s
				  on s.n % ? = (substring(t.code, 3)::int) % ?
				where t.code like 'BW%'""").params(CREWS, CREWS).update();
		long policy = jdbc.sql("select id from ticket_policy order by version desc limit 1").query(Long.class).single();
		long dispatcher = jdbc.sql("select id from staff_member where username = 'dispatcher'").query(Long.class).single();
		Timestamp at = Timestamp.from(now);
		// waiting tickets: recorded over the last three hours, deadlines from 2 hours past to 1 hour ahead
		jdbc.sql("""
				insert into ticket (ticket_no, type, category_id, priority, scope, channel, status, caller_phone, address,
				  description, substation_id, community_id, first_responder_id, first_responder, policy_id, recorded_at,
				  dispatch_due, respond_due, on_site_due, resolve_due)
				select 'BW-' || g, 'REPAIR', (select id from ticket_category where type = 'REPAIR' order by id offset g % 6 limit 1),
				  case when g % 20 = 0 then 'URGENT' else 'NORMAL' end, 'HOUSEHOLD', 'PHONE', 'RECORDED', '13900000000',
				  c.name || ' ' || (g % 30) || '-1-' || (100 + g % 20), '暖气不热，压测工单 ' || g, c.substation_id, c.id,
				  ?, 'dispatcher', ?, ?::timestamptz - make_interval(mins => g % 180),
				  ?::timestamptz - make_interval(mins => 120 - g % 180), ?::timestamptz + make_interval(mins => g % 60),
				  ?::timestamptz + make_interval(mins => 60 + g % 180), ?::timestamptz + interval '8 hours'
				from generate_series(1, ?) g
				join (select id, name, substation_id, row_number() over (order by id) - 1 as n from network_community) c
				  on c.n = g % (select count(*) from network_community)""")
			.params(dispatcher, policy, at, at, at, at, at, WAITING).update();
		// open jobs: dispatched tickets with an active job, 25 per technician, a tenth past their on-site deadline
		jdbc.sql("""
				insert into ticket (ticket_no, type, priority, scope, channel, status, caller_phone, address, description,
				  substation_id, community_id, first_responder_id, first_responder, assignee_id, policy_id, recorded_at,
				  dispatched_at, dispatch_due, respond_due, on_site_due, resolve_due)
				select 'BJ-' || g, 'REPAIR', 'NORMAL', 'HOUSEHOLD', 'PHONE', 'DISPATCHED', '13900000000', '压测地址 ' || g,
				  '压测派工 ' || g, null, null, ?, 'dispatcher', null, ?, ?::timestamptz - interval '3 hours',
				  ?::timestamptz - interval '2 hours', ?::timestamptz, ?::timestamptz, ?::timestamptz + make_interval(mins => g % 300 - 30),
				  ?::timestamptz + interval '8 hours'
				from generate_series(1, ? + ?) g""")
			.params(dispatcher, policy, at, at, at, at, at, at, JOBS, DECLINED).update();
		jdbc.sql("""
				insert into dispatch_job (ticket_no, kind, technician_id, crew_id, status, address, on_site_due, dispatched_at,
				  dispatched_by, accepted_at, arrived_at, reason)
				select t.ticket_no, 'PIPE_REPAIR', m.id, m.team_id,
				  case when g > ? then 'DECLINED' when g % 4 = 0 then 'DISPATCHED' when g % 4 = 1 then 'ACCEPTED'
				       when g % 4 = 2 then 'ON_THE_WAY' else 'ON_SITE' end,
				  t.address, t.on_site_due, t.dispatched_at, 'dispatcher', t.dispatched_at,
				  case when g <= ? and g % 4 = 3 then t.dispatched_at + interval '1 hour' end, case when g > ? then '车坏了' end
				from generate_series(1, ? + ?) g
				join ticket t on t.ticket_no = 'BJ-' || g
				join (select id, team_id, row_number() over (order by id) - 1 as n from staff_member where username like 'bench%') m
				  on m.n = g % ?""")
			.params(JOBS, JOBS, JOBS, JOBS, DECLINED, TECHNICIANS).update();
	}
}
