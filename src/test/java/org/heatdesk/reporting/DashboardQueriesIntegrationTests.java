package org.heatdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.MovableClock;
import org.heatdesk.PageSession;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards' figures over the hand-made day of {@link DashboardFixtures} (expected values worked
 * out there and below by hand), their export to xlsx read back with POI, and the page's refusals.
 */
@HeatDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesIntegrationTests {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	@Autowired
	DashboardQueries queries;

	@Autowired
	ReportExport export;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@LocalServerPort
	int port;

	DashboardFixtures.Set set;

	List<DashboardTable> tables;

	@BeforeAll
	void write() {
		set = DashboardFixtures.write(jdbc, staff, 2018);
		tables = queries.tables(Period.day(set.day()), Scope.COMPANY, ZH);
	}

	/*
	 * A closed period's tables are read once an hour: a reader within the hour gets the same tables (a
	 * call moved out of the day meanwhile still counts), a reader an hour on reads afresh; the tests'
	 * own bean (ttl zero) always reads afresh.
	 */
	@Test
	void theTablesOfAClosedPeriodAreReadOnceAnHour(@Autowired ReportingReads reads,
			@Autowired org.springframework.context.MessageSource messages, @Autowired org.heatdesk.platform.Company company) {
		DashboardFixtures.Set closed = DashboardFixtures.write(jdbc, staff, 2016);
		Period day = Period.day(closed.day());
		MovableClock clock = new MovableClock(java.time.Instant.parse("2026-01-08T02:00:00Z"));
		DashboardQueries hourly = new DashboardQueries(reads, messages, clock, company, java.time.Duration.ofHours(1));
		// 5 offered that day (DashboardFixtures), the abandoned one at 09:50 among them
		assertThat(values(table(hourly.tables(day, Scope.COMPANY, ZH), "calls-by-day"), closed.day().toString()).get(0))
			.isEqualByComparingTo("5");
		jdbc.sql("""
				update contact_call set first_ring_at = first_ring_at - interval '3 years'
				where first_ring_at >= ? and first_ring_at < ? and abandoned and direction = 'INBOUND'
				  and switch_call_id like 'dash-%'""")
			.params(DashboardFixtures.at(closed.day(), 0, 0), DashboardFixtures.at(closed.day().plusDays(1), 0, 0))
			.update();
		assertThat(values(table(queries.tables(day, Scope.COMPANY, ZH), "calls-by-day"), closed.day().toString()).get(0))
			.isEqualByComparingTo("4");
		clock.advance(java.time.Duration.ofSeconds(3599));
		assertThat(values(table(hourly.tables(day, Scope.COMPANY, ZH), "calls-by-day"), closed.day().toString()).get(0))
			.isEqualByComparingTo("5");
		clock.advance(java.time.Duration.ofSeconds(1));
		assertThat(values(table(hourly.tables(day, Scope.COMPANY, ZH), "calls-by-day"), closed.day().toString()).get(0))
			.isEqualByComparingTo("4");
	}

	@Test
	void callsByHourCountOfferedAnsweredAbandonedAndWithinTheLimit() {
		// 09:xx: 09:10, 09:20 within, 09:40 late, 09:50 abandoned → offered 4, answered 3, abandoned 1, within 2 = 66.7 %
		assertThat(values(table("calls-by-hour"), "09:00")).containsExactly(n(4), n(3), n(1), n(2), d("66.7"));
		assertThat(values(table("calls-by-hour"), "14:00")).containsExactly(n(1), n(1), n(0), n(1), d("100.0"));
		assertThat(values(table("calls-by-hour"), "03:00")).containsExactly(n(0), n(0), n(0), n(0), null);
		assertThat(table("calls-by-hour").rows()).hasSize(24);
		// the whole day: 5 offered, 4 answered, 1 abandoned, 3 within = 75.0 %
		assertThat(values(table("calls-by-day"), set.day().toString())).containsExactly(n(5), n(4), n(1), n(3), d("75.0"));
	}

	@Test
	void ticketsByHourDayTypeAndCategory() {
		// columns: all, repairs, complaints, inquiries, suggestions, praise
		assertThat(values(table("tickets-by-hour"), "09:00")).containsExactly(n(1), n(1), n(0), n(0), n(0), n(0));
		assertThat(values(table("tickets-by-hour"), "13:00")).containsExactly(n(1), n(0), n(1), n(0), n(0), n(0));
		assertThat(values(table("tickets-by-day"), set.day().toString())).containsExactly(n(7), n(4), n(2), n(1), n(0), n(0));
		// 4 repairs of 7 (the cancelled one was recorded too) = 57.1 %, 2 complaints 28.6 %, 1 inquiry 14.3 %
		assertThat(values(table("tickets-by-type"), "报修")).containsExactly(n(4), d("57.1"));
		assertThat(values(table("tickets-by-type"), "投诉")).containsExactly(n(2), d("28.6"));
		assertThat(values(table("tickets-by-type"), "咨询")).containsExactly(n(1), d("14.3"));
		assertThat(values(table("tickets-by-type"), "表扬")).containsExactly(n(0), d("0.0"));
		assertThat(values(table("tickets-by-category"), "报修", "漏水")).containsExactly(n(2), d("28.6"));
		assertThat(values(table("tickets-by-category"), "投诉", "（未分类）")).containsExactly(n(1), d("14.3"));
	}

	@Test
	void theNetworkShowsComplaintsPerThousandCustomers() {
		// 2 complaints among 400 customers = 5.00 per 1,000
		assertThat(values(table("network"), set.substationLabel(), set.communityName()))
			.containsExactly(n(400), n(7), n(2), new BigDecimal("5.00"));
	}

	@Test
	void deadlinesAtEachMarkCountEveryRoundAndLeaveCancelledTicketsOut() {
		// dispatch: t1 kept, t2 late, t3 never, t1's first round late; t4 cancelled → 4 due, 1 kept, 3 late, 25.0 %
		assertThat(values(table("marks"), "有指令")).containsExactly(n(4), n(1), n(3), d("25.0"));
		assertThat(values(table("marks"), "有回音")).containsExactly(n(1), n(1), n(0), d("100.0"));
		assertThat(values(table("marks"), "上门")).containsExactly(n(0), n(0), n(0), null);
		// resolve: t1 kept, t2 not resolved by 18:00 → 2 due, 1 kept, 50.0 %
		assertThat(values(table("marks"), "有结果")).containsExactly(n(2), n(1), n(1), d("50.0"));
	}

	@Test
	void topCausesOfRepairs() {
		DashboardTable causes = table("repair-causes");
		assertThat(causes.rows().get(0).labels()).containsExactly("漏水");
		assertThat(values(causes, "漏水")).containsExactly(n(2), d("50.0"));
		assertThat(values(causes, "暖气不热")).containsExactly(n(1), d("25.0"));
		assertThat(values(causes, "阀门故障")).containsExactly(n(1), d("25.0"));
	}

	@Test
	void agentsAndTeams() {
		// 4 answered, 3 within = 75.0 %, talk (120 + 60 + 30 + 90) / 4 = 75 s, 7 recorded, 2 resolved or closed (t1, t7)
		assertThat(values(table("agents"), set.agentName(), set.teamName()))
			.containsExactly(n(4), n(3), d("75.0"), n(75), n(7), n(2));
		// 1 person answering, 4 answered, 3 within, 75.0 %, 7 recorded, 1 open ticket held by the team (t2)
		assertThat(values(table("teams"), set.teamName())).containsExactly(n(1), n(4), n(3), d("75.0"), n(7), n(1));
	}

	@Test
	void theFirstColdWeekAgainstLastSeasons() {
		DashboardTable season = table("season");
		assertThat(season.note()).contains("2017-11-15", "2017-11-21", "2018-11-15", "2018-11-21");
		// last season, this season, change %
		assertThat(values(season, "来电（呼入）")).containsExactly(n(1), n(3), d("200.0"));
		assertThat(values(season, "接听")).containsExactly(n(1), n(2), d("100.0"));
		assertThat(values(season, "三声内接听率 %")).containsExactly(d("100.0"), d("100.0"), d("0.0"));
		assertThat(values(season, "放弃率 %")).containsExactly(d("0.0"), d("33.3"), null);
		assertThat(values(season, "工单")).containsExactly(n(1), n(3), d("200.0"));
		assertThat(values(season, "报修")).containsExactly(n(1), n(2), d("100.0"));
		assertThat(values(season, "投诉")).containsExactly(n(0), n(1), null);
	}

	@Test
	void theXlsxHoldsTheSameNumbersWithCompanyPeriodAndTime() throws Exception {
		byte[] file = export.xlsx(new ReportExport.Document("山东金鼎集团有限公司", "服务统计看板", "统计期间：2018-12-05 至 2018-12-05",
				"制表时间：2026-11-30 08:00（Asia/Shanghai）", tables));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(tables.size());
			Sheet marks = book.getSheet("四个节点的时限执行");
			assertThat(marks.getRow(0).getCell(0).getStringCellValue()).isEqualTo("山东金鼎集团有限公司");
			assertThat(marks.getRow(2).getCell(0).getStringCellValue()).contains("2018-12-05");
			assertThat(marks.getRow(3).getCell(0).getStringCellValue()).contains("2026-11-30 08:00");
			Row dispatch = find(marks, "有指令");
			assertThat(dispatch.getCell(1).getNumericCellValue()).isEqualTo(4);
			assertThat(dispatch.getCell(2).getNumericCellValue()).isEqualTo(1);
			assertThat(dispatch.getCell(4).getNumericCellValue()).isEqualTo(25.0);
			Row onSite = find(marks, "上门");
			assertThat(onSite.getCell(4)).isNull();
		}
		byte[] pdf = export.pdf(new ReportExport.Document("山东金鼎集团有限公司", "服务统计看板", "统计期间", "制表时间", tables));
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		// the Chinese font is embedded (a subset of it): WenQuanYi on this machine
		assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("FontFile2");
	}

	@Test
	void aTeamLeadSeesTheAgentsOfHisTeamOnly() {
		long team = jdbc.sql("select id from staff_team where name = ?").param(set.teamName()).query(Long.class).single();
		Period day = Period.day(set.day());
		assertThat(agentNames(queries.tables(day, Scope.team(team), ZH))).containsExactly(set.agentName());
		assertThat(agentNames(queries.tables(day, Scope.team(team + 1_000_000), ZH))).isEmpty();
		assertThat(agentNames(tables)).contains(set.agentName());
		// the demo's lead heads another team: the set's agent is not on his page, a manager's has him
		String path = "/reports/dashboards?from=" + set.day() + "&to=" + set.day();
		var lead = PageSession.login(port, "lead").get(path);
		assertThat(lead.statusCode()).isEqualTo(200);
		assertThat(lead.body()).contains("agents-table").doesNotContain(set.agentName());
		assertThat(PageSession.login(port, "manager").get(path).body()).contains(set.agentName());
	}

	private static List<String> agentNames(List<DashboardTable> tables) {
		return tables.stream().filter(t -> t.id().equals("agents")).findFirst().orElseThrow().rows().stream()
			.map(r -> r.labels().get(0)).toList();
	}

	@Test
	void thePageRefusesABadPeriodCalmlyAndTheExportAnswers400() {
		PageSession manager = PageSession.login(port, "manager");
		var page = manager.get("/reports/dashboards?from=2018-12-05&to=2018-12-01");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("统计期间的结束日期（2018-12-01）早于开始日期（2018-12-05）");
		var bad = manager.get("/reports/dashboards?from=5.12.2018");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("日期“5.12.2018”无法识别");
		assertThat(manager.get("/reports/dashboards/export.xlsx?from=2018-12-05&to=2018-12-01").statusCode()).isEqualTo(400);
		assertThat(manager.get("/reports/dashboards/export.pdf?from=2015-01-01&to=2018-12-01").statusCode()).isEqualTo(400);
		assertThat(manager.get("/reports/dashboards/export.xlsx?from=x").statusCode()).isEqualTo(400);
		assertThat(PageSession.login(port, "agent").get("/reports/dashboards").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "dispatcher").get("/reports/dashboards/export.xlsx").statusCode()).isEqualTo(403);
	}

	private static Row find(Sheet sheet, String label) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
	}

	private DashboardTable table(String id) {
		return table(tables, id);
	}

	private static DashboardTable table(List<DashboardTable> tables, String id) {
		return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
	}

	private static List<BigDecimal> values(DashboardTable table, String... labels) {
		return table.rows().stream().filter(r -> r.labels().equals(Arrays.asList(labels))).findFirst()
			.orElseThrow(() -> new AssertionError("no row " + Arrays.toString(labels) + " in " + table.id() + ": " + table.rows()))
			.values();
	}

	private static BigDecimal n(long v) {
		return BigDecimal.valueOf(v);
	}

	private static BigDecimal d(String v) {
		return new BigDecimal(v);
	}
}
