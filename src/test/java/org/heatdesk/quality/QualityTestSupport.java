package org.heatdesk.quality;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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

/** A team of its own for a quality test (agents, a lead, a manager) and answered calls written as the switch would leave them. */
final class QualityTestSupport {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final AtomicLong CALLS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private QualityTestSupport() {
	}

	record Crew(long teamId, String teamName, List<StaffView> agents, StaffView lead, StaffView manager,
			StaffView manager2) {

		StaffView agent() {
			return agents.get(0);
		}
	}

	static Crew crew(Staff staff, int agents) {
		String suffix = Long.toString(System.nanoTime(), 36);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		try {
			TeamView team = staff.createTeam("QA" + suffix, "质检测试班" + suffix.substring(suffix.length() - 4));
			java.util.ArrayList<StaffView> list = new java.util.ArrayList<>();
			for (int i = 0; i < agents; i++) {
				list.add(staff.create(new Staff.NewStaff("qaagent" + i + suffix, "质检坐席" + i + suffix.substring(suffix.length() - 3),
						"QA" + i + suffix, team.id(), null, EnumSet.of(Role.AGENT), TestStaff.PASSWORD)));
			}
			StaffView lead = staff.create(new Staff.NewStaff("qalead" + suffix, "质检班长" + suffix.substring(suffix.length() - 3),
					"QL" + suffix, team.id(), null, EnumSet.of(Role.TEAM_LEAD, Role.AGENT), TestStaff.PASSWORD));
			StaffView manager = staff.create(new Staff.NewStaff("qamgr" + suffix, "质检经理" + suffix.substring(suffix.length() - 3),
					"QM" + suffix, null, null, EnumSet.of(Role.MANAGER), TestStaff.PASSWORD));
			StaffView manager2 = staff.create(new Staff.NewStaff("qamgrb" + suffix, "质检经理乙" + suffix.substring(suffix.length() - 3),
					"QN" + suffix, null, null, EnumSet.of(Role.MANAGER), TestStaff.PASSWORD));
			return new Crew(team.id(), team.name(), List.copyOf(list), lead, manager, manager2);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static Actor as(StaffView s) {
		return Actor.person(s.username(), s.displayName());
	}

	/** An answered inbound call of {@code agent} ringing at {@code at}: its id. */
	static long call(JdbcClient jdbc, StaffView agent, Instant at, long talkSeconds, boolean withinLimit, String ticketNo) {
		long contact = jdbc.sql("""
				insert into contact_contact (channel, direction, phone, staff_id, ticket_no, occurred_at, created_at)
				values ('PHONE', 'INBOUND', '13812345678', ?, ?, ?, ?) returning id""")
			.params(agent.id(), ticketNo, Timestamp.from(at), Timestamp.from(at)).query(Long.class).single();
		Instant answered = at.plusSeconds(withinLimit ? 5 : 25);
		Instant ended = answered.plusSeconds(talkSeconds);
		return jdbc.sql("""
				insert into contact_call (switch_call_id, contact_id, direction, caller, status, first_ring_at, answered_at,
				                          ended_at, ring_ms, talk_ms, answered_staff_id, within_limit, recording_url,
				                          last_event_at, updated_at)
				values (?, ?, 'INBOUND', '13812345678', 'ENDED', ?, ?, ?, ?, ?, ?, ?, 'http://recordings.invalid/x.wav', ?, ?)
				returning id""")
			.params("qa-" + CALLS.incrementAndGet() + "-" + System.nanoTime(), contact, Timestamp.from(at),
					Timestamp.from(answered), Timestamp.from(ended), withinLimit ? 5000 : 25000, talkSeconds * 1000,
					agent.id(), withinLimit, Timestamp.from(ended), Timestamp.from(ended))
			.query(Long.class).single();
	}

	/** A closed complaint ticket recorded by {@code agent} (written as the demo writes tickets): its number. */
	static String complaint(JdbcClient jdbc, StaffView agent, Instant at) {
		String no = "QA" + Long.toString(System.nanoTime(), 36).toUpperCase();
		jdbc.sql("""
				insert into ticket (ticket_no, type, priority, scope, channel, status, description, first_responder_id,
				                    first_responder, policy_id, recorded_at)
				values (?, 'COMPLAINT', 'NORMAL', 'HOUSEHOLD', 'PHONE', 'CLOSED', '投诉测试', ?, ?,
				        (select max(id) from ticket_policy), ?)""")
			.params(no, agent.id(), agent.username(), Timestamp.from(at)).update();
		return no;
	}

	/** An instant in the middle of day {@code day} of the month. */
	static Instant in(YearMonth month, int day, int hour) {
		return month.atDay(day).atTime(hour, 0).atZone(ZONE).toInstant();
	}
}
