package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed input on the forms of the lead's records, which have no API (briefings, the team log and
 * its equipment check, faults, suggestions, incidents, directives): NUL characters, huge texts, ids
 * and dates that are no numbers or out of range. None answers 5xx; a refusal either is the platform's
 * 400 or comes back to the page with the reason, and none writes a row.
 */
@HeatDeskTest
class ShiftFormsMalformedInputIntegrationTests {

	private static final String NUL = "a\u0000b";

	private static final String HUGE = "长".repeat(100_000);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRecordFormsRefuseMalformedInputWithoutAnErrorPageOrARow() {
		PageSession lead = PageSession.login(port, "lead");
		PageSession manager = PageSession.login(port, "manager");
		long before = rows();
		long fault = jdbc.sql("select min(id) from shift_equipment_fault").query(Long.class).single();
		long suggestion = jdbc.sql("select min(id) from shift_staff_suggestion").query(Long.class).single();
		long incident = jdbc.sql("select min(id) from shift_service_incident").query(Long.class).single();

		for (String text : List.of(NUL, HUGE, " ")) {
			refused(lead, "/shift/log/events", form("text", text));
			refused(lead, "/shift/faults", form("item", "HEADSET", "description", text));
			refused(lead, "/shift/suggestions", form("kind", "DOUBT", "subject", text, "text", text));
			refused(lead, "/shift/incidents",
					form("kind", "INCIDENT", "occurredAt", "2026-11-01T08:00", "summary", text, "involved", text));
			refused(lead, "/shift/directives", form("title", text, "fromWhom", text, "dueAt", "2026-12-31T18:00"));
			refused(lead, "/shift/briefings", form("heldOn", "2020-01-06", "shiftCode", "DAY", "topics", text));
			refused(lead, "/shift/faults/" + fault + "/result", form("result", text));
			refused(manager, "/shift/suggestions/" + suggestion + "/answer", form("answer", text));
			refused(manager, "/shift/incidents/" + incident + "/conclusion", form("text", text));
		}
		// a check with a fault noted in a huge or NUL text
		for (String note : List.of(NUL, HUGE)) {
			refused(lead, "/shift/log/checks", form("state-HEADSET", "FAULT", "note-HEADSET", note, "state-PC", "OK",
					"state-SWITCH", "OK", "state-RECORDING", "OK"));
		}
		// ids that are no numbers or too big for one, unknown teams and kinds
		for (String id : List.of("abc", "99999999999999999999999", "-1", "1e3", NUL)) {
			refused(lead, "/shift/log/events", form("teamId", id, "text", "事件"));
			refused(manager, "/shift/faults", form("teamId", id, "item", "PC", "description", "蓝屏"));
			refused(lead, "/shift/directives",
					form("title", "交办", "fromWhom", "主任", "ownerId", id, "dueAt", "2026-12-31T18:00"));
			refused(manager, "/shift/briefings", form("teamId", id, "shiftCode", "DAY", "topics", "讲评"));
			refused(lead, "/shift/briefings", form("shiftCode", "DAY", "topics", "讲评", "present", id));
			refused(lead, "/shift/briefings", form("shiftCode", "DAY", "topics", "讲评", "note-" + id, "病假"));
		}
		refused(lead, "/shift/faults", form("item", "COFFEE", "description", "没有咖啡"));
		refused(lead, "/shift/suggestions", form("kind", "WISH", "subject", "主题", "text", "内容"));
		refused(lead, "/shift/briefings", form("shiftCode", "LUNCH", "topics", "讲评"));
		// dates and times that are no dates, or out of any sensible range
		for (String when : List.of("yesterday", "+999999-01-01T00:00", "9999-12-31T23:59", "0001-01-01T00:00", NUL)) {
			refused(lead, "/shift/incidents", form("kind", "DISPUTE", "occurredAt", when, "summary", "争议"));
			refused(lead, "/shift/directives", form("title", "交办", "fromWhom", "主任", "dueAt", when));
		}
		for (String day : List.of("yesterday", "2026-02-30", "+999999-01-01", "9999-12-31", "0001-01-01", NUL)) {
			refused(lead, "/shift/briefings", form("heldOn", day, "shiftCode", "DAY", "topics", "讲评"));
		}
		// ids in the path too big for a number
		refused(lead, "/shift/faults/99999999999999999999999/take", form());
		refused(manager, "/shift/suggestions/99999999999999999999999/answer", form("answer", "答复"));
		assertThat(rows()).isEqualTo(before);

		// the pages' own query parameters
		for (String query : List.of("teamId=abc", "teamId=99999999999999999999999", "week=abc", "week=+999999-01-01",
				"week=9999-12-31")) {
			HttpResponse<String> page = manager.get("/shift/briefings?" + query);
			assertThat(page.statusCode()).as(query).isIn(200, 400, 404);
			assertThat(page.body()).as(query).doesNotContain("Exception");
			assertThat(manager.get("/shift/log?" + query).statusCode()).as(query).isIn(200, 400, 404);
		}
	}

	private void refused(PageSession session, String path, Map<String, String> form) {
		HttpResponse<String> r = session.post(path, form);
		String what = path + " " + abbreviate(form);
		assertThat(r.statusCode()).as(what).isIn(302, 303, 400, 404);
		if (r.statusCode() >= 400) {
			// a control character or a number that is none is refused before the form is read
			assertThat(r.body()).as(what).doesNotContain("Exception");
			return;
		}
		URI back = URI.create(r.headers().firstValue("Location").orElseThrow());
		String page = back.getRawPath() + (back.getRawQuery() == null ? "" : "?" + back.getRawQuery());
		HttpResponse<String> shown = session.get(page);
		assertThat(shown.statusCode()).as(what).isEqualTo(200);
		assertThat(shown.body()).as(what).contains("class=\"alert alert-error\"").doesNotContain("出错了");
	}

	private long rows() {
		return jdbc.sql("""
				select (select count(*) from shift_team_log) + (select count(*) from shift_equipment_fault)
				     + (select count(*) from shift_equipment_fault where status = 'RESOLVED' or taken_by is not null)
				     + (select count(*) from shift_staff_suggestion) + (select count(*) from shift_staff_suggestion where answer is not null)
				     + (select count(*) from shift_service_incident) + (select count(*) from shift_service_incident where conclusion is not null)
				     + (select count(*) from shift_directive) + (select count(*) from shift_briefing)
				     + (select count(*) from shift_briefing_attendee)""").query(Long.class).single();
	}

	private static Map<String, String> form(String... pairs) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			m.put(pairs[i], pairs[i + 1]);
		}
		return m;
	}

	private static String abbreviate(Map<String, String> form) {
		Map<String, String> m = new LinkedHashMap<>();
		form.forEach((k, v) -> m.put(k.length() > 40 ? k.substring(0, 40) + "…" : k, v.length() > 40 ? v.substring(0, 40) + "…" : v));
		return m.toString();
	}
}
