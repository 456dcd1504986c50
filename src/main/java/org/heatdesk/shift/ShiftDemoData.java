package org.heatdesk.shift;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.DemoDataSeeder;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.heatdesk.staff.TeamView;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's rosters, attendance and hand-overs: this month and the first week of the next for the
 * two desk teams (甲班 the day and evening shifts, 乙班 the night and a day shift), the past week's
 * clock-ins (a few minutes late now and then) and hand-overs (most on time, one opened late), the
 * people on duty now clocked in, and the hand-over into the next shift prepared from the records.
 */
@Component
@Order(70)
class ShiftDemoData implements DemoDataSeeder {

	private final Rosters rosters;

	private final Handovers handovers;

	private final Staff staff;

	private final JdbcClient jdbc;

	ShiftDemoData(Rosters rosters, Handovers handovers, Staff staff, JdbcClient jdbc) {
		this.rosters = rosters;
		this.handovers = handovers;
		this.staff = staff;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "shift-a";
	}

	record Plan(String team, RosterShiftKind kind, String lead, String... people) {
	}

	@Override
	public void seed() {
		Optional<TeamView> a = team("A");
		Optional<TeamView> b = team("B");
		if (a.isEmpty() || b.isEmpty()) {
			return;
		}
		Instant now = rosters.clock().instant();
		LocalDate today = LocalDate.ofInstant(now, rosters.zone());
		LocalDate from = YearMonth.from(today).atDay(1).isAfter(today.minusDays(7)) ? today.minusDays(7)
				: YearMonth.from(today).atDay(1);
		LocalDate to = YearMonth.from(today).atEndOfMonth().plusDays(7);
		Actor system = Actor.system("demo");
		Random random = new Random(16);
		List<Plan> plans = List.of(new Plan("A", RosterShiftKind.DAY, "lead", "agent"),
				new Plan("A", RosterShiftKind.EVENING, null, "agent2"), new Plan("B", RosterShiftKind.NIGHT, "lead2", "agent3"),
				new Plan("B", RosterShiftKind.DAY, null, "agent4"));
		List<Rosters.RosterEntry> entries = new ArrayList<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			boolean season = rosters.settings().inSeason(d);
			for (Plan p : plans) {
				if (!season && p.kind() != RosterShiftKind.DAY) {
					continue;
				}
				RosterShiftKind kind = season ? p.kind() : RosterShiftKind.OFFICE;
				TeamView t = p.team().equals("A") ? a.get() : b.get();
				List<String> people = new ArrayList<>();
				if (p.lead() != null) {
					people.add(p.lead());
				}
				people.addAll(List.of(p.people()));
				for (String username : people) {
					Optional<StaffView> who = staff.findByUsername(username);
					if (who.isEmpty() || !Long.valueOf(t.id()).equals(who.get().teamId())) {
						continue;
					}
					try {
						entries.add(rosters.add(system, t.id(), who.get().id(), d, kind, username.equals(p.lead())));
					}
					catch (HeatDeskException e) {
						// a person already in another shift then (office hours beside a day shift): left out
					}
				}
			}
		}
		clockings(entries, now, random);
		handovers(a.get(), now, random);
		handovers(b.get(), now, random);
	}

	/** Past shifts clocked in and out (now and then a few minutes late), the shifts going on now clocked in. */
	private void clockings(List<Rosters.RosterEntry> entries, Instant now, Random random) {
		for (Rosters.RosterEntry e : entries) {
			if (e.startsAt().isAfter(now) || e.startsAt().isBefore(now.minus(Duration.ofDays(7)))) {
				continue;
			}
			int late = random.nextInt(10) == 0 ? 3 + random.nextInt(12) : -random.nextInt(10);
			Instant in = e.startsAt().plus(Duration.ofMinutes(late));
			if (in.isAfter(now)) {
				in = now;
			}
			Instant out = e.endsAt().isAfter(now) ? null
					: e.endsAt().plus(Duration.ofMinutes(random.nextInt(15) == 0 ? -(5 + random.nextInt(20)) : random.nextInt(8)));
			jdbc.sql("insert into shift_attendance (staff_id, entry_id, clock_in_at, clock_out_at) values (?, ?, ?, ?)")
				.params(e.staffId(), e.id(), Timestamp.from(in), out == null ? null : Timestamp.from(out))
				.update();
		}
	}

	/**
	 * The team's hand-overs of the past week between shifts that follow each other, signed (one in
	 * six opened only ten minutes before the start), and the next one prepared from the records.
	 */
	private void handovers(TeamView team, Instant now, Random random) {
		List<Rosters.TeamShift> shifts = rosters.shifts(team.id(), now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(1)));
		Rosters.TeamShift previous = null;
		for (Rosters.TeamShift s : shifts) {
			if (previous != null && previous.endsAt().equals(s.startsAt()) && !s.startsAt().isAfter(now)) {
				long out = previous.lead().orElse(previous.entries().get(0)).staffId();
				long in = s.lead().orElse(s.entries().get(0)).staffId();
				if (out != in) {
					Instant start = s.startsAt();
					int openedBefore = random.nextInt(6) == 0 ? 10 : 18 + random.nextInt(10);
					Instant opened = start.minus(Duration.ofMinutes(openedBefore));
					Instant signed = start.minus(Duration.ofMinutes(1 + random.nextInt(openedBefore - 5)));
					jdbc.sql("""
							insert into shift_handover (team_id, shift_starts_at, status, prepared_by_id, prepared_at, opened_by_id,
							  opened_at, clear_handover, clear_situation, clear_problem, outgoing_signed_by_id, outgoing_signed_at,
							  incoming_signed_by_id, incoming_signed_at, signed_at)
							values (?, ?, 'SIGNED', ?, ?, ?, ?, true, true, true, ?, ?, ?, ?, ?) on conflict do nothing""")
						.params(team.id(), Timestamp.from(start), out, Timestamp.from(opened.minus(Duration.ofMinutes(15))), in,
								Timestamp.from(opened), out, Timestamp.from(signed.minusSeconds(60)), in, Timestamp.from(signed),
								Timestamp.from(signed))
						.update();
				}
			}
			previous = s;
		}
		rosters.nextShift(team.id(), now).ifPresent(next -> rosters.shiftEndingAt(team.id(), next.startsAt()).ifPresent(out -> {
			StaffView who = staff.find(out.lead().orElse(out.entries().get(0)).staffId()).orElseThrow();
			handovers.note(Actor.person(who.username(), who.displayName()), team.id(), "12号楼用户反映夜间水压低，已记录，请接班关注回访。",
					now.minus(Duration.ofMinutes(30)));
			handovers.prepare(Actor.person(who.username(), who.displayName()), team.id(), next.startsAt(), now,
					Locale.SIMPLIFIED_CHINESE);
		}));
	}

	private Optional<TeamView> team(String code) {
		return staff.teams().stream().filter(t -> t.code().equals(code)).findFirst();
	}
}
