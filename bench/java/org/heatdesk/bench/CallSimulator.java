package org.heatdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays a realistic stream of calls against HeatDesk's public switch API
 * ({@code POST /api/v1/cti/events} with a key of scope {@code cti}), exactly as a telephone switch
 * would: arrivals by hour of day (a morning and an evening peak), a queue, agents who ring for a
 * few seconds and talk for a few minutes, callers who give up when they wait too long, recordings.
 * Time can be accelerated: {@code --speed 60} plays a simulated minute per second (durations shrink
 * with it; event times are always the real time of posting, never in the future).
 *
 * <pre>
 * java -cp ... org.heatdesk.bench.CallSimulator --base http://localhost:8080 --key hdk_... \
 *      --peak-per-hour 600 --speed 1 --minutes 30 --extensions 8001,8002,8003,8004 --phones phones.txt
 * </pre>
 */
public final class CallSimulator {

	/** Relative arrival rate of each hour of the day (the busiest hour is 16). */
	static final int[] HOURLY = { 1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 14, 11, 8, 9, 10, 10, 9, 10, 12, 11, 8, 5, 3, 2 };

	/** What to play. */
	public record Settings(String base, String key, double peakPerHour, double speed, Duration simulated,
			List<String> extensions, List<String> phones, double abandonShare, long seed, ZoneId zone,
			boolean flatRate) {
	}

	/** Told when a call rings at an agent: the time just before the RINGING event was sent. */
	public interface Listener {

		void ringing(String callId, String extension, long sentNanos);

		/** The API answered that RINGING. */
		default void ringingAnswered(String callId, long answeredNanos) {
		}
	}

	private final Settings settings;

	private final Listener listener;

	/** One kept-alive connection per posting thread, as a switch's connector would hold. */
	private final ThreadLocal<Http1Client> http;

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(16);

	private final ConcurrentLinkedQueue<String> freeAgents = new ConcurrentLinkedQueue<>();

	private final SplittableRandom random;

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong posted = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong abandoned = new AtomicLong();

	private final AtomicLong answered = new AtomicLong();

	private final AtomicLong active = new AtomicLong();

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	public CallSimulator(Settings settings, Listener listener) {
		this.settings = settings;
		this.listener = listener == null ? (c, e, t) -> { } : listener;
		this.random = new SplittableRandom(settings.seed());
		freeAgents.addAll(settings.extensions());
		URI base = URI.create(settings.base());
		if (!"http".equals(base.getScheme())) {
			throw new IllegalArgumentException("the simulator speaks plain HTTP, as a switch on the local network: " + base);
		}
		int port = base.getPort() > 0 ? base.getPort() : 80;
		this.path = base.getPath() == null ? "" : base.getPath().replaceAll("/$", "");
		this.http = ThreadLocal.withInitial(() -> new Http1Client(base.getHost(), port));
	}

	private final String path;

	/** Counts of what was played. */
	public record Totals(long calls, long answered, long abandoned, long posted, long refused) {
	}

	/** Plays for the simulated duration and waits for the calls in progress to end. */
	public Totals play() throws InterruptedException {
		return play(true);
	}

	/**
	 * Plays for the simulated duration; then waits for the calls in progress to end, or (a warm-up)
	 * leaves them to the server's sweep.
	 */
	public Totals play(boolean waitForCallsInProgress) throws InterruptedException {
		long endNanos = System.nanoTime() + real(settings.simulated());
		while (System.nanoTime() < endNanos) {
			double perHour = settings.flatRate() ? settings.peakPerHour()
					: settings.peakPerHour() * HOURLY[LocalTime.now(settings.zone()).getHour()] / 16.0;
			// exponential gaps: a Poisson stream of arrivals
			double gapSeconds = -Math.log(1 - nextDouble()) * 3600.0 / Math.max(perHour, 0.1);
			sleep(Duration.ofMillis(Math.max(0, (long) (gapSeconds * 1000))));
			scheduler.execute(this::arrive);
		}
		// let the calls in progress end (at most half an hour of simulated time)
		long drainUntil = waitForCallsInProgress ? System.nanoTime() + real(Duration.ofMinutes(30)) + 5_000_000_000L : 0;
		while (active.get() > 0 && System.nanoTime() < drainUntil) {
			Thread.sleep(50);
		}
		scheduler.shutdownNow();
		return totals();
	}

	public Totals totals() {
		return new Totals(calls.get(), answered.get(), abandoned.get(), posted.get(), refused.get());
	}

	private void arrive() {
		active.incrementAndGet();
		String callId = "SIM-" + run + "-" + calls.incrementAndGet();
		String caller = settings.phones().isEmpty() ? "1" + (30 + nextInt(60)) + String.format("%08d", nextInt(100_000_000))
				: settings.phones().get(nextInt(settings.phones().size()));
		post(event(callId, "RINGING", caller, null, "\"queue\":\"hotline\""));
		long patienceMs = real(Duration.ofSeconds(20 + nextInt(70))) / 1_000_000;
		boolean givesUp = nextDouble() < settings.abandonShare();
		waitForAgent(callId, caller, System.currentTimeMillis() + patienceMs, givesUp);
	}

