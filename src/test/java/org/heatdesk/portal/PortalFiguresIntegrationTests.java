package org.heatdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.reporting.DayCount;
import org.heatdesk.reporting.FigureRecord;
import org.heatdesk.reporting.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly figures on the portal: a month reporting stored is published with its time, shown with
 * its values and targets; the figure portal.figures-published-on-time compares that time with the
 * due day; a month not published or not a month is said so, never a 500.
 */
@HeatDeskTest
class PortalFiguresIntegrationTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	PortalFigures figures;

	@Autowired
	PortalFiguresOnTime onTime;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aStoredMonthIsPublishedShownAndCountedAgainstItsDueDay() throws Exception {
		// a month of its own, long ago, that no other test stores
		YearMonth m = YearMonth.of(ThreadLocalRandom.current().nextInt(2001, 2099), ThreadLocalRandom.current().nextInt(1, 13));
		jdbc.sql("insert into reporting_month (month, computed_at) values (?, now()) on conflict do nothing")
			.param(Date.valueOf(m.atDay(1)))
			.update();
		// 193 of 200 calls within three rings = 96.5 % (target 95: met); satisfaction 160 of 200 = 80.0 % (target 85: missed)
		figure(m, "calls.answered-in-limit", "96.5", 193, 200, "95");
		figure(m, "followup.satisfaction", "80.0", 160, 200, "85");

		assertThat(figures.publishNew()).contains(m);
		assertThat(figures.publishNew()).doesNotContain(m);
		assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'PORTAL_FIGURES_PUBLISHED' and entity_id = ?")
			.param(m.toString()).query(Long.class).single()).isEqualTo(1);

		HttpResponse<String> page = get("/portal/figures?month=" + m);
		assertThat(page.statusCode()).isEqualTo(200);
		String calls = card(page.body(), "calls.answered-in-limit");
		assertThat(calls).contains("三声铃响内接听", "96.5%", "达标", "目标 ≥ 95%", "193 / 200 件");
		String satisfaction = card(page.body(), "followup.satisfaction");
		assertThat(satisfaction).contains("80.0%", "未达标", "目标 ≥ 85%");
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).isEqualTo("public, max-age=300");

		// due by the end of the 5th of the next month (Shanghai): published at 23:00 that day is on time
		LocalDateTime due = m.plusMonths(1).atDay(5).atTime(23, 0);
		published(m, due);
		var from = m.plusMonths(1).atDay(5).atStartOfDay(SHANGHAI).toInstant();
		var to = m.plusMonths(1).atDay(6).atStartOfDay(SHANGHAI).toInstant();
		assertThat(onTime.count(from, to)).singleElement()
			.satisfies(c -> assertThat(List.of(c.numerator(), c.denominator())).containsExactly(1L, 1L));
		// the day before and after the due day count nothing for this month
		assertThat(onTime.count(from.minusSeconds(86_400), from)).isEmpty();
		// an hour after midnight is late: 0 of 1, and the drill-down says so
		published(m, m.plusMonths(1).atDay(6).atTime(1, 0));
		DayCount late = onTime.count(from, to).get(0);
		assertThat(List.of(late.numerator(), late.denominator())).containsExactly(0L, 1L);
		List<FigureRecord> records = onTime.records(from, to, Scope.COMPANY, 10, Locale.SIMPLIFIED_CHINESE);
		assertThat(records).singleElement().satisfies(r -> {
			assertThat(r.reference()).isEqualTo(m.toString());
			assertThat(r.detail()).contains("才公布", m.plusMonths(1).atDay(5).toString());
		});
	}

	@Test
	void aMonthNotPublishedOrNotAMonthIsSaidSo() throws Exception {
		HttpResponse<String> bad = get("/portal/figures?month=2026-13");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("月份格式不对");
		assertThat(get("/portal/figures?month=" + "x".repeat(500)).statusCode()).isEqualTo(400);
		HttpResponse<String> missing = get("/portal/figures?month=1999-01");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("1999-01 的服务指标尚未公布");
		HttpResponse<String> current = get("/portal/figures?month=current");
		assertThat(current.statusCode()).isEqualTo(200);
		assertThat(current.body()).contains("（至今）", "三声铃响内接听");
		assertThat(get("/portal/figures?lang=en&month=current").body()).contains("Service figures", "Answered within three rings");
	}

	private void figure(YearMonth m, String code, String value, long numerator, long denominator, String target) {
		jdbc.sql("""
				insert into reporting_month_figure (month, code, measured, value, numerator, denominator, target)
				values (?, ?, true, ?, ?, ?, ?)""")
			.params(Date.valueOf(m.atDay(1)), code, new java.math.BigDecimal(value), numerator, denominator,
					new java.math.BigDecimal(target))
			.update();
	}

	private void published(YearMonth m, LocalDateTime local) {
		jdbc.sql("update portal_figures_publication set published_at = ? where month = ?")
			.params(Timestamp.from(local.atZone(SHANGHAI).toInstant()), Date.valueOf(m.atDay(1)))
			.update();
	}

	private static String card(String page, String code) {
		int from = page.indexOf("data-code=\"" + code + "\"");
		assertThat(from).as(code + " on the page").isGreaterThan(0);
		return page.substring(from, page.indexOf("</li>", from));
	}
}
