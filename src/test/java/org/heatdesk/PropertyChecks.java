package org.heatdesk;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Property checks in plain JUnit: a property is run against many generated inputs from a fixed
 * seed, so a failure names its try and repeats exactly. Edges of a range are drawn on purpose.
 */
public final class PropertyChecks {

	private static final long SEED = 20261127L;

	private PropertyChecks() {
	}

	/** Runs {@code property} {@code tries} times, each with its own generator. */
	public static void forAll(int tries, Consumer<SplittableRandom> property) {
		SplittableRandom seeds = new SplittableRandom(SEED);
		for (int i = 0; i < tries; i++) {
			long seed = seeds.nextLong();
			try {
				property.accept(new SplittableRandom(seed));
			}
			catch (AssertionError e) {
				throw new AssertionError("property failed on try " + i + " (seed " + seed + "): " + e.getMessage(), e);
			}
		}
	}

	/** A double in [min, max], the bounds themselves one time in ten. */
	public static double between(SplittableRandom random, double min, double max) {
		int pick = random.nextInt(20);
		if (pick == 0) {
			return min;
		}
		if (pick == 1) {
			return max;
		}
		return min + random.nextDouble() * (max - min);
	}

	/** A long in [min, max], the bounds themselves one time in ten. */
	public static long between(SplittableRandom random, long min, long max) {
		int pick = random.nextInt(20);
		if (pick == 0) {
			return min;
		}
		if (pick == 1) {
			return max;
		}
		return random.nextLong(min, max + 1);
	}
}
