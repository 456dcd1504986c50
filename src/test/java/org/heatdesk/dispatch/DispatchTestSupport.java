package org.heatdesk.dispatch;

import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.TeamView;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A crew of its own for a test: a new staff team with new technicians in it. */
final class DispatchTestSupport {

	private DispatchTestSupport() {
	}

	record Crew(long id, String name, long[] technicians, String[] usernames, String[] names) {
	}

	static Crew crew(Staff staff, JdbcClient jdbc, int people) {
		String tag = Long.toString(System.nanoTime(), 36).toUpperCase();
		TeamView team = staff.createTeam("C" + tag.substring(tag.length() - 8), "测试维修班" + tag.substring(tag.length() - 4));
		long[] ids = new long[people];
		String[] usernames = new String[people];
		String[] names = new String[people];
		for (int i = 0; i < people; i++) {
			TestStaff.Account a = TestStaff.create(staff, "tech", Role.TECHNICIAN);
			jdbc.sql("update staff_member set team_id = ? where username = ?").params(team.id(), a.username()).update();
			ids[i] = staff.findByUsername(a.username()).orElseThrow().id();
			usernames[i] = a.username();
			names[i] = a.displayName();
		}
		return new Crew(team.id(), team.name(), ids, usernames, names);
	}
}
