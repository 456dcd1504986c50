package org.heatdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The report and dashboard pages and their downloads with odd parameters (a NUL, years far out of
 * range, dates in the wrong form, huge numbers, long texts): a bad period on a page is shown above
 * the page, anything else is refused; never a 5xx, never an error page with a stack trace, and no
 * target written.
 */
@HeatDeskTest
class ReportMalformedInputIntegrationTests {

	static final List<String> ODD = List.of("\u0000", "a\u0000b", "2026-01-01\u0000", "+999999999-12-31", "-999999999-01-01",
			"0000-01-01", "1899-12-31", "3000-01-01", "2026-02-30", "2026-1-1", "2026-11-29T08:00:00Z", "99999999999999999999",
			"-1", "team:99999999999999999999", "agent:0", "team:", ":7", "company:1", "长".repeat(500), "<script>",
			"range", "season", "week");

	static final List<String> PATHS = List.of("/reports", "/reports/figures/calls.answered-in-limit", "/reports/export.xlsx",
			"/reports/export.pdf", "/reports/dashboards", "/reports/dashboards/export.xlsx", "/api/v1/reports/compliance");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void oddParametersAreNeverAServerError() {
		PageSession manager = PageSession.login(port, "manager");
		HttpClient http = HttpClient.newHttpClient();
		String basic = "Basic " + Base64.getEncoder().encodeToString("manager:heatdesk2026".getBytes(StandardCharsets.UTF_8));
		long targets = jdbc.sql("select count(*) from reporting_target").query(Long.class).single();
		for (String path : PATHS) {
			// the dashboards read only from and to; a download reads the page's parameters, so fewer odd values do
			String[] params = path.contains("dashboards") ? new String[] { "from", "to" }
					: new String[] { "period", "day", "from", "to", "scope" };
			List<String> odd = path.contains("export") ? ODD.subList(0, 12) : ODD;
			for (String p : params) {
				for (String value : odd) {
					String v = URLEncoder.encode(value, StandardCharsets.UTF_8);
					List<String> queries = p.equals("day") ? List.of("day=" + v, "period=week&day=" + v, "period=season&day=" + v)
							: List.of(p + "=" + v, (p.equals("from") ? "to=2026-01-01&" : "from=2026-01-01&") + p + "=" + v);
					for (String query : queries) {
						String what = path + "?" + query.substring(0, Math.min(query.length(), 80));
						if (path.startsWith("/api/")) {
							// the API: no 5xx, and a refusal is the API's JSON with a code (MalformedInput.send checks both)
							HttpResponse<String> r = MalformedInput.send(http, json,
									MalformedInput.at(port, path + "?" + query).header("Authorization", basic).GET().build(), what);
							assertThat(r.statusCode()).as(what).isIn(200, 400, 403, 404);
							continue;
						}
						HttpResponse<String> r = manager.get(path + "?" + query);
						assertThat(r.statusCode()).as(what).isIn(200, 400, 403, 404);
						assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("Whitelabel");
					}
				}
			}
		}
		// a period out of the years any record can hold is said above the page, not as an error page
		HttpResponse<String> far = manager.get("/reports?period=week&day=%2B999999999-12-31");
		assertThat(far.statusCode()).isEqualTo(200);
		assertThat(far.body()).contains("alert-error");
		HttpResponse<String> farDashboards = manager.get("/reports/dashboards?from=-999999999-01-01&to=2026-01-01");
		assertThat(farDashboards.statusCode()).isEqualTo(200);
		assertThat(farDashboards.body()).contains("alert-error");
		assertThat(jdbc.sql("select count(*) from reporting_target").query(Long.class).single()).isEqualTo(targets);
	}
}