	private void waitForAgent(String callId, String caller, long giveUpAt, boolean givesUp) {
		String ext = givesUp ? null : freeAgents.poll();
		if (ext != null) {
			ring(callId, caller, ext);
			return;
		}
		if (givesUp || System.currentTimeMillis() >= giveUpAt) {
			long delay = givesUp ? Math.max(0, giveUpAt - System.currentTimeMillis()) : 0;
			scheduler.schedule(() -> {
				post(event(callId, "ABANDONED", caller, null, "\"queue\":\"hotline\""));
				abandoned.incrementAndGet();
				active.decrementAndGet();
			}, delay, TimeUnit.MILLISECONDS);
			return;
		}
		scheduler.schedule(() -> waitForAgent(callId, caller, giveUpAt, false), real(Duration.ofSeconds(1)),
				TimeUnit.NANOSECONDS);
	}

	private void ring(String callId, String caller, String ext) {
		long sent = System.nanoTime();
		listener.ringing(callId, ext, sent);
		post(event(callId, "RINGING", caller, ext, null));
		listener.ringingAnswered(callId, System.nanoTime());
		long ringMs = 2_000 + nextInt(nextInt(10) == 0 ? 25_000 : 10_000);
		scheduler.schedule(() -> {
			post(event(callId, "ANSWERED", caller, ext, null));
			answered.incrementAndGet();
			// talk times are skewed: most calls are short, some take many minutes
			long talkMs = Math.min(900_000, (long) (60_000 * Math.exp(0.9 * gaussian() + 0.8)));
			scheduler.schedule(() -> {
				post(event(callId, "ENDED", caller, ext, null));
				post(event(callId, "RECORDING_READY", caller, null,
						"\"recordingUrl\":\"https://pbx.invalid/recordings/" + callId + ".wav\""));
				// wrap-up before the agent takes the next call
				active.decrementAndGet();
				scheduler.schedule(() -> freeAgents.add(ext), real(Duration.ofSeconds(10)), TimeUnit.NANOSECONDS);
			}, real(Duration.ofMillis(talkMs)), TimeUnit.NANOSECONDS);
		}, real(Duration.ofMillis(ringMs)), TimeUnit.NANOSECONDS);
	}

	private String event(String callId, String type, String caller, String ext, String more) {
		StringBuilder b = new StringBuilder("{\"callId\":\"").append(callId).append("\",\"type\":\"").append(type)
			.append("\",\"time\":\"").append(Instant.now()).append("\",\"caller\":\"").append(caller)
			.append("\",\"dialled\":\"96123\"");
		if (ext != null) {
			b.append(",\"extension\":\"").append(ext).append('"');
		}
		if (more != null) {
			b.append(',').append(more);
		}
		return b.append('}').toString();
	}

	private void post(String json) {
		try {
			Http1Client.Response response = http.get().post(path + "/api/v1/cti/events",
					Map.of("X-Api-Key", settings.key(), "Content-Type", "application/json"), json);
			posted.incrementAndGet();
			if (response.status() != 200) {
				refused.incrementAndGet();
				System.err.println("refused " + response.status() + ": " + response.text());
			}
		}
		catch (IOException e) {
			refused.incrementAndGet();
		}
	}

	private long real(Duration simulated) {
		return (long) (simulated.toNanos() / settings.speed());
	}

	private synchronized int nextInt(int bound) {
		return random.nextInt(bound);
	}

	private synchronized double nextDouble() {
		return random.nextDouble();
	}

	private synchronized double gaussian() {
		double u = 1 - random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	private static void sleep(Duration d) throws InterruptedException {
		Thread.sleep(d.toMillis());
	}

	public static void main(String[] args) throws Exception {
		String base = "http://localhost:8080";
		String key = System.getenv("HEATDESK_CTI_KEY");
		double peak = 600;
		double speed = 1;
		long minutes = 30;
		List<String> extensions = List.of("8001", "8002", "8003", "8004", "8100");
		List<String> phones = new ArrayList<>();
		double abandon = 0.05;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--base" -> base = args[i + 1];
				case "--key" -> key = args[i + 1];
				case "--peak-per-hour" -> peak = Double.parseDouble(args[i + 1]);
				case "--speed" -> speed = Double.parseDouble(args[i + 1]);
				case "--minutes" -> minutes = Long.parseLong(args[i + 1]);
				case "--extensions" -> extensions = Arrays.asList(args[i + 1].split(","));
				case "--phones" -> phones = Files.readAllLines(Path.of(args[i + 1])).stream().map(String::strip)
					.filter(s -> !s.isEmpty()).toList();
				case "--abandon" -> abandon = Double.parseDouble(args[i + 1]);
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		if (key == null) {
			throw new IllegalArgumentException("--key (or HEATDESK_CTI_KEY) is required: an API key of scope cti");
		}
		CallSimulator simulator = new CallSimulator(new Settings(base, key, peak, speed, Duration.ofMinutes(minutes),
				extensions, phones, abandon, System.nanoTime(), ZoneId.of("Asia/Shanghai"), false), null);
		System.out.println(simulator.play());
	}
}
