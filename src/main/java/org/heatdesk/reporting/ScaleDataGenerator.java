package org.heatdesk.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Rows of a heating season for benchmarks, in PostgreSQL's COPY text format: tickets, and calls with
 * their contacts. Deterministic (row {@code n} is always the same row), spread over the season's days
 * by {@link #dayWeight} — a busy first fortnight when the heating starts, a cold snap in January three
 * times the usual volume, a quieter end — and over the day's hours by {@link #HOUR_WEIGHTS}. In the
 * cold snap repairs take a larger share and calls are answered late and abandoned more often.
 */
final class ScaleDataGenerator {

	/** Calls by hour of the day (the center's day: a morning and an afternoon peak, quiet nights). */
	static final double[] HOUR_WEIGHTS = { 0.6, 0.4, 0.3, 0.3, 0.3, 0.5, 1.2, 3.5, 7.0, 8.5, 8.0, 7.0, 5.5, 5.0, 6.5,
			7.0, 6.5, 5.5, 4.5, 4.0, 3.5, 2.5, 1.6, 1.0 };

	static final MonthDay SEASON_START = MonthDay.of(11, 15);

	static final int SEASON_DAYS = 121;

	/** The cold snap: from this day of the season (0 = 15 November), this many days. */
	static final int SNAP_START = 52;

	static final int SNAP_DAYS = 8;

	record Agent(long id, String username) {
	}

	record Place(long communityId, long substationId) {
	}

	/** The categories of one ticket type, by id. */
	record Categories(String type, long[] ids) {
	}

	private final LocalDate seasonStart;

	private final ZoneId zone;

	private final List<Agent> agents;

	private final List<Place> places;

	private final List<Categories> categories;

	private final long policyId;

	/** Cumulative day weights, so a row's day is found by a binary search of its position. */
	private final double[] cumulativeDays;

	private final double[] cumulativeHours;

	ScaleDataGenerator(int seasonYear, ZoneId zone, List<Agent> agents, List<Place> places, List<Categories> categories,
			long policyId) {
		if (agents.isEmpty() || places.isEmpty()) {
			throw new IllegalArgumentException("scale data needs agents and communities");
		}
		this.seasonStart = SEASON_START.atYear(seasonYear);
		this.zone = zone;
		this.agents = agents;
		this.places = places;
		this.categories = categories;
		this.policyId = policyId;
		this.cumulativeDays = cumulative(SEASON_DAYS, ScaleDataGenerator::dayWeight);
		this.cumulativeHours = cumulative(24, h -> HOUR_WEIGHTS[h]);
	}

	LocalDate seasonStart() {
		return seasonStart;
	}

	/** How busy a day of the season is against an ordinary one. */
	static double dayWeight(int day) {
		double w = 1.0;
		if (day < 14) {
			w += 1.2 * (14 - day) / 14.0; // the heating starts: radiators cold, air in the pipes
		}
		if (day >= SNAP_START && day < SNAP_START + SNAP_DAYS) {
			w = 3.0; // the cold snap
		}
		if (day > 100) {
			w *= 0.7; // March: milder, fewer calls
		}
		return w;
	}

	static boolean inSnap(int day) {
		return day >= SNAP_START && day < SNAP_START + SNAP_DAYS;
	}

	/** The golden ratio's fraction: multiples of it mod 1 fill [0, 1) evenly at every count. */
	private static final double SPREAD = 0.6180339887498949;

	/**
	 * The moment of row {@code n}: its place in the season is {@code n × 0.618… mod 1}, so that the
	 * first rows of any count already cover the whole season evenly (a run stopped early, or resumed
	 * with another target, still has every day in its share).
	 */
	Instant moment(long n, long total, SplittableRandom random) {
		double position = (n * SPREAD + 0.5 * SPREAD) % 1.0;
		int day = search(cumulativeDays, position);
		int hour = search(cumulativeHours, random.nextDouble());
		long second = hour * 3600L + random.nextInt(3600);
		return seasonStart.plusDays(day).atStartOfDay(zone).toInstant().plusSeconds(second);
	}

	int dayOf(Instant at) {
		return (int) ChronoUnit.DAYS.between(seasonStart, LocalDate.ofInstant(at, zone));
	}

	/**
	 * Ticket {@code n} of {@code total} as a COPY line of the columns {@link #TICKET_COLUMNS}.
	 * {@code sequence} makes its number unique: {@code GR<day>-<9,000,000 + sequence>}, a number of the
	 * ticket module's form (its page opens) far above any day's own count.
	 */
	void ticket(long n, long total, long sequence, StringBuilder out) {
		SplittableRandom random = new SplittableRandom(0x5EA5_0000L ^ n * 0x9E3779B97F4A7C15L);
		Instant recorded = moment(n, total, random);
		int day = dayOf(recorded);
		boolean snap = inSnap(day);
		double r = random.nextDouble();
		String type = r < (snap ? 0.70 : 0.55) ? "REPAIR" : r < (snap ? 0.85 : 0.80) ? "INQUIRY"
				: r < (snap ? 0.96 : 0.92) ? "COMPLAINT" : r < 0.97 ? "SUGGESTION" : "PRAISE";
		Long category = category(type, random);
		Agent agent = agents.get(random.nextInt(agents.size()));
		Place place = places.get(random.nextInt(places.size()));
		boolean repair = "REPAIR".equals(type);
		boolean complaint = "COMPLAINT".equals(type);
		Instant dispatchDue = recorded.plus(Duration.ofMinutes(repair ? 15 : 60));
		Instant dispatched = recorded.plusSeconds(60 + random.nextInt(repair ? (snap ? 1800 : 1000) : 4000));
		Instant respondDue = repair ? recorded.plus(Duration.ofMinutes(30)) : complaint ? recorded.plus(Duration.ofHours(24)) : null;
		Instant responded = respondDue == null ? null : dispatched.plusSeconds(60 + random.nextInt(repair ? 1500 : 80000));
		Instant onSiteDue = repair ? recorded.plus(Duration.ofHours(2)) : null;
		Instant onSite = onSiteDue == null ? null : dispatched.plusSeconds(600 + random.nextInt(snap ? 9000 : 6600));
		Instant resolveDue = recorded.plus(Duration.ofHours(repair ? 8 : 72));
		Instant resolved = (onSite != null ? onSite : dispatched).plusSeconds(600 + random.nextInt(repair ? 30000 : 250000));
		Instant closed = resolved.plusSeconds(3600 + random.nextInt(86400));
		String date = LocalDate.ofInstant(recorded, zone).toString().replace("-", "");
		out.append("GR").append(date).append('-').append(NUMBER_BASE + sequence).append('\t')
			.append(type).append('\t')
			.append(category == null ? "\\N" : category.toString()).append('\t')
			.append(repair && random.nextInt(20) == 0 ? "URGENT" : "NORMAL").append('\t')
			.append("HOUSEHOLD\tPHONE\tCLOSED\t")
			.append("规模测试工单").append('\t')
			.append(place.substationId()).append('\t')
			.append(place.communityId()).append('\t')
			.append(agent.id()).append('\t')
			.append(agent.username()).append('\t')
			.append(agent.id()).append('\t')
			.append(agent.username()).append('\t')
			.append(policyId).append('\t');
		ts(out, recorded).append('\t');
		ts(out, dispatched).append('\t');
		ts(out, responded).append('\t');
		ts(out, onSite).append('\t');
		ts(out, resolved).append('\t');
		ts(out, closed).append('\t');
		ts(out, dispatchDue).append('\t');
		ts(out, respondDue).append('\t');
		ts(out, onSiteDue).append('\t');
		ts(out, resolveDue).append('\t');
		out.append(repair ? "已修复" : "已答复").append('\t');
		// the caller's number and where: one ticket in fifty was recorded without them (an incomplete record)
		boolean complete = random.nextInt(50) != 0;
		out.append(complete ? "170" + String.format("%08d", n % 100_000_000) : "\\N").append('\t');
		out.append(complete ? "规模测试小区 " + (1 + random.nextInt(30)) + " 号楼 " + (1 + random.nextInt(6)) + " 单元 "
				+ (101 + random.nextInt(18) * 100 + random.nextInt(4)) + " 室" : "\\N").append('\n');
	}

	/** Generated tickets are numbered from here on each day; a day's real tickets count from 1. */
	static final long NUMBER_BASE = 9_000_000;

	static final String TICKET_COLUMNS = "ticket_no, type, category_id, priority, scope, channel, status, description, "
			+ "substation_id, community_id, first_responder_id, first_responder, assignee_id, assignee, policy_id, recorded_at, "
			+ "dispatched_at, responded_at, on_site_at, resolved_at, closed_at, dispatch_due, respond_due, on_site_due, "
			+ "resolve_due, result, caller_phone, address";

	/** Call {@code n} of {@code total} and its contact (id {@code contactId}) as COPY lines. */
	void call(long n, long total, long contactId, StringBuilder contacts, StringBuilder calls) {
		SplittableRandom random = new SplittableRandom(0xCA11_0000L ^ n * 0xBF58476D1CE4E5B9L);
		Instant ring = moment(n, total, random);
		boolean snap = inSnap(dayOf(ring));
		Agent agent = agents.get(random.nextInt(agents.size()));
		double r = random.nextDouble();
		boolean abandoned = r < (snap ? 0.09 : 0.03);
		long ringMs = abandoned ? 5_000 + random.nextInt(60_000)
				: random.nextDouble() < (snap ? 0.86 : 0.97) ? 2_000 + random.nextInt(12_500) : 15_000 + random.nextInt(45_000);
		long talkMs = abandoned ? 0 : 40_000 + random.nextInt(260_000);
		Instant answered = abandoned ? null : ring.plusMillis(ringMs);
		Instant ended = ring.plusMillis(ringMs + talkMs);
		String caller = "139" + String.format("%08d", random.nextInt(100_000_000));
		contacts.append(contactId).append("\tPHONE\tINBOUND\t").append(caller).append('\t')
			.append(abandoned ? "\\N" : Long.toString(agent.id())).append('\t');
		ts(contacts, ring).append('\t');
		ts(contacts, ring).append('\n');
		calls.append("scale-").append(contactId).append('\t').append(contactId).append("\tINBOUND\t").append(caller)
			.append("\t96325\t").append(abandoned ? "ABANDONED" : "ENDED").append('\t');
		ts(calls, ring).append('\t');
		ts(calls, answered).append('\t');
		ts(calls, ended).append('\t');
		calls.append(ringMs).append('\t').append(abandoned ? "\\N" : Long.toString(talkMs)).append('\t')
			.append(abandoned ? "\\N" : Long.toString(agent.id())).append('\t')
			.append(abandoned ? "t" : "f").append('\t')
			.append(abandoned ? "\\N" : ringMs <= 15_000 ? "t" : "f").append('\t');
		ts(calls, ended).append('\t');
		ts(calls, ended).append('\n');
	}

	static final String CONTACT_COLUMNS = "id, channel, direction, phone, staff_id, occurred_at, created_at";

	static final String CALL_COLUMNS = "switch_call_id, contact_id, direction, caller, dialled, status, first_ring_at, "
			+ "answered_at, ended_at, ring_ms, talk_ms, answered_staff_id, abandoned, within_limit, last_event_at, updated_at";

	private Long category(String type, SplittableRandom random) {
		for (Categories c : categories) {
			if (c.type().equals(type) && c.ids().length > 0) {
				// the first categories of a type are the common ones: a skewed draw
				double x = random.nextDouble();
				return c.ids()[(int) (x * x * c.ids().length)];
			}
		}
		return null;
	}

	private static StringBuilder ts(StringBuilder out, Instant at) {
		return at == null ? out.append("\\N") : out.append(at.toString());
	}

	private static double[] cumulative(int n, java.util.function.IntToDoubleFunction weight) {
		double[] c = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			sum += weight.applyAsDouble(i);
			c[i] = sum;
		}
		for (int i = 0; i < n; i++) {
			c[i] /= sum;
		}
		return c;
	}

	/** The first index whose cumulative share reaches {@code x}. */
	private static int search(double[] cumulative, double x) {
		int lo = 0;
		int hi = cumulative.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cumulative[mid] < x) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}
}
