package org.heatdesk.contact;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.LiveUpdates;
import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.heatdesk.staff.StaffView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The lead's live figures: the queue now, today's answering against the three-ring limit, and
 * where the agents are. Computed once per tick on each node and pushed to its own wallboards (and the
 * queue figure to its desks) through {@link LiveUpdates#publishHere}; every node works them out itself.
 */
@Component
class Wallboard {

	private final JdbcClient jdbc;

	private final Staff staff;

	private final Presences presences;

	private final LiveUpdates live;

	private final JsonMapper json;

	private final ZoneId zone;

	Wallboard(JdbcClient jdbc, Staff staff, Presences presences, LiveUpdates live, JsonMapper json,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.presences = presences;
		this.live = live;
		this.json = json;
		this.zone = ZoneId.of(zone);
	}

	record AgentState(long staffId, String name, String extension, PresenceState state, String reason, Instant since) {
	}

	/**
	 * @param withinLimitPercent of answered calls, those answered within the limit ({@code null} before the first)
	 * @param abandonedPercent of offered calls (answered or abandoned), those abandoned
	 * @param averageAnswerSeconds average ring time of answered calls
	 */
	record Figures(long waiting, long longestWaitSeconds, long offered, long answered, long abandoned,
			Double withinLimitPercent, Double abandonedPercent, Double averageAnswerSeconds,
			Map<PresenceState, Long> byPresence, List<AgentState> agents, boolean alert) {
	}

	@Transactional(readOnly = true)
	Figures figures(Instant now) {
		Map<String, Object> queue = jdbc.sql("""
				select count(*) as waiting, min(first_ring_at) as oldest from contact_call
				where status = 'RINGING' and direction = 'INBOUND'""")
			.query()
			.singleRow();
		long waiting = ((Number) queue.get("waiting")).longValue();
		Instant oldest = CallRecorder.instant(queue.get("oldest"));
		long longest = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
		Instant dayStart = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
		Day day = today(dayStart, now);
		long answered = day.answered();
		long within = day.within();
		long abandoned = day.abandoned();
		Double asa = day.ringCount() == 0 ? null : (double) day.ringSum() / day.ringCount();
		long offered = answered + abandoned;
		List<AgentState> agents = agents();
		Map<PresenceState, Long> counts = new EnumMap<>(PresenceState.class);
		for (PresenceState s : PresenceState.values()) {
			counts.put(s, 0L);
		}
		agents.forEach(a -> counts.merge(a.state(), 1L, Long::sum));
		return new Figures(waiting, longest, offered, answered, abandoned,
				answered == 0 ? null : round(100.0 * within / answered),
				offered == 0 ? null : round(100.0 * abandoned / offered),
				asa == null ? null : round(asa / 1000.0), counts, agents,
				waiting > 0 && counts.get(PresenceState.AWAY) > 0);
	}

	/** Every agent with their presence now, by state then name; one who never set one is offline. */
	@Transactional(readOnly = true)
	List<AgentState> agents() {
		Map<Long, Presences.Current> current = new LinkedHashMap<>();
		presences.all().forEach(p -> current.put(p.staffId(), p));
		List<AgentState> agents = new ArrayList<>();
		for (StaffView v : staff.withRole(Role.AGENT)) {
			Presences.Current p = current.get(v.id());
			agents.add(new AgentState(v.id(), v.displayName(), v.extension(), p == null ? PresenceState.OFFLINE : p.state(),
					p == null ? null : p.reason(), p == null ? null : p.since()));
		}
		agents.sort(Comparator.comparing(AgentState::state).thenComparing(AgentState::name));
		return agents;
	}

	/** Today's answering so far: calls answered, answered within the limit, abandoned; ring time of the answered. */
	record Day(long answered, long within, long abandoned, long ringSum, long ringCount) {

		Day plus(Day o) {
			return new Day(answered + o.answered, within + o.within, abandoned + o.abandoned, ringSum + o.ringSum,
					ringCount + o.ringCount);
		}
	}

	/** Calls that first rang this long ago are settled: answered, abandoned or swept. */
	static final Duration SETTLED_AFTER = Duration.ofMinutes(30);

	/** The settled part is read again at least this often, for changes made on other nodes. */
	static final Duration SETTLED_REFRESH = Duration.ofMinutes(5);

	private record Settled(Instant dayStart, Instant cutoff, long changes, Instant readAt, Day day) {
	}

	private volatile Settled settled;

	private final java.util.concurrent.atomic.AtomicLong settledChanges = new java.util.concurrent.atomic.AtomicLong();

	/**
	 * Today's figures read in two parts, so that a push every two seconds on the first cold day does
	 * not add up a hundred thousand calls each time: calls that rang before a cutoff half an hour ago
	 * are summed once and remembered (until the cutoff moves, a call before it changes on this node,
	 * or {@link #SETTLED_REFRESH} passes), the rest is read on every push.
	 */
	private Day today(Instant dayStart, Instant now) {
		// on a ten-minute boundary, so the remembered part is read again six times an hour
		Instant cutoff = Instant.ofEpochSecond(Math.floorDiv(now.minus(SETTLED_AFTER).getEpochSecond(), 600) * 600);
		Instant dayEnd = dayStart.plus(Duration.ofDays(1));
		if (!cutoff.isAfter(dayStart)) {
			return day(dayStart, dayEnd);
		}
		long changes = settledChanges.get();
		Settled s = settled;
		if (s == null || !s.dayStart().equals(dayStart) || !s.cutoff().equals(cutoff) || s.changes() != changes
				|| now.isAfter(s.readAt().plus(SETTLED_REFRESH)) || now.isBefore(s.readAt())) {
			s = new Settled(dayStart, cutoff, changes, now, day(dayStart, cutoff));
			settled = s;
		}
		return s.day().plus(day(cutoff, dayEnd));
	}

	private Day day(Instant from, Instant to) {
		Map<String, Object> day = jdbc.sql("""
				select count(*) filter (where answered_at is not null) as answered,
				       count(*) filter (where within_limit and answered_at is not null) as within,
				       count(*) filter (where abandoned) as abandoned,
				       coalesce(sum(ring_ms) filter (where answered_at is not null), 0) as ring_sum,
				       count(ring_ms) filter (where answered_at is not null) as ring_count
				from contact_call where first_ring_at >= ? and first_ring_at < ? and direction = 'INBOUND'""")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query()
			.singleRow();
		return new Day(((Number) day.get("answered")).longValue(), ((Number) day.get("within")).longValue(),
				((Number) day.get("abandoned")).longValue(), ((Number) day.get("ring_sum")).longValue(),
				((Number) day.get("ring_count")).longValue());
	}

	@EventListener
	void callChanged(CallChanged change) {
		if (change.swept()) {
			callsSwept();
		}
		else {
			callChanged(change.firstRingAt());
		}
	}

	/** A call changed (after its commit): if it rang before the remembered cutoff, forget the settled part. */
	void callChanged(Instant firstRingAt) {
		Settled s = settled;
		if (s != null && firstRingAt != null && firstRingAt.isBefore(s.cutoff())) {
			settledChanges.incrementAndGet();
		}
	}

	/** Calls were closed by the sweep (after its commit). */
	void callsSwept() {
		settledChanges.incrementAndGet();
	}

	@Scheduled(fixedDelayString = "${heatdesk.contact.wallboard-interval:2s}")
	void push() {
		boolean wallboards = live.heardHere(DeskStreams.WALLBOARD);
		boolean desks = live.heardHere(DeskStreams.DESKS);
		if (!wallboards && !desks) {
			return;
		}
		Figures f = figures(Instant.now());
		if (wallboards) {
			live.publishHere(DeskStreams.WALLBOARD, "figures", json.writeValueAsString(f));
		}
		if (desks) {
			live.publishHere(DeskStreams.DESKS, "queue", json.writeValueAsString(Map.of("waiting", f.waiting(), "longest", f.longestWaitSeconds(),
					"alert", f.alert())));
		}
	}

	private static Double round(double v) {
		return Math.round(v * 10.0) / 10.0;
	}
}
