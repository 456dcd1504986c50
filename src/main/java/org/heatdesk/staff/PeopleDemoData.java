package org.heatdesk.staff;

import java.time.LocalDate;
import java.util.List;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.DemoDataSeeder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The people records of the demo: training sessions of the last months with their test results,
 * the agents' certificates (one ending within the warning days, one expired), sanctions at each
 * step (waiting for the hearing, waiting for the manager, approved), commendations (one to decide)
 * and a confidential report waiting for the manager.
 */
@Component
@Order(15)
class PeopleDemoData implements DemoDataSeeder {

	private final Staff staff;

	private final PeopleSupport people;

	private final Sanctions sanctions;

	private final Commendations commendations;

	private final ViolationReports reports;

	private final Trainings trainings;

	private final StaffCertificates certificates;

	PeopleDemoData(Staff staff, PeopleSupport people, Sanctions sanctions, Commendations commendations,
			ViolationReports reports, Trainings trainings, StaffCertificates certificates) {
		this.staff = staff;
		this.people = people;
		this.sanctions = sanctions;
		this.commendations = commendations;
		this.reports = reports;
		this.trainings = trainings;
		this.certificates = certificates;
	}

	@Override
	public String name() {
		return "people";
	}

	@Override
	public void seed() {
		long agent = id("agent");
		long agent2 = id("agent2");
		long agent3 = id("agent3");
		long agent4 = id("agent4");
		long lead = id("lead");
		long lead2 = id("lead2");
		Actor leadActs = Actor.person("lead", "李强");
		Actor lead2Acts = Actor.person("lead2", "黄伟");
		Actor manager = Actor.person("manager", "周经理");
		LocalDate today = people.today();

		trainings.create(manager, new Trainings.NewSession("供热服务规范与文明用语", today.minusMonths(2).withDayOfMonth(10), 120,
				"周经理", List.of(att(agent, 92), att(agent2, 85), att(agent3, 58), att(agent4, 76), att(lead, null))));
		trainings.create(leadActs, new Trainings.NewSession("报修受理与首问负责", today.minusMonths(1).withDayOfMonth(15), 90,
				"李强", List.of(att(agent, 88), att(agent2, 90))));
		trainings.create(lead2Acts, new Trainings.NewSession("客户信息保密", today.minusDays(3), 60, "黄伟",
				List.of(att(agent3, 95), att(agent4, 81), att(lead2, null))));

		for (long[] c : new long[][] { { agent, 400 }, { agent2, 20 }, { agent3, 300 }, { agent4, -5 }, { lead, 500 },
				{ lead2, 200 } }) {
			LocalDate expires = today.plusDays(c[1]);
			certificates.add(manager, new StaffCertificates.NewCertificate(c[0], "客服专员上岗证",
					"KFZ-" + (2024000 + c[0]), expires.minusYears(3), expires));
		}

		Sanctions.Sanction late = sanctions.propose(leadActs, new Sanctions.Proposal(agent2, "ART_8_1", "WARNING",
				"本月三次迟到（考勤记录）。", "考勤记录 " + today.minusDays(6) + "、" + today.minusDays(4)));
		sanctions.hear(Actor.person("agent2", "刘芳"), false, late.id(), "家远，公交晚点，以后提前出门。");
		Sanctions.Sanction cold = sanctions.propose(lead2Acts, new Sanctions.Proposal(agent4, "ART_8_3", "FINE",
				"接听报修时态度冷漠，客户投诉。", "投诉工单与录音（质检抽查）"));
		sanctions.hear(lead2Acts, true, cold.id(), "当班来电多，语气急了，已向客户致歉。");
		sanctions.decide(manager, cold.id(), true, "罚款从轻，下月复查。");
		sanctions.propose(lead2Acts, new Sanctions.Proposal(agent3, "ART_8_2", "WARNING", "值班时离岗二十分钟未报备。",
				"班组日志 " + today.minusDays(1)));

		Commendations.Commendation praised = commendations.propose(leadActs, agent, "连续一周零投诉，客户来电致谢。", null);
		commendations.decide(manager, praised.id(), true, "通报表扬。");
		commendations.propose(lead2Acts, agent3, "寒潮期间主动加班接听来电。", null);

		reports.submit(Actor.person("agent", "王丽"), agent4, "ART_8_4", "看到其在工位把客户电话号码抄在纸上带走。");
	}

	private static Trainings.AttendeeInput att(long staffId, Integer score) {
		return new Trainings.AttendeeInput(staffId, score);
	}

	private long id(String username) {
		return staff.findByUsername(username).orElseThrow().id();
	}
}
