package org.heatdesk.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.Company;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.Role;
import org.heatdesk.reporting.ComplianceReports;
import org.heatdesk.reporting.Period;
import org.heatdesk.reporting.Scope;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The team log's equipment check raises faults that go to the right people (a headset's to the
 * team's lead, the recording's to the administrators) and are tracked to a result; the hand-over
 * lists the open faults and the directives not done, overdue first; a briefing records attendance
 * and adds up in the weekly summary; a staff member's doubt reaches the managers and its answer the
 * author; and the four figures count what the records say, worked out by hand.
 */
@HeatDeskTest
class TeamLogIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	@Autowired
	TeamLog log;

	@Autowired
	EquipmentFaults faults;

	@Autowired
	Directives directives;

	@Autowired
	Briefings briefings;

	@Autowired
	StaffSuggestions suggestions;

	@Autowired
	ServiceIncidents incidents;

	@Autowired
	EquipmentFaultHandoverSource faultSource;

	@Autowired
	DirectiveHandoverSource directiveSource;

	@Autowired
	ShiftNotices notices;

	@Autowired
	ComplianceReports reports;

	@Autowired
	Company company;

	static Actor actor(StaffView s) {
		return Actor.person(s.username(), s.displayName());
	}

	@Test
	void anEquipmentCheckRaisesFaultsThatGoToTheRightPeopleAndAreFixedToAResult() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		Actor lead = actor(t.lead());
		StaffView admin = staff.findByUsername("admin").orElseThrow();
		Map<EquipmentFaults.Item, TeamLog.CheckItem> check = new EnumMap<>(EquipmentFaults.Item.class);
		check.put(EquipmentFaults.Item.HEADSET, new TeamLog.CheckItem(false, "3号席耳麦无声"));
		check.put(EquipmentFaults.Item.PC, new TeamLog.CheckItem(true, null));
		check.put(EquipmentFaults.Item.SWITCH, new TeamLog.CheckItem(true, ""));

		// an item not looked at, or a fault without what is wrong: refused, nothing written
		assertThatThrownBy(() -> log.check(lead, null, check)).isInstanceOf(HeatDeskException.class)
			.extracting(e -> ((HeatDeskException) e).code()).isEqualTo("SHIFT_CHECK_ITEM_MISSING");
		check.put(EquipmentFaults.Item.RECORDING, new TeamLog.CheckItem(false, " "));
		assertThatThrownBy(() -> log.check(lead, null, check)).extracting(e -> ((HeatDeskException) e).field())
			.isEqualTo("note-RECORDING");
		assertThat(log.entries(t.team().id(), 10)).isEmpty();

		check.put(EquipmentFaults.Item.RECORDING, new TeamLog.CheckItem(false, "录音服务器没有今天的录音"));
		Instant before = Instant.now();
		List<TeamLog.Entry> written = log.check(lead, null, check);
		assertThat(written).extracting(TeamLog.Entry::item).containsExactly("HEADSET", "PC", "SWITCH", "RECORDING");
		assertThat(written).extracting(TeamLog.Entry::ok).containsExactly(false, true, true, false);
		EquipmentFaults.EquipmentFault headset = faults.find(written.get(0).faultId());
		EquipmentFaults.EquipmentFault recording = faults.find(written.get(3).faultId());
		assertThat(written.get(1).faultId()).isNull();
		// a headset goes to the team's lead within 24 hours, the recording to the administrators within 4
		assertThat(headset.route()).isEqualTo("EQUIPMENT");
		assertThat(headset.teamId()).isEqualTo(t.team().id());
		assertThat(Duration.between(headset.raisedAt(), headset.dueAt())).isEqualTo(Duration.ofHours(24));
		assertThat(recording.route()).isEqualTo("SYSTEM");
		assertThat(Duration.between(recording.raisedAt(), recording.dueAt())).isEqualTo(Duration.ofHours(4));
		assertThat(headset.raisedAt()).isAfterOrEqualTo(before.minusSeconds(1));
		assertThat(notices.unread(t.lead().id(), t.lead().roles(), 20)).extracting(ShiftNotices.Notice::messageKey)
			.contains("shift.notice.fault.HEADSET");
		assertThat(notices.unread(admin.id(), admin.roles(), 50))
			.anySatisfy(n -> {
				assertThat(n.link()).isEqualTo("/shift/faults#fault-" + recording.id());
				assertThat(n.args()).containsExactly("录音服务器没有今天的录音");
			});

		// each goes to its own people only
		assertThatThrownBy(() -> faults.resolve(actor(admin), headset.id(), "换了耳麦"))
			.extracting(e -> ((HeatDeskException) e).code()).isEqualTo("SHIFT_FAULT_NOT_YOURS");
		assertThatThrownBy(() -> faults.take(lead, recording.id()))
			.extracting(e -> ((HeatDeskException) e).code()).isEqualTo("SHIFT_FAULT_NOT_YOURS");
		assertThat(faults.take(actor(admin), recording.id()).status()).isEqualTo("IN_PROGRESS");
		EquipmentFaults.EquipmentFault fixed = faults.resolve(actor(admin), recording.id(), "重启录音服务，补录正常");
		assertThat(fixed.status()).isEqualTo("RESOLVED");
		assertThat(fixed.result()).isEqualTo("重启录音服务，补录正常");
		assertThat(fixed.resolvedLate()).isFalse();
		assertThatThrownBy(() -> faults.resolve(actor(admin), recording.id(), "again"))
			.extracting(e -> ((HeatDeskException) e).code()).isEqualTo("SHIFT_FAULT_RESOLVED");

		// the hand-over lists the fault still open, not the one fixed; once overdue it says so
		jdbc.sql("update shift_equipment_fault set due_at = now() - interval '1 hour' where id = ?").param(headset.id()).update();
		List<HandoverItem> items = faultSource.items(t.team().id(), Instant.now(), Locale.SIMPLIFIED_CHINESE);
		assertThat(items).hasSize(1);
		assertThat(items.get(0).overdue()).isTrue();
		assertThat(items.get(0).clear()).isEqualTo("PROBLEM");
		assertThat(items.get(0).text()).isEqualTo("耳麦故障：3号席耳麦无声（待处理）");
		assertThat(items.get(0).link()).isEqualTo("/shift/faults#fault-" + headset.id());
		// the lead fixes it late
		assertThat(faults.resolve(lead, headset.id(), "更换备用耳麦").resolvedLate()).isTrue();
		assertThat(faultSource.items(t.team().id(), Instant.now(), Locale.ENGLISH)).isEmpty();
	}

	@Test
	void theHandOverListsTheDirectivesNotDoneOverdueFirst() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		Actor lead = actor(t.lead());
		Directives.Directive soon = directives.give(lead, new Directives.NewDirective("统计本班报修量", null, "客服中心主任",
				t.agent().id(), Instant.now().plus(Duration.ofHours(2))));
		Directives.Directive overdue = directives.give(lead, new Directives.NewDirective("回复热力公司传真", null, "公司调度中心",
				t.agent2().id(), Instant.now().plus(Duration.ofHours(6))));
		Directives.Directive done = directives.give(lead, new Directives.NewDirective("已办结的事项", null, "主任", t.agent().id(),
				Instant.now().plus(Duration.ofHours(1))));
		directives.feedback(actor(t.agent()), done.id(), "办完");
		jdbc.sql("update shift_directive set due_at = now() - interval '10 minutes' where id = ?").param(overdue.id()).update();

		List<HandoverItem> items = directiveSource.items(t.team().id(), Instant.now(), Locale.SIMPLIFIED_CHINESE);
		assertThat(items).extracting(HandoverItem::reference).containsExactly("回复热力公司传真", "统计本班报修量");
		assertThat(items).extracting(HandoverItem::overdue).containsExactly(true, false);
		assertThat(items.get(0).text()).isEqualTo("交办：回复热力公司传真（公司调度中心交办，承办人 " + t.agent2().displayName() + "，待接收）");
		assertThat(items.get(1).due()).isEqualTo(soon.dueAt());
	}

	@Test
	void aBriefingRecordsAttendanceAndAddsUpInTheWeeklySummary() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		Actor lead = actor(t.lead());
		LocalDate today = briefings.today();
		Briefings.Briefing b = briefings.hold(lead, null, today, "DAY", "昨日投诉讲评；三声服务", "今日 14:00 起东区停暖检修",
				Set.of(t.lead().id(), t.agent().id()), Map.of(t.agent2().id(), "病假"));
		// three members: the lead and one agent present, the other absent
		assertThat(b.present()).isEqualTo(2);
		assertThat(b.absent()).isEqualTo(1);
		assertThat(briefings.attendees(b.id())).anySatisfy(a -> {
			assertThat(a.staffId()).isEqualTo(t.agent2().id());
			assertThat(a.present()).isFalse();
			assertThat(a.note()).isEqualTo("病假");
		});
		assertThatThrownBy(() -> briefings.hold(lead, null, today, "DAY", "again", null, Set.of(), Map.of()))
			.extracting(e -> ((HeatDeskException) e).code()).isEqualTo("SHIFT_BRIEFING_EXISTS");
		assertThatThrownBy(() -> briefings.hold(lead, null, today.plusDays(1), "DAY", "x", null, Set.of(), Map.of()))
			.extracting(e -> ((HeatDeskException) e).code()).isEqualTo("SHIFT_BRIEFING_FUTURE");
		// another team's lead may not record for this team
		TeamLogFixtures.Team other = TeamLogFixtures.team(staff);
		assertThatThrownBy(() -> briefings.hold(actor(other.lead()), t.team().id(), today, "NIGHT", "x", null, Set.of(), Map.of()))
			.extracting(e -> ((HeatDeskException) e).code()).isEqualTo("SHIFT_TEAM_NOT_YOURS");

		List<Briefings.WeekSummary> week = briefings.week(today, t.team().id());
		assertThat(week).hasSize(1);
		// one briefing, 2 of 3 present: 67 % (2/3 = 0.667)
		assertThat(week.get(0).briefings()).isEqualTo(1);
		assertThat(week.get(0).present()).isEqualTo(2);
		assertThat(week.get(0).expected()).isEqualTo(3);
		assertThat(week.get(0).attendancePercent()).isEqualTo(67);
		assertThat(week.get(0).topics()).containsExactly(today + " 昨日投诉讲评；三声服务");
	}

	@Test
	void aDoubtReachesTheManagersAndTheAnswerItsAuthor() {
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		StaffView manager = TeamLogFixtures.manager(staff);
		String subject = "对扣分决定的疑问 " + UUID.randomUUID().toString().substring(0, 6);
		StaffSuggestions.StaffSuggestion s = suggestions.submit(actor(t.agent()), "DOUBT", subject, "录音里我已说了送声");
		assertThat(s.teamId()).isEqualTo(t.team().id());
		assertThat(Duration.between(s.createdAt(), s.dueAt())).isEqualTo(Duration.ofDays(7));
		assertThat(notices.unread(manager.id(), manager.roles(), 50)).anySatisfy(n -> {
			assertThat(n.messageKey()).isEqualTo("shift.notice.staff.DOUBT");
			assertThat(n.args()).containsExactly(t.agent().displayName(), subject);
		});
		assertThatThrownBy(() -> suggestions.submit(actor(t.agent()), "COMPLAINT", "x", "y"))
			.extracting(e -> ((HeatDeskException) e).code()).isEqualTo("SHIFT_SUGGESTION_KIND_UNKNOWN");
		StaffSuggestions.StaffSuggestion answered = suggestions.answer(actor(manager), s.id(), "已复核录音，撤销扣分");
		assertThat(answered.status()).isEqualTo("ANSWERED");
		assertThat(answered.answeredLate()).isFalse();
		assertThat(notices.unread(t.agent().id(), Set.of(Role.AGENT), 10)).anySatisfy(n -> {
			assertThat(n.messageKey()).isEqualTo("shift.notice.staff.answered");
			assertThat(n.args()).containsExactly(subject);
		});
		assertThatThrownBy(() -> suggestions.answer(actor(manager), s.id(), "again"))
			.extracting(e -> ((HeatDeskException) e).code()).isEqualTo("SHIFT_SUGGESTION_ANSWERED");
	}

	@Test
	void theFiguresCountWhatTheRecordsSay() {
		ZoneId zone = company.zone();
		TeamLogFixtures.Team t = TeamLogFixtures.team(staff);
		Actor lead = actor(t.lead());
		LocalDate yesterday = LocalDate.now(zone).minusDays(1);
		Instant noon = yesterday.atTime(LocalTime.NOON).atZone(zone).toInstant();

		// directives due yesterday noon: one fed back at 11:00 (on time), one at 13:00 (late), one never → 1 of 3
		long[] ids = new long[3];
		for (int i = 0; i < 3; i++) {
			ids[i] = directives.give(lead, new Directives.NewDirective("指标 " + i, null, "主任", t.agent().id(),
					Instant.now().plus(Duration.ofHours(1)))).id();
		}
		jdbc.sql("update shift_directive set due_at = ? where id in (?, ?, ?)").params(Timestamp.from(noon), ids[0], ids[1], ids[2]).update();
		jdbc.sql("update shift_directive set status = 'DONE', feedback = 'x', done_at = ? where id = ?")
			.params(Timestamp.from(noon.minus(Duration.ofHours(1))), ids[0]).update();
		jdbc.sql("update shift_directive set status = 'DONE', feedback = 'x', done_at = ? where id = ?")
			.params(Timestamp.from(noon.plus(Duration.ofHours(1))), ids[1]).update();
		var directivesFigure = reports.value("shift.directives-on-time", Period.day(yesterday), Scope.team(t.team().id())).orElseThrow();
		assertThat(directivesFigure.numerator()).isEqualTo(1);
		assertThat(directivesFigure.denominator()).isEqualTo(3);
		// 1/3 = 33.3 %
		assertThat(directivesFigure.value()).isEqualByComparingTo(new BigDecimal("33.3"));
		assertThat(reports.value("shift.directives-on-time", Period.day(yesterday), Scope.agent(t.agent().id())).orElseThrow()
			.denominator()).isEqualTo(3);

		// incidents reported today: one 10 minutes after it happened, one 3 hours after → 1 of 2 in time
		incidents.record(lead, new ServiceIncidents.NewServiceIncident("INCIDENT", Instant.now().minus(Duration.ofMinutes(10)),
				"及时", null, null));
		incidents.record(lead, new ServiceIncidents.NewServiceIncident("DISPUTE", Instant.now().minus(Duration.ofHours(3)),
				"迟报", null, null));
		LocalDate today = LocalDate.now(zone);
		var incidentsFigure = reports.value("shift.incidents-reported-in-time", Period.day(today), Scope.team(t.team().id()))
			.orElseThrow();
		assertThat(incidentsFigure.numerator()).isEqualTo(1);
		assertThat(incidentsFigure.denominator()).isEqualTo(2);
		assertThat(incidentsFigure.value()).isEqualByComparingTo(new BigDecimal("50.0"));

		// staff suggestions due yesterday noon: one answered before, one not at all → 1 of 2
		long a = suggestions.submit(actor(t.agent()), "SUGGESTION", "甲", "x").id();
		long b = suggestions.submit(actor(t.agent2()), "SUGGESTION", "乙", "y").id();
		jdbc.sql("update shift_staff_suggestion set due_at = ? where id in (?, ?)").params(Timestamp.from(noon), a, b).update();
		jdbc.sql("update shift_staff_suggestion set status = 'ANSWERED', answer = 'ok', answered_at = ? where id = ?")
			.params(Timestamp.from(noon.minus(Duration.ofDays(1))), a).update();
		var suggestionsFigure = reports.value("shift.suggestions-answered-in-time", Period.day(yesterday),
				Scope.team(t.team().id())).orElseThrow();
		assertThat(suggestionsFigure.numerator()).isEqualTo(1);
		assertThat(suggestionsFigure.denominator()).isEqualTo(2);

		// briefings: this team's day shift on the roster with its briefing → 1 of 1; another team's day and
		// evening shifts on the roster, a briefing before the evening one only → 1 of 2
		Instant eight = today.atTime(LocalTime.of(8, 0)).atZone(zone).toInstant();
		Instant four = today.atTime(LocalTime.of(16, 0)).atZone(zone).toInstant();
		TeamLogFixtures.Team other = TeamLogFixtures.team(staff);
		roster(t.team().id(), t.agent().id(), today, "DAY", eight);
		roster(other.team().id(), other.agent().id(), today, "DAY", eight);
		roster(other.team().id(), other.agent2().id(), today, "EVENING", four);
		briefings.hold(lead, null, today, "DAY", "讲评", null, Set.of(t.lead().id()), Map.of());
		briefings.hold(actor(other.lead()), null, today, "EVENING", "讲评", null, Set.of(), Map.of());
		var held = reports.value("shift.briefings-held", Period.day(today), Scope.team(t.team().id())).orElseThrow();
		assertThat(held.numerator()).isEqualTo(1);
		assertThat(held.denominator()).isEqualTo(1);
		var half = reports.value("shift.briefings-held", Period.day(today), Scope.team(other.team().id())).orElseThrow();
		assertThat(half.numerator()).isEqualTo(1);
		assertThat(half.denominator()).isEqualTo(2);
		assertThat(half.value()).isEqualByComparingTo(new BigDecimal("50.0"));
	}

	private void roster(long teamId, long staffId, LocalDate day, String kind, Instant start) {
		jdbc.sql("""
				insert into shift_roster_entry (team_id, staff_id, day, kind, starts_at, ends_at, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, 'test', now())""")
			.params(teamId, staffId, day, kind, Timestamp.from(start), Timestamp.from(start.plus(Duration.ofHours(8))))
			.update();
	}
}
