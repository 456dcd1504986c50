package org.heatdesk.reporting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small hand-made day of work for the dashboards, on 5 December of a year no other test writes
 * in, with the first cold week of that season (from 15 November) and of the season before. The
 * expected figures are worked out by hand in {@link DashboardQueriesIntegrationTests}.
 *
 * <p>Calls on the day (inbound): 09:10 answered within the limit (talk 120 s), 09:20 within (60 s),
 * 09:40 answered late (30 s), 09:50 abandoned, 14:05 within (90 s); all answered by the set's agent.
 * Tickets recorded on the day by that agent in the set's own community (400 customers):
 * t1 REPAIR 漏水 09:15 (dispatch due 09:30, dispatched 09:25; resolve due 17:15, resolved 16:00;
 * RESOLVED; a first round dispatched late: due 09:30, at 09:50), t2 REPAIR 漏水 10:00 (due 10:15,
 * dispatched 10:40; resolve due 18:00, not resolved; DISPATCHED, held by the set's team), t3 REPAIR
 * 暖气不热 11:00 (dispatch due 11:15, never dispatched; RECORDED), t4 REPAIR 阀门故障 12:00 CANCELLED
 * (due 12:15), t5 COMPLAINT 服务态度 13:00 (respond due 20:00, responded 19:00), t6 COMPLAINT 15:00
 * (no deadlines), t7 INQUIRY 16:00 CLOSED.
 * Season weeks: last season one call answered within (11-16 10:00) and one repair (11-17); this season
 * two calls answered within and one abandoned (11-16), two repairs and one complaint (11-17).
 */
final class DashboardFixtures {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	record Set(LocalDate day, String agentName, String teamName, String communityName, String substationLabel) {
	}

	private DashboardFixtures() {
	}

	static Set write(JdbcClient jdbc, Staff staff, int year) {
		LocalDate day = LocalDate.of(year, 12, 5);
		String tag = Long.toString(System.nanoTime(), 36);
		TestStaff.Account account = TestStaff.create(staff, "dash", Role.AGENT);
		long agent = jdbc.sql("select id from staff_member where username = ?").param(account.username()).query(Long.class).single();
		String teamName = "看板班" + tag.substring(tag.length() - 4);
		long team = jdbc.sql("insert into staff_team (code, name) values (?, ?) returning id").params("D" + tag, teamName)
			.query(Long.class).single();
		jdbc.sql("update staff_member set team_id = ? where id = ?").params(team, agent).update();
		long substation = jdbc.sql("select id from network_substation order by code limit 1").query(Long.class).single();
		String substationLabel = jdbc.sql("select code || ' ' || name from network_substation where id = ?").param(substation)
			.query(String.class).single();
		String communityName = "看板小区" + tag;
		long community = jdbc.sql("insert into network_community (name, district, substation_id) values (?, '测试区', ?) returning id")
			.params(communityName, substation).query(Long.class).single();
		jdbc.sql("""
				insert into customer (account_no, name, community_id, building, unit, room, heated_area, substation_id,
				  heating_status, created_at, updated_at)
				select 'K' || ? || '-' || g, '看板用户', ?, '1', '1', g::text, 80, ?, 'HEATING', now(), now()
				from generate_series(1, 400) g""").params(tag, community, substation).update();

		call(jdbc, tag, at(day, 9, 10), true, false, true, 120, agent);
		call(jdbc, tag, at(day, 9, 20), true, false, true, 60, agent);
		call(jdbc, tag, at(day, 9, 40), true, false, false, 30, agent);
		call(jdbc, tag, at(day, 9, 50), false, true, false, 0, null);
		call(jdbc, tag, at(day, 14, 5), true, false, true, 90, agent);

		long t1 = ticket(jdbc, tag, 1, "REPAIR", "REPAIR_LEAK", "RESOLVED", at(day, 9, 15), agent, account.username(), community,
				substation, null, at(day, 9, 30), at(day, 9, 25), null, null, at(day, 17, 15), at(day, 16, 0));
		jdbc.sql("""
				insert into ticket_round (ticket_id, round, dispatch_due, dispatched_at, reopened_at, reopened_by)
				values (?, 1, ?, ?, ?, 'test')""").params(t1, at(day, 9, 30), at(day, 9, 50), at(day, 9, 55)).update();
		ticket(jdbc, tag, 2, "REPAIR", "REPAIR_LEAK", "DISPATCHED", at(day, 10, 0), agent, account.username(), community, substation,
				team, at(day, 10, 15), at(day, 10, 40), null, null, at(day, 18, 0), null);
		ticket(jdbc, tag, 3, "REPAIR", "REPAIR_NOT_WARM", "RECORDED", at(day, 11, 0), agent, account.username(), community,
				substation, null, at(day, 11, 15), null, null, null, null, null);
		long t4 = ticket(jdbc, tag, 4, "REPAIR", "REPAIR_VALVE", "CANCELLED", at(day, 12, 0), agent, account.username(), community,
				substation, null, at(day, 12, 15), null, null, null, null, null);
		jdbc.sql("update ticket set cancelled_at = ? where id = ?").params(at(day, 12, 5), t4).update();
		ticket(jdbc, tag, 5, "COMPLAINT", "COMPLAINT_ATTITUDE", "RESPONDED", at(day, 13, 0), agent, account.username(), community,
				substation, null, null, null, at(day, 20, 0), at(day, 19, 0), null, null);
		ticket(jdbc, tag, 6, "COMPLAINT", null, "RECORDED", at(day, 15, 0), agent, account.username(), community, substation, null,
				null, null, null, null, null, null);
		ticket(jdbc, tag, 7, "INQUIRY", "INQUIRY_FEES", "CLOSED", at(day, 16, 0), agent, account.username(), community, substation,
				null, null, null, null, null, null, null);

		LocalDate last = LocalDate.of(year - 1, 11, 16);
		LocalDate current = LocalDate.of(year, 11, 16);
		call(jdbc, tag, at(last, 10, 0), true, false, true, 60, agent);
		call(jdbc, tag, at(current, 10, 0), true, false, true, 60, agent);
		call(jdbc, tag, at(current, 10, 30), true, false, true, 60, agent);
		call(jdbc, tag, at(current, 11, 0), false, true, false, 0, null);
		ticket(jdbc, tag, 8, "REPAIR", "REPAIR_LEAK", "CLOSED", at(last.plusDays(1), 9, 0), agent, account.username(), community,
				substation, null, null, null, null, null, null, null);
		ticket(jdbc, tag, 9, "REPAIR", "REPAIR_LEAK", "CLOSED", at(current.plusDays(1), 9, 0), agent, account.username(),
				community, substation, null, null, null, null, null, null, null);
		ticket(jdbc, tag, 10, "REPAIR", "REPAIR_AIR", "CLOSED", at(current.plusDays(1), 9, 30), agent, account.username(),
				community, substation, null, null, null, null, null, null, null);
		ticket(jdbc, tag, 11, "COMPLAINT", "COMPLAINT_TEMP", "CLOSED", at(current.plusDays(1), 10, 0), agent, account.username(),
				community, substation, null, null, null, null, null, null, null);
		return new Set(day, jdbc.sql("select display_name from staff_member where id = ?").param(agent).query(String.class).single(),
				teamName, communityName, substationLabel);
	}

	static Timestamp at(LocalDate day, int hour, int minute) {
		return Timestamp.from(LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(ZONE).toInstant());
	}

	private static void call(JdbcClient jdbc, String tag, Timestamp ring, boolean answered, boolean abandoned, boolean within,
			int talkSeconds, Long agent) {
		long contact = jdbc.sql("""
				insert into contact_contact (channel, direction, phone, staff_id, occurred_at, created_at)
				values ('PHONE', 'INBOUND', '13900000000', ?, ?, ?) returning id""").params(agent, ring, ring)
			.query(Long.class).single();
		Timestamp answeredAt = answered ? new Timestamp(ring.getTime() + (within ? 5_000 : 25_000)) : null;
		jdbc.sql("""
				insert into contact_call (direction, switch_call_id, contact_id, caller, status, first_ring_at, answered_at,
				  ended_at, ring_ms, talk_ms, answered_staff_id, abandoned, within_limit, last_event_at, updated_at)
				values ('INBOUND', ?, ?, '13900000000', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params("dash-" + tag + "-" + ring.getTime(), contact, abandoned ? "ABANDONED" : "ENDED", ring, answeredAt,
					new Timestamp(ring.getTime() + 60_000 + talkSeconds * 1000L), answered ? (within ? 5_000 : 25_000) : 30_000,
					answered ? talkSeconds * 1000L : null, answered ? agent : null, abandoned, answered ? within : null, ring, ring)
			.update();
	}

	private static long ticket(JdbcClient jdbc, String tag, int n, String type, String category, String status, Timestamp recorded,
			long agent, String username, long community, long substation, Long team, Timestamp dispatchDue,
			Timestamp dispatchedAt, Timestamp respondDue, Timestamp respondedAt, Timestamp resolveDue, Timestamp resolvedAt) {
		return jdbc.sql("""
				insert into ticket (ticket_no, type, category_id, priority, scope, channel, status, description, substation_id,
				  community_id, first_responder_id, first_responder, assignee_team_id, policy_id, recorded_at, dispatch_due,
				  dispatched_at, respond_due, responded_at, resolve_due, resolved_at)
				values (?, ?, (select id from ticket_category where code = ?), 'NORMAL', 'HOUSEHOLD', 'PHONE', ?, '看板测试', ?, ?, ?, ?,
				  ?, (select max(id) from ticket_policy), ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(
					// a number of the ticket module's form (prefix, day, sequence): the pages that list these tickets link to them
					"DS" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd").format(recorded.toInstant()
						.atZone(java.time.ZoneId.of("Asia/Shanghai"))) + "-" + n + Math.floorMod(System.nanoTime(), 1_000_000), type, category, status, substation, community, agent, username, team, recorded,
					dispatchDue, dispatchedAt, respondDue, respondedAt, resolveDue, resolvedAt)
			.query(Long.class)
			.single();
	}
}
