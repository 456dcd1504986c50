package org.heatdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.PageSession;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo shows a sample, scored checks (one disputed), rectifications (one overdue) and cases on the pages. */
@HeatDeskTest
class QualityDemoDataIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SamplingPlans samples;

	@Test
	void theDemoLeadsPagesHaveRows() {
		StaffView lead = staff.findByUsername("lead").orElseThrow();
		YearMonth month = YearMonth.now(QualityTestSupport.ZONE);
		// the demo's calls are today's: at a minute past midnight there may be none yet, and no sample
		if (samples.candidates(lead.teamId(), month).isEmpty()) {
			return;
		}
		SamplingPlans.Sample s = samples.find(lead.teamId(), month).orElseThrow();
		assertThat(s.seed()).isEqualTo(QualityDemoData.SEED);
		List<String> statuses = jdbc.sql("select status from quality_check where sample_id = ?").param(s.id())
			.query(String.class).list();
		assertThat(statuses).contains("ACKNOWLEDGED", "DISPUTED");
		PageSession l = PageSession.login(port, "lead");
		assertThat(l.get("/quality/samples/" + s.id()).body()).contains("id=\"sample-checks\"").contains("已确认");
		assertThat(l.get("/quality/rectifications").body()).contains("id=\"open-rectifications\"").contains("逾期");
		assertThat(l.get("/quality/cases").body()).contains("id=\"cases\"").contains("停暖来电");
		assertThat(PageSession.login(port, "manager").get("/quality/disputes").body()).contains("id=\"disputes\"")
			.contains("申诉中");
		assertThat(PageSession.login(port, "agent").get("/quality/cases").body()).contains("id=\"cases\"");
	}
}
