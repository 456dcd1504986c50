package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.UUID;

import org.heatdesk.Browser;
import org.heatdesk.Browsers;
import org.heatdesk.HeatDeskTest;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.ticket.Channel;
import org.heatdesk.ticket.Priority;
import org.heatdesk.ticket.RecordTicket;
import org.heatdesk.ticket.TicketScope;
import org.heatdesk.ticket.TicketType;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ticket page after a field job: the on-site mark with the arrival's time (recorded offline, ten
 * minutes before it reached the server), who arrived and that the deadline was kept; the technician's
 * steps on the timeline.
 */
@HeatDeskTest
class FieldJobTicketPageBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	Jobs jobs;

	@Autowired
	Technicians technicians;

	@Autowired
	Tickets tickets;

	@Autowired
	Staff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theTicketPageShowsTheOnSiteTimeAndTheTechniciansSteps() {
		DispatchTestSupport.Crew crew = DispatchTestSupport.crew(staff, jdbc, 1);
		technicians.setSkills(Actor.system("test"), crew.technicians()[0], EnumSet.of(Skill.PIPE_FITTER));
		TestStaff.Account agent = TestStaff.create(staff, "agent", Role.AGENT);
		TestStaff.Account dispatcher = TestStaff.create(staff, "disp", Role.DISPATCHER);
		String no = tickets.record(Actor.person(agent.username(), agent.displayName()), new RecordTicket(TicketType.REPAIR,
				null, Priority.NORMAL, TicketScope.HOUSEHOLD, Channel.PHONE, null, "13800000000", "翠园小区 3-2-501",
				"卫生间暖气片接口漏水 " + UUID.randomUUID().toString().substring(0, 6), null, null, null)).ticketNo();
		Actor sun = Actor.person(crew.usernames()[0], crew.names()[0]);
		long job = jobs.dispatch(Actor.person(dispatcher.username(), dispatcher.displayName()), no, crew.technicians()[0],
				JobKind.PIPE_REPAIR, "带生料带和 DN20 阀芯").id();
		jdbc.sql("update dispatch_job set dispatched_at = dispatched_at - interval '40 minutes' where id = ?").param(job).update();
		jdbc.sql("update ticket set recorded_at = recorded_at - interval '40 minutes', dispatched_at = dispatched_at - interval '40 minutes' where ticket_no = ?")
			.param(no).update();
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant arrived = now.minus(Duration.ofMinutes(10));
		jobs.accept(sun, job, UUID.randomUUID().toString(), now.minus(Duration.ofMinutes(35)));
		jobs.onTheWay(sun, job, UUID.randomUUID().toString(), now.minus(Duration.ofMinutes(30)));
		jobs.arrive(sun, job, UUID.randomUUID().toString(), arrived);

		try (Browser browser = browsers.open(port, Browser.DESK)) {
			browser.login(dispatcher.username(), TestStaff.PASSWORD).go("/tickets/" + no);
			String mark = browser.text(By.id("mark-on-site"));
			// 上门 at the arrival's time as the phone recorded it (company zone), by the technician, within 2 hours
			String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(arrived.atZone(ZoneId.of("Asia/Shanghai")));
			assertThat(mark).contains("上门", time, crew.names()[0], "按时上门");
			assertThat(browser.find(By.id("mark-on-site")).getAttribute("class")).contains("done").doesNotContain("late");
			assertThat(browser.text(By.id("timeline"))).contains("维修人员接单", "维修人员出发", "维修人员到场", "回音");
			browser.screenshot("ticket-on-site-mark");
		}
	}
}
