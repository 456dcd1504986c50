package org.heatdesk.shift;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.heatdesk.TestStaff;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A team of its own for each test: two leads and two agents, none shared with the demo or another test. */
final class ShiftTestSupport {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ShiftTestSupport() {
	}

	record Team(TeamView team, StaffView outLead, StaffView inLead, StaffView agent, StaffView agent2) {

		Actor actor(StaffView who) {
			return Actor.person(who.username(), who.displayName());
		}
	}

	static Team team(Staff staff, JdbcClient jdbc) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		TeamView t;
		try {
			String code = "T" + Long.toString(System.nanoTime(), 36).substring(0, 8);
			t = staff.createTeam(code, "测试班" + code.substring(code.length() - 4));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		StaffView out = member(staff, jdbc, t, "sho", Role.TEAM_LEAD, Role.AGENT);
		StaffView in = member(staff, jdbc, t, "shi", Role.TEAM_LEAD, Role.AGENT);
		StaffView a = member(staff, jdbc, t, "sha", Role.AGENT);
		StaffView b = member(staff, jdbc, t, "shb", Role.AGENT);
		return new Team(t, out, in, a, b);
	}

	static StaffView member(Staff staff, JdbcClient jdbc, TeamView t, String prefix, Role first, Role... more) {
		TestStaff.Account acc = TestStaff.create(staff, prefix, first, more);
		jdbc.sql("update staff_member set team_id = ? where username = ?").params(t.id(), acc.username()).update();
		return staff.findByUsername(acc.username()).orElseThrow();
	}

	/** A shift of the test's own times, added as the system would (demo data) so no lead's rights are in play. */
	static Rosters.RosterEntry shift(Rosters rosters, Team team, StaffView who, RosterShiftKind kind, Instant start,
			Instant end, boolean lead) {
		return rosters.addTimed(Actor.system("test"), team.team().id(), who.id(), LocalDate.ofInstant(start, ZONE), kind,
				start, end, lead);
	}
}
