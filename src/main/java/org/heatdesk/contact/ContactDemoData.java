package org.heatdesk.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.heatdesk.contact.cti.CtiEvent;
import org.heatdesk.platform.DemoDataSeeder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Today's calls for the wallboard and the figures ({@code heatdesk.contact.demo-calls}, 240 by
 * default): arrivals shaped by the hour from midnight (company zone) until a few minutes ago, so a
 * start before 08:00 shows the night shift's calls; some abandoned in the
 * queue, the rest answered by the demo agents, recorded through the same derivation as the switch's
 * events. Agents are left offline.
 */
@Component
@Order(50)
class ContactDemoData implements DemoDataSeeder {

	private static final String[] EXTENSIONS = { "8001", "8002", "8003", "8004", "8100" };

	/** Relative arrival weight of each hour 0..23: a morning peak and an evening one. */
	static final int[] HOURLY = { 1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 14, 11, 8, 9, 10, 10, 9, 10, 12, 11, 8, 5, 3, 2 };

	private final CallRecorder recorder;

	private final Agents agents;

	private final Presences presences;

	private final CallSettings settings;

	private final Clock clock;

	private final ZoneId zone;

	ContactDemoData(CallRecorder recorder, Agents agents, Presences presences, CallSettings settings, Clock clock,
			@Value("${heatdesk.company.zone:Asia/Shanghai}") String zone) {
		this.recorder = recorder;
		this.agents = agents;
		this.presences = presences;
		this.settings = settings;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public String name() {
		return "contact-calls";
	}

	@Override
	public void seed() {
		Instant now = clock.instant();
		Instant end = now.minus(Duration.ofMinutes(5));
		LocalDate day = LocalDate.ofInstant(now, zone);
		Instant midnight = day.atStartOfDay(zone).toInstant();
		// today since midnight (the night shift's few calls, then the day's), at least the last six hours
		Instant start = midnight.isBefore(now.minus(Duration.ofHours(6))) ? midnight : now.minus(Duration.ofHours(6));
		SplittableRandom random = new SplittableRandom(20261127);
		List<Instant> arrivals = arrivals(start, end, settings.demoCalls(), random);
		// just after midnight the last six hours are mostly yesterday's: a few calls still land today
		int wanted = Math.min(3, arrivals.size());
		long today = arrivals.stream().filter(t -> !t.isBefore(midnight)).count();
		long todaySpan = Duration.between(midnight, end).toSeconds();
		for (int i = 0; i < wanted - today && todaySpan > 0; i++) {
			arrivals.set(i, midnight.plusSeconds(random.nextLong(todaySpan)));
		}
		arrivals.sort(null);
		int n = 0;
		for (Instant ring : arrivals) {
			n++;
			String id = "DEMO-" + day + "-" + n;
			String caller = "1" + (3 + random.nextInt(6)) + String.format("%09d", random.nextInt(1_000_000_000));
			List<CtiEvent> events = new ArrayList<>();
			Instant queued = ring;
			events.add(new CtiEvent(id, "RINGING", queued, caller, "96123", null, "hotline", null, null));
			if (random.nextInt(100) < 7) {
				events.add(new CtiEvent(id, "ABANDONED", queued.plusSeconds(8 + random.nextInt(60)), caller, "96123", null,
						"hotline", null, null));
			}
			else {
				String ext = EXTENSIONS[random.nextInt(EXTENSIONS.length)];
				// most calls go straight to a free agent; in busy moments some wait a little in the queue
				Instant atAgent = random.nextInt(100) < 75 ? queued : queued.plusSeconds(2 + random.nextInt(20));
				// most calls are picked up within the three rings, a few are not
				long ringMs = random.nextInt(100) < 90 ? 2_000 + random.nextInt(9_000) : 12_000 + random.nextInt(20_000);
				Instant answered = atAgent.plusMillis(ringMs);
				Instant ended = min(answered.plusSeconds(40 + random.nextInt(360)), now.minusSeconds(10));
				events.add(new CtiEvent(id, "RINGING", atAgent, caller, "96123", ext, null, null, null));
				events.add(new CtiEvent(id, "ANSWERED", answered, caller, "96123", ext, null, null, null));
				events.add(new CtiEvent(id, "ENDED", ended, caller, "96123", ext, null, null, null));
				events.add(new CtiEvent(id, "RECORDING_READY", ended.plusSeconds(2), null, null, null, null, null,
						"https://pbx.demo.invalid/recordings/" + id + ".wav"));
			}
			for (CtiEvent e : events) {
				CallRecorder.Agent agent = agents.byExtension(e.extension()).orElse(null);
				recorder.record(e, CtiEventType.valueOf(e.type()), agent, null, now);
			}
		}
		for (String ext : EXTENSIONS) {
			agents.byExtension(ext).ifPresent(a -> presences.set(a.staffId(), PresenceState.OFFLINE, null, now, "demo", false));
		}
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** {@code count} arrival times between {@code from} and {@code to}, denser in busy hours. */
	List<Instant> arrivals(Instant from, Instant to, int count, SplittableRandom random) {
		List<Instant> result = new ArrayList<>(count);
		long span = Duration.between(from, to).toSeconds();
		if (span <= 0) {
			return result;
		}
		while (result.size() < count) {
			Instant t = from.plusSeconds(random.nextLong(span));
			int hour = t.atZone(zone).getHour();
			if (random.nextInt(16) < HOURLY[hour]) {
				result.add(t);
			}
		}
		result.sort(null);
		return result;
	}
}
