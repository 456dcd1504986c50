package org.heatdesk.staff;

import java.util.EnumSet;
import java.util.List;

import org.heatdesk.platform.DemoDataSeeder;
import org.heatdesk.platform.Role;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo teams and one account per role (all with {@link #PASSWORD}), plus a few more agents. */
@Component
@Order(10)
class StaffDemoData implements DemoDataSeeder {

	/** The demo password, documented in the README. */
	static final String PASSWORD = "heatdesk2026";

	private final Staff staff;

	StaffDemoData(Staff staff) {
		this.staff = staff;
	}

	@Override
	public String name() {
		return "staff";
	}

	@Override
	public void seed() {
		TeamView a = staff.createTeam("A", "客服甲班");
		TeamView b = staff.createTeam("B", "客服乙班");
		TeamView crew = staff.createTeam("R1", "维修一班");
		record Person(String username, String name, String employeeNo, TeamView team, String extension, Role... roles) {
		}
		List<Person> people = List.of(
				new Person("agent", "王丽", "KF001", a, "8001", Role.AGENT),
				new Person("lead", "李强", "KF100", a, "8100", Role.TEAM_LEAD, Role.AGENT),
				new Person("dispatcher", "赵敏", "DD001", a, "8200", Role.DISPATCHER),
				new Person("tech", "孙师傅", "WX001", crew, null, Role.TECHNICIAN),
				new Person("manager", "周经理", "GL001", null, null, Role.MANAGER),
				new Person("admin", "系统管理员", "IT001", null, null, Role.ADMIN),
				new Person("auditor", "吴审计", "SJ001", null, null, Role.AUDITOR),
				new Person("agent2", "刘芳", "KF002", a, "8002", Role.AGENT),
				new Person("agent3", "陈静", "KF003", b, "8003", Role.AGENT),
				new Person("agent4", "杨帆", "KF004", b, "8004", Role.AGENT),
				new Person("lead2", "黄伟", "KF101", b, "8101", Role.TEAM_LEAD, Role.AGENT),
				new Person("tech2", "郑师傅", "WX002", crew, null, Role.TECHNICIAN));
		for (Person p : people) {
			var roles = EnumSet.noneOf(Role.class);
			roles.addAll(List.of(p.roles()));
			staff.create(new Staff.NewStaff(p.username(), p.name(), p.employeeNo(), p.team() == null ? null : p.team().id(),
					p.extension(), roles, PASSWORD));
		}
	}
}
