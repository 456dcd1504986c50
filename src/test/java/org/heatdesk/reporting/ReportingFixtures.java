package org.heatdesk.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand-made records for the figures' tests: a team of its own with two agents, a substation and a
 * community of its own, and rows written straight into the tables on days long past (2019), which
 * the roll-up never reaches by itself, so every day a test uses is counted live and holds only that
 * test's rows.
 */
final class ReportingFixtures {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

	final JdbcClient jdbc;

	final long teamId;

	final TestStaff.Account agent1;

	final TestStaff.Account agent2;

	final long agent1Id;

	final long agent2Id;

	final long substationId;

	final long communityId;

	ReportingFixtures(JdbcClient jdbc, Staff staff) {
		this.jdbc = jdbc;
		String code = "RPT" + SEQ.incrementAndGet();
		this.teamId = jdbc.sql("insert into staff_team (code, name) values (?, ?) returning id").params(code, "报表组" + code)
			.query(Long.class).single();
		this.agent1 = TestStaff.create(staff, "rpa", Role.AGENT);
		this.agent2 = TestStaff.create(staff, "rpb", Role.AGENT);
		this.agent1Id = staffId(agent1.username());
		this.agent2Id = staffId(agent2.username());
		jdbc.sql("update staff_member set team_id = ? where id in (?, ?)").params(teamId, agent1Id, agent2Id).update();
		long source = jdbc.sql("select min(id) from network_heat_source").query(Long.class).single();
		this.substationId = jdbc.sql("insert into network_substation (code, name, heat_source_id) values (?, ?, ?) returning id")
			.params(code, "报表站" + code, source).query(Long.class).single();
		this.communityId = jdbc.sql("insert into network_community (name, substation_id) values (?, ?) returning id")
			.params("报表小区" + code, substationId).query(Long.class).single();
	}

	long staffId(String username) {
		return jdbc.sql("select id from staff_member where username = ?").param(username).query(Long.class).single();
	}

	static Instant at(LocalDate day, String time) {
		return day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
	}

	static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	/**
	 * A ticket recorded by {@code agentId} in this fixture's substation and community; the marks are set
	 * with {@link #set}. Its status is CLOSED whatever its marks say, so that the open-ticket boards and
	 * queues other tests walk do not list these years-old hand-made rows (no figure reads the status).
	 */
	long ticket(String type, long agentId, Instant recordedAt) {
		// a number of the ticket module's form (prefix, day, sequence): pages link to it
		String no = "RP" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd").format(recordedAt.atZone(ZONE))
				+ "-" + SEQ.incrementAndGet() + (System.nanoTime() % 100_000);
		Long category = jdbc.sql("select min(id) from ticket_category where type = ?").param(type).query(Long.class).single();
		return jdbc.sql("""
				insert into ticket (ticket_no, type, category_id, priority, scope, channel, status, description, contact_phone,
				  address, substation_id, community_id, first_responder_id, first_responder, assignee_id, policy_id, recorded_at)
				values (?, ?, ?, 'NORMAL', 'HOUSEHOLD', 'PHONE', 'CLOSED', '报表测试', '13900001234', '报表小区 1-1-101', ?, ?, ?,
				  (select username from staff_member where id = ?), ?, 1, ?) returning id""")
			.params(no, type, category, substationId, communityId, agentId, agentId, agentId, ts(recordedAt))
			.query(Long.class).single();
	}

	/** Sets one column of a ticket (a mark, a deadline, a result...). */
	void set(long ticketId, String column, Object value) {
		jdbc.sql("update ticket set " + column + " = ? where id = ?")
			.params(value instanceof Instant i ? ts(i) : value, ticketId).update();
	}

	String ticketNo(long ticketId) {
		return jdbc.sql("select ticket_no from ticket where id = ?").param(ticketId).query(String.class).single();
	}

	/** An inbound (or outbound) call that rang at {@code ringAt}, answered by {@code agentId} or not. */
	long call(Instant ringAt, Long agentId, Boolean withinLimit, boolean abandoned, String direction) {
		long contact = jdbc.sql("""
				insert into contact_contact (channel, direction, phone, occurred_at, created_at)
				values ('PHONE', ?, '13800005678', ?, ?) returning id""")
			.params(direction, ts(ringAt), ts(ringAt)).query(Long.class).single();
		return jdbc.sql("""
				insert into contact_call (switch_call_id, contact_id, direction, caller, status, first_ring_at, answered_at,
				  answered_staff_id, abandoned, within_limit, ring_ms, last_event_at, updated_at)
				values (?, ?, ?, '13800005678', ?, ?, ?, ?, ?, ?, 8000, ?, ?) returning id""")
			.params("rp-" + SEQ.incrementAndGet() + "-" + System.nanoTime(), contact, direction, abandoned ? "ABANDONED" : "ENDED",
					ts(ringAt), agentId == null ? null : ts(ringAt.plusSeconds(8)), agentId, abandoned, withinLimit, ts(ringAt),
					ts(ringAt))
			.query(Long.class).single();
	}
}
