package org.heatdesk.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The month's draw of calls to check: per agent, {@code perAgent} calls chosen at random without
 * replacement, each call's chance in proportion to its weight (Efraimidis–Spirakis: every call gets
 * the key {@code u^(1/w)} from one seeded generator, the largest keys win). The candidates are taken
 * in call-id order, so the same candidates and seed always give the same calls, whatever order they
 * were read in: the seed recorded with a sample reproduces it, and nobody picks the easy calls. Pure.
 */
final class SamplingDraw {

	/** Weight of an ordinary call; the reasons below add to it. */
	static final int BASE_WEIGHT = 1;

	static final int COMPLAINT_WEIGHT = 2;

	static final int DISSATISFIED_WEIGHT = 2;

	static final int LONG_CALL_WEIGHT = 1;

	static final int LATE_ANSWER_WEIGHT = 1;

	/** A call this long or longer (talk time) is a long call. */
	static final long LONG_CALL_MS = 5 * 60_000L;

	private SamplingDraw() {
	}

	/** A call that may be drawn: its agent, its weight (≥ 1) and why it weighs more (codes, comma separated). */
	record Candidate(long callId, long agentId, int weight, String reasons) {

		Candidate {
			if (weight < 1) {
				throw new IllegalArgumentException("a candidate's weight is at least 1: " + weight);
			}
		}
	}

	/** The weight of a call and its reasons, from what is known about it. */
	static Candidate candidate(long callId, long agentId, boolean complaint, boolean dissatisfied, Long talkMs,
			Boolean withinLimit) {
		int weight = BASE_WEIGHT;
		List<String> reasons = new ArrayList<>();
		if (complaint) {
			weight += COMPLAINT_WEIGHT;
			reasons.add("COMPLAINT");
		}
		if (dissatisfied) {
			weight += DISSATISFIED_WEIGHT;
			reasons.add("DISSATISFIED");
		}
		if (talkMs != null && talkMs >= LONG_CALL_MS) {
			weight += LONG_CALL_WEIGHT;
			reasons.add("LONG");
		}
		if (Boolean.FALSE.equals(withinLimit)) {
			weight += LATE_ANSWER_WEIGHT;
			reasons.add("LATE");
		}
		return new Candidate(callId, agentId, weight, String.join(",", reasons));
	}

	/**
	 * The calls drawn: for every agent among the candidates, {@code perAgent} of theirs (all of them when
	 * they have fewer), in call-id order.
	 */
	static List<Candidate> draw(List<Candidate> candidates, int perAgent, long seed) {
		if (perAgent < 1) {
			throw new IllegalArgumentException("at least one call per agent: " + perAgent);
		}
		List<Candidate> ordered = new ArrayList<>(candidates);
		ordered.sort(Comparator.comparingLong(Candidate::callId));
		SplittableRandom random = new SplittableRandom(seed);
		Map<Long, List<Keyed>> byAgent = new LinkedHashMap<>();
		long previous = Long.MIN_VALUE;
		for (Candidate c : ordered) {
			if (c.callId() == previous) {
				throw new IllegalArgumentException("a call is a candidate once: " + c.callId());
			}
			previous = c.callId();
			// 1 - nextDouble() is in (0, 1]: a key of exactly 0 would never win even with a huge weight
			double u = 1.0 - random.nextDouble();
			double key = Math.log(u) / c.weight(); // log of u^(1/w): same order, no underflow
			byAgent.computeIfAbsent(c.agentId(), a -> new ArrayList<>()).add(new Keyed(c, key));
		}
		List<Candidate> drawn = new ArrayList<>();
		for (List<Keyed> calls : byAgent.values()) {
			calls.sort(Comparator.comparingDouble(Keyed::key).reversed().thenComparingLong(k -> k.candidate().callId()));
			calls.stream().limit(perAgent).map(Keyed::candidate).forEach(drawn::add);
		}
		drawn.sort(Comparator.comparingLong(Candidate::callId));
		return drawn;
	}

	private record Keyed(Candidate candidate, double key) {
	}
}
