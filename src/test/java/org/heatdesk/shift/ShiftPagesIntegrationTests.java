package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shift pages answer their roles, in Chinese and English, and nobody else; the demo's rows are on them. */
@HeatDeskTest
class ShiftPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theLeadSeesEveryPartAndTheDemoRows() {
		PageSession lead = PageSession.login(port, "lead");
		for (String path : new String[] { "/shift", "/shift/roster", "/shift/attendance", "/shift/handovers",
				"/shift?lang=en", "/shift/roster?lang=en", "/shift/attendance?lang=en", "/shift/handovers?lang=en" }) {
			HttpResponse<String> r = lead.get(path);
			assertThat(r.statusCode()).as(path).isEqualTo(200);
			assertThat(r.body()).as(path).doesNotContain("出错").doesNotContain("??");
		}
		assertThat(lead.get("/shift/roster").body()).contains("id=\"roster\"").contains("李强");
		assertThat(lead.get("/shift/handovers").body()).contains("id=\"handovers\"");
		assertThat(lead.get("/shift?lang=en").body()).contains("On duty now");
	}

	@Test
	void theDeskClocksThePersonInAndOut() {
		String user = org.heatdesk.TestStaff.create(staff, "clk", org.heatdesk.platform.Role.AGENT).username();
		PageSession agent = PageSession.login(port, user);
		assertThat(agent.get("/desk").body()).contains("id=\"desk-clock\"");
		assertThat(agent.get("/shift/desk-clock").body()).contains("desk-clock-in").contains("签到");
		HttpResponse<String> in = agent.post("/shift/clock-in?back=desk", java.util.Map.of());
		assertThat(in.statusCode()).isEqualTo(302);
		assertThat(in.headers().firstValue("Location").orElse("")).endsWith("/desk");
		assertThat(agent.get("/shift/desk-clock").body()).contains("desk-clock-out").contains("已签到");
		assertThat(agent.post("/shift/clock-out?back=elsewhere.example", java.util.Map.of()).headers().firstValue("Location")
			.orElse("")).endsWith("/shift");
		assertThat(agent.get("/shift/desk-clock").body()).contains("desk-clock-in");
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.heatdesk.staff.Staff staff;

	@Test
	void otherRolesAreRefused() {
		assertThat(PageSession.login(port, "agent").get("/shift/attendance").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "agent").get("/shift").statusCode()).isEqualTo(200);
		assertThat(PageSession.login(port, "dispatcher").get("/shift").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "admin").get("/shift/handovers").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "agent").post("/shift/roster/entries",
				java.util.Map.of("team", "1", "staffId", "1", "day", "2026-12-01", "kind", "DAY")).statusCode()).isEqualTo(403);
	}
}
