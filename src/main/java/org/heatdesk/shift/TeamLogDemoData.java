package org.heatdesk.shift;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.heatdesk.platform.Company;
import org.heatdesk.platform.DemoDataSeeder;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The team lead's records of the demo's week, relative to the start: a briefing before each day
 * shift of both desk teams (one missed), the log with this morning's equipment check (a headset
 * faulty), faults open, in progress and fixed, directives (one overdue), a service incident waiting
 * for its investigation and a dispute concluded, and staff suggestions and a doubt for the manager.
 * Written by SQL, as the other modules' demo data is.
 */
@Component
@Order(70)
class TeamLogDemoData implements DemoDataSeeder {

	private final JdbcClient jdbc;

	private final Staff staff;

	private final Clock clock;

	private final ZoneId zone;

	TeamLogDemoData(JdbcClient jdbc, Staff staff, Clock clock, Company company) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.clock = clock;
		this.zone = company.zone();
	}

	@Override
	public String name() {
		return "shift-records";
	}

	@Override
	public void seed() {
		Optional<TeamView> a = team("A");
		Optional<TeamView> b = team("B");
		Optional<StaffView> lead = person("lead");
		Optional<StaffView> lead2 = person("lead2");
		Optional<StaffView> agent = person("agent");
		Optional<StaffView> agent2 = person("agent2");
		Optional<StaffView> agent3 = person("agent3");
		Optional<StaffView> manager = person("manager");
		Optional<StaffView> admin = person("admin");
		if (a.isEmpty() || b.isEmpty() || lead.isEmpty() || lead2.isEmpty() || agent.isEmpty() || agent2.isEmpty()
				|| agent3.isEmpty() || manager.isEmpty() || admin.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		briefings(a.get(), lead.get(), today, -1, "服务用语和三声服务讲评；昨日两起投诉回顾", "东区 3 号换热站下午检修，来电统一口径");
		briefings(b.get(), lead2.get(), today, 3, "12345 转办工单的回复时限；回访不满意的处理", null);

		long headset = fault(a.get().id(), "HEADSET", "EQUIPMENT", "5 号席耳麦杂音大，用户听不清", lead.get().id(),
				now.minus(Duration.ofHours(2)), Duration.ofHours(24), null, null, null);
		fault(b.get().id(), "RECORDING", "SYSTEM", "夜班 2 点后部分通话没有录音", lead2.get().id(), now.minus(Duration.ofHours(6)),
				Duration.ofHours(4), admin.get().id(), null, null);
		fault(a.get().id(), "PC", "EQUIPMENT", "3 号席电脑开机蓝屏", lead.get().id(), now.minus(Duration.ofDays(1)),
				Duration.ofHours(24), lead.get().id(), "更换内存条后正常", now.minus(Duration.ofHours(20)));

		Instant check = today.atTime(LocalTime.of(7, 40)).atZone(zone).toInstant();
		if (check.isAfter(now)) {
			check = now.minus(Duration.ofMinutes(30));
		}
		for (String item : List.of("HEADSET", "PC", "SWITCH", "RECORDING")) {
			boolean ok = !"HEADSET".equals(item);
			jdbc.sql("""
					insert into shift_team_log (team_id, written_at, author_id, kind, text, item, ok, fault_id)
					values (?, ?, ?, 'CHECK', ?, ?, ?, ?)""")
				.params(a.get().id(), ts(check), lead.get().id(), ok ? null : "5 号席耳麦杂音大，用户听不清", item, ok,
						ok ? null : headset)
				.update();
		}
		event(a.get().id(), lead.get().id(), now.minus(Duration.ofHours(3)), "早高峰来电集中在东区，已请调度增派两组维修人员。");
		event(a.get().id(), lead.get().id(), now.minus(Duration.ofMinutes(50)), "刘芳离席 20 分钟（领取新耳麦），已安排王丽接替。");
		event(b.get().id(), lead2.get().id(), now.minus(Duration.ofHours(14)), "夜班来电平稳，一起停暖投诉已转调度。");

		directive("整理本周停暖小区名单报主任", "按小区、户数、恢复时间列表", "客服中心主任", a.get().id(), agent.get().id(),
				now.minus(Duration.ofHours(2)), manager.get().id(), now.minus(Duration.ofDays(1)), "GIVEN", null, null);
		directive("回复热力公司关于 12345 工单的传真", null, "公司调度中心", a.get().id(), lead.get().id(),
				now.plus(Duration.ofHours(20)), manager.get().id(), now.minus(Duration.ofHours(5)), "ACCEPTED", null, null);
		directive("组织乙班学习新版服务用语", null, "客服中心主任", b.get().id(), lead2.get().id(), now.minus(Duration.ofDays(1)),
				manager.get().id(), now.minus(Duration.ofDays(3)), "DONE", "已组织学习并考试，全员合格",
				now.minus(Duration.ofDays(2)));

		long incident = incident("INCIDENT", a.get().id(), now.minus(Duration.ofMinutes(70)),
				"用户来电询问退费，接线员答复有误导致用户再次来电投诉", agent2.get().displayName(), lead.get().id(),
				now.minus(Duration.ofMinutes(50)), "REPORTED", null, null);
		jdbc.sql("""
				insert into shift_notice (role, kind, message_key, args, link, created_at)
				values ('MANAGER', 'SERVICE_INCIDENT', 'shift.notice.incident', ?, ?, ?)""")
			.params(new String[] { lead.get().displayName(), "用户来电询问退费，接线员答复有误导致用户再次来电投诉" },
					"/shift/incidents#incident-" + incident, ts(now.minus(Duration.ofMinutes(50))))
			.update();
		incident("DISPUTE", b.get().id(), now.minus(Duration.ofDays(3)), "用户与维修人员就上门时间发生争执", "孙师傅",
				lead2.get().id(), now.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(30)), "CONCLUDED",
				"维修人员已道歉，用户表示理解；提醒派工时与用户确认上门时间", manager.get().id());

		suggestion("SUGGESTION", agent.get().id(), a.get().id(), "来电弹屏增加上次来电的处理结果", "用户常问上次报修的进展，弹屏能看到会快很多",
				now.minus(Duration.ofDays(2)), null, null);
		suggestion("DOUBT", agent3.get().id(), b.get().id(), "对上周质检扣分的疑问", "录音里我已经说了送声，质检记为未说",
				now.minus(Duration.ofHours(20)), null, null);
		suggestion("SUGGESTION", agent2.get().id(), a.get().id(), "夜班增加一名接线员", "寒潮期间夜里 2 点前来电仍多",
				now.minus(Duration.ofDays(5)), "已在寒潮期间夜班增加一名接线员", manager.get().id());
	}

	/** Day-shift briefings of the last six days and today; {@code missed} days ago none was held. */
	private void briefings(TeamView team, StaffView led, LocalDate today, int missed, String topics, String notices) {
		List<StaffView> members = new TeamLogPeople(staff).members(team.id());
		for (int back = 6; back >= 0; back--) {
			if (back == missed) {
				continue;
			}
			LocalDate day = today.minusDays(back);
			Instant heldAt = day.atTime(LocalTime.of(7, 45)).atZone(zone).toInstant();
			if (heldAt.isAfter(clock.instant())) {
				continue;
			}
			long id = jdbc.sql("""
					insert into shift_briefing (team_id, held_on, shift_code, held_at, led_by, topics, notices, created_at)
					values (?, ?, 'DAY', ?, ?, ?, ?, ?) returning id""")
				.params(team.id(), day, ts(heldAt), led.id(), topics, back == 0 ? notices : null, ts(heldAt))
				.query(Long.class)
				.single();
			int i = 0;
			for (StaffView m : members) {
				// one member absent on leave two days ago
				boolean present = !(back == 2 && i == members.size() - 1);
				jdbc.sql("insert into shift_briefing_attendee (briefing_id, staff_id, present, note) values (?, ?, ?, ?)")
					.params(id, m.id(), present, present ? null : "请假")
					.update();
				i++;
			}
		}
	}

	private long fault(long teamId, String item, String route, String description, long raisedBy, Instant raisedAt,
			Duration limit, Long takenBy, String result, Instant resolvedAt) {
		String status = result != null ? "RESOLVED" : takenBy != null ? "IN_PROGRESS" : "OPEN";
		return jdbc.sql("""
				insert into shift_equipment_fault (team_id, item, route, description, raised_by, raised_at, due_at, status,
				  taken_by, taken_at, result, resolved_by, resolved_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(teamId, item, route, description, raisedBy, ts(raisedAt), ts(raisedAt.plus(limit)), status, takenBy,
					takenBy == null ? null : ts(raisedAt.plus(Duration.ofMinutes(40))), result,
					result == null ? null : takenBy, ts(resolvedAt))
			.query(Long.class)
			.single();
	}

	private void event(long teamId, long author, Instant at, String text) {
		jdbc.sql("insert into shift_team_log (team_id, written_at, author_id, kind, text) values (?, ?, ?, 'EVENT', ?)")
			.params(teamId, ts(at), author, text)
			.update();
	}

	private void directive(String title, String details, String from, long teamId, long owner, Instant due, long givenBy,
			Instant givenAt, String status, String feedback, Instant doneAt) {
		jdbc.sql("""
				insert into shift_directive (title, details, from_whom, team_id, owner_id, due_at, given_by, given_at, status,
				  accepted_at, feedback, done_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(title, details, from, teamId, owner, ts(due), givenBy, ts(givenAt), status,
					"GIVEN".equals(status) ? null : ts(givenAt.plus(Duration.ofMinutes(20))), feedback, ts(doneAt))
			.update();
	}

	private long incident(String kind, long teamId, Instant occurred, String summary, String involved, long recordedBy,
			Instant recordedAt, String status, String conclusion, Long concludedBy) {
		boolean concluded = conclusion != null;
		return jdbc.sql("""
				insert into shift_service_incident (kind, team_id, occurred_at, summary, involved, recorded_by, recorded_at,
				  reported_at, status, investigation, investigated_by, investigated_at, conclusion, concluded_by, concluded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kind, teamId, ts(occurred), summary, involved, recordedBy, ts(recordedAt), ts(recordedAt), status,
					concluded ? "双方陈述一致，有录音为证" : null, concluded ? recordedBy : null,
					concluded ? ts(recordedAt.plus(Duration.ofHours(2))) : null, conclusion, concludedBy,
					concluded ? ts(recordedAt.plus(Duration.ofDays(1))) : null)
			.query(Long.class)
			.single();
	}

	private void suggestion(String kind, long author, long teamId, String subject, String text, Instant at, String answer,
			Long answeredBy) {
		jdbc.sql("""
				insert into shift_staff_suggestion (kind, author_id, team_id, subject, text, created_at, due_at, status, answer,
				  answered_by, answered_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(kind, author, teamId, subject, text, ts(at), ts(at.plus(Duration.ofDays(7))),
					answer == null ? "OPEN" : "ANSWERED", answer, answeredBy,
					answer == null ? null : ts(at.plus(Duration.ofDays(2))))
			.update();
	}

	private Optional<TeamView> team(String code) {
		return staff.teams().stream().filter(t -> t.code().equals(code)).findFirst();
	}

	private Optional<StaffView> person(String username) {
		return staff.findByUsername(username);
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}
}
