package org.heatdesk.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.heatdesk.ticket.Api;
import org.heatdesk.ticket.TicketFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A team of its own for a follow-up test (an agent who resolves, a lead), and tickets taken to their result. */
public final class FollowUpTestSupport {

	private FollowUpTestSupport() {
	}

	/** A new team with one agent and one team lead. */
	public record Crew(long teamId, StaffView agent, StaffView lead) {
	}

	public static Crew crew(Staff staff) {
		String suffix = Long.toString(System.nanoTime(), 36);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		try {
			TeamView team = staff.createTeam("FU" + suffix, "回访测试班" + suffix);
			StaffView agent = staff.create(new Staff.NewStaff("fuagent" + suffix, "回访坐席" + suffix.substring(suffix.length() - 3),
					"FA" + suffix, team.id(), null, EnumSet.of(Role.AGENT), TestStaff.PASSWORD));
			StaffView lead = staff.create(new Staff.NewStaff("fulead" + suffix, "回访班长" + suffix.substring(suffix.length() - 3),
					"FL" + suffix, team.id(), null, EnumSet.of(Role.TEAM_LEAD, Role.AGENT), TestStaff.PASSWORD));
			return new Crew(team.id(), agent, lead);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** A ticket of {@code type} that {@code username} recorded and took to its result; its number. */
	public static String resolved(int port, String username, String type, String description, String result) {
		return resolved(port, username, type, null, description, result);
	}

	/** Like {@link #resolved(int, String, String, String, String)}, for this customer when not {@code null}. */
	public static String resolved(int port, String username, String type, Long customerId, String description, String result) {
		Api api = Api.as(port, username);
		Map<String, Object> body = TicketFixtures.repair(description);
		body.put("type", type);
		body.put("callerPhone", "13912345678");
		if (customerId != null) {
			body.put("customerId", customerId);
		}
		var recorded = api.post("/api/v1/tickets", body);
		assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
		String no = recorded.text("ticketNo");
		assertThat(api.post("/api/v1/tickets/" + no + "/dispatch", TicketFixtures.action()).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/tickets/" + no + "/respond", TicketFixtures.action()).status()).isEqualTo(200);
		var resolved = api.post("/api/v1/tickets/" + no + "/resolve", TicketFixtures.action("result", result));
		assertThat(resolved.text("status")).as(resolved.body().toString()).isEqualTo("RESOLVED");
		return no;
	}

	/** The id of the follow-up of the ticket's round, or {@code null} when none was queued. */
	public static Long followUpOf(JdbcClient jdbc, String ticketNo, int round) {
		return jdbc.sql("select id from followup_follow_up where ticket_no = ? and round = ?").params(ticketNo, round)
			.query(Long.class).optional().orElse(null);
	}

	public static String ticketStatus(JdbcClient jdbc, String ticketNo) {
		return jdbc.sql("select status from ticket where ticket_no = ?").param(ticketNo).query(String.class).single();
	}
}
