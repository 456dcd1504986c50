package org.heatdesk.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The compliance report over a season of 10,000,000 tickets and 20,000,000 calls (issue 15): the
 * month's report for the company through {@link ComplianceReports} and a team's report page over
 * HTTP, each beside a plain SQL query over the raw tables computing the same kind of figures (calls
 * answered within the limit, abandoned, the four marks on time, the median time to dispatch) in the
 * same run. The scale is generated first by {@link ScaleData} (resumable: keep the database between
 * runs with a data directory of its own):
 *
 * <pre>
 * mvn -B -o test -Dtest=ComplianceReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dheatdesk.embedded-db.ephemeral=false -Dheatdesk.embedded-db.dir=/tmp/heatdesk-bench/pg \
 *   -Dbench.tickets=10000000 -Dbench.calls=20000000 [-Dbench.generateOnly=true]
 * </pre>
 */
@HeatDeskTest
class ComplianceReportBenchmark {

	static final long TICKETS = Long.getLong("bench.tickets", 10_000_000);

	static final long CALLS = Long.getLong("bench.calls", 20_000_000);

	static final int SEASON = Integer.getInteger("bench.season", 2025);

	static final int WARMUP = Integer.getInteger("bench.warmup", 3);

	static final int MEASURED = Integer.getInteger("bench.measured", 20);

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	ScaleData scale;

	@Autowired
	ComplianceReports reports;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void monthOfASeason() throws Exception {
		StringBuilder report = new StringBuilder();
		long start = System.nanoTime();
		long added = scale.fill(SEASON, TICKETS, CALLS,
				java.time.Duration.ofSeconds(Long.getLong("bench.generateSeconds", 365L * 86400)));
		double seconds = (System.nanoTime() - start) / 1e9;
		long tickets = jdbc.sql("select count(*) from ticket").query(Long.class).single();
		long calls = jdbc.sql("select count(*) from contact_call").query(Long.class).single();
		report.append(String.format("scale: %,d rows added in %.0f s (%,.0f rows/s incl. index rebuild); database: %,d tickets, %,d calls%n",
				added, seconds, added / Math.max(seconds, 0.001), tickets, calls));
		if (Boolean.getBoolean("bench.generateOnly")) {
			System.out.println("\n===== ComplianceReportBenchmark =====\n" + report + "=====================================\n");
			return;
		}
		YearMonth month = YearMonth.of(SEASON + 1, 1);
		Period period = Period.month(month);
		Instant from = period.start(ZONE);
		Instant to = period.end(ZONE);
		long monthTickets = jdbc.sql("select count(*) from ticket where recorded_at >= ? and recorded_at < ?")
			.params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
		long monthCalls = jdbc.sql("select count(*) from contact_call where first_ring_at >= ? and first_ring_at < ?")
			.params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
		report.append(String.format("month %s: %,d tickets, %,d calls%n", month, monthTickets, monthCalls));
		long team = jdbc.sql("""
				select m.team_id from contact_call c join staff_member m on m.id = c.answered_staff_id
				where m.team_id is not null group by 1 order by count(*) desc limit 1""").query(Long.class).single();

		report.append(String.format("%-40s %10s %10s %10s%n", "", "p50 ms", "p99 ms", "max ms"));
		double[] company = measure(() -> reports.values(period, Scope.COMPANY));
		line(report, "company month, ComplianceReports", company);
		double[] companyRaw = measure(() -> raw(from, to, null));
		line(report, "company month, plain SQL on raw tables", companyRaw);
		report.append(String.format("ratio p50 report / plain SQL: %.3f%n", company[0] / companyRaw[0]));

		double[] teamService = measure(() -> reports.values(period, Scope.team(team)));
		line(report, "team month, ComplianceReports", teamService);
		PageSession manager = PageSession.login(port, "manager");
		String page = System.getProperty("bench.teamPage", "");
		if (!page.isEmpty()) {
			String path = page.replace("{team}", Long.toString(team)).replace("{from}", period.from().toString())
				.replace("{to}", period.to().toString());
			int status = manager.get(path).statusCode();
			report.append("team page " + path + " answered " + status + "\n");
			double[] teamPage = measure(() -> manager.get(path));
			line(report, "team month, report page over HTTP", teamPage);
		}
		double[] teamRaw = measure(() -> raw(from, to, team));
		line(report, "team month, plain SQL on raw tables", teamRaw);
		report.append(String.format("ratio p50 report / plain SQL (team): %.3f%n", teamService[0] / teamRaw[0]));
		System.out.println("\n===== ComplianceReportBenchmark =====\n" + report + "=====================================\n");
	}

	interface Step {

		Object run() throws Exception;
	}

	private static double[] measure(Step step) throws Exception {
		for (int i = 0; i < WARMUP; i++) {
			step.run();
		}
		double[] ms = new double[MEASURED];
		for (int i = 0; i < MEASURED; i++) {
			long t = System.nanoTime();
			step.run();
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(ms);
		return new double[] { ms[MEASURED / 2], ms[(int) Math.ceil(MEASURED * 0.99) - 1], ms[MEASURED - 1] };
	}

	private static void line(StringBuilder report, String name, double[] v) {
		report.append(String.format("%-40s %10.1f %10.1f %10.1f%n", name, v[0], v[1], v[2]));
		System.out.println(name + ": p50 " + v[0] + " ms");
	}

	/**
	 * The baseline: the month's figures straight from the raw tables, one statement per table — calls
	 * (offered, answered, within the limit, abandoned), the four marks' deadlines kept, the median
	 * minutes from intake to dispatch of repairs — for the company or one team.
	 */
	private Object raw(Instant from, Instant to, Long team) {
		String callTeam = team == null ? "" : " and c.answered_staff_id in (select id from staff_member where team_id = :team)";
		String ticketTeam = team == null ? "" : " and t.first_responder_id in (select id from staff_member where team_id = :team)";
		var calls = jdbc.sql("""
				select count(*) filter (where answered_at is not null or abandoned), count(*) filter (where answered_at is not null),
				       count(*) filter (where within_limit and answered_at is not null), count(*) filter (where abandoned)
				from contact_call c where direction = 'INBOUND' and first_ring_at >= :from and first_ring_at < :to""" + callTeam);
		var marks = jdbc.sql("""
				select count(*) filter (where dispatch_due is not null), count(*) filter (where dispatched_at <= dispatch_due),
				       count(*) filter (where respond_due is not null), count(*) filter (where responded_at <= respond_due),
				       count(*) filter (where on_site_due is not null), count(*) filter (where on_site_at <= on_site_due),
				       count(*) filter (where resolve_due is not null), count(*) filter (where resolved_at <= resolve_due),
				       percentile_disc(0.5) within group (order by dispatched_at - recorded_at) filter (where type = 'REPAIR')
				from ticket t where recorded_at >= :from and recorded_at < :to and cancelled_at is null""" + ticketTeam);
		calls = calls.param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
		marks = marks.param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
		if (team != null) {
			calls = calls.param("team", team);
			marks = marks.param("team", team);
		}
		return calls.query().listOfRows().size() + marks.query().listOfRows().size();
	}

	static {
		Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
	}
}
