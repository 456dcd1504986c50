package org.heatdesk.shift;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.heatdesk.platform.OnDuty;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.TeamView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is on duty, from the roster and the hand-overs: a shift answers for its team's tickets once
 * the hand-over into it is signed (which may be before it starts); while that hand-over is not
 * signed, the outgoing shift still answers.
 */
@Component
class OnDutyRoster implements OnDuty {

	/** A hand-over signed this long before its shift's start already moves the team to it. */
	static final Duration EARLY = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Rosters rosters;

	private final Handovers handovers;

	private final Staff staff;

	OnDutyRoster(JdbcClient jdbc, Rosters rosters, Handovers handovers, Staff staff) {
		this.jdbc = jdbc;
		this.rosters = rosters;
		this.handovers = handovers;
		this.staff = staff;
	}

	@Override
	public Set<Long> staffOnDuty(Instant at) {
		return new LinkedHashSet<>(jdbc.sql("select distinct staff_id from shift_roster_entry where starts_at <= ? and ends_at > ?")
			.params(Timestamp.from(at), Timestamp.from(at))
			.query(Long.class)
			.list());
	}

	@Override
	public Optional<DutyShift> answering(long teamId, Instant at) {
		Optional<Rosters.TeamShift> next = rosters.nextShift(teamId, at).filter(s -> !s.startsAt().isAfter(at.plus(EARLY)));
		if (next.isPresent()) {
			boolean signed = handovers.into(teamId, next.get().startsAt())
				.map(h -> h.signedAt() != null && !h.signedAt().isAfter(at))
				.orElse(false);
			if (signed) {
				return Optional.of(duty(next.get(), false));
			}
		}
		Optional<Rosters.TeamShift> current = rosters.shiftAt(teamId, at);
		if (current.isEmpty()) {
			return Optional.empty();
		}
		Optional<Rosters.TeamShift> previous = rosters.shiftEndingAt(teamId, current.get().startsAt());
		boolean signed = handovers.into(teamId, current.get().startsAt())
			.map(h -> h.signedAt() != null && !h.signedAt().isAfter(at))
			.orElse(false);
		if (previous.isPresent() && !signed) {
			return Optional.of(duty(previous.get(), true));
		}
		return Optional.of(duty(current.get(), false));
	}

	@Override
	public List<DutyShift> answeringAll(Instant at) {
		List<Long> teams = jdbc.sql("select distinct team_id from shift_roster_entry where starts_at <= ? and ends_at > ?")
			.params(Timestamp.from(at.plus(EARLY)), Timestamp.from(at))
			.query(Long.class)
			.list();
		return teams.stream()
			.map(t -> answering(t, at))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(DutyShift::teamName, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	private DutyShift duty(Rosters.TeamShift s, boolean pending) {
		Optional<Rosters.RosterEntry> lead = s.lead();
		String teamName = staff.teams().stream().filter(t -> t.id() == s.teamId()).map(TeamView::name).findFirst().orElse(null);
		return new DutyShift(s.teamId(), teamName, s.kind().name(), s.startsAt(), s.endsAt(),
				lead.map(Rosters.RosterEntry::staffId).orElse(null), lead.map(Rosters.RosterEntry::staffName).orElse(null),
				s.entries().stream().map(Rosters.RosterEntry::staffId).collect(Collectors.toCollection(LinkedHashSet::new)),
				pending);
	}
}
