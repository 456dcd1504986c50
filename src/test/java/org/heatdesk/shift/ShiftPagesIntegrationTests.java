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
	void otherRolesAreRefused() {
		assertThat(PageSession.login(port, "agent").get("/shift/attendance").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "agent").get("/shift").statusCode()).isEqualTo(200);
		assertThat(PageSession.login(port, "dispatcher").get("/shift").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "admin").get("/shift/handovers").statusCode()).isEqualTo(403);
		assertThat(PageSession.login(port, "agent").post("/shift/roster/entries",
				java.util.Map.of("team", "1", "staffId", "1", "day", "2026-12-01", "kind", "DAY")).statusCode()).isEqualTo(403);
	}
}
