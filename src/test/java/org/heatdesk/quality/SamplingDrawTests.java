package org.heatdesk.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import org.heatdesk.PropertyChecks;
import org.junit.jupiter.api.Test;

/** The month's draw: reproducible from its seed, so many per agent, and weighted as promised over many draws. */
class SamplingDrawTests {

	private static List<SamplingDraw.Candidate> pool(SplittableRandom r) {
		int agents = (int) PropertyChecks.between(r, 1, 6);
		List<SamplingDraw.Candidate> list = new ArrayList<>();
		long id = PropertyChecks.between(r, 1, 1_000_000);
		for (int a = 0; a < agents; a++) {
			int calls = (int) PropertyChecks.between(r, 1, 40);
			for (int c = 0; c < calls; c++) {
				id += PropertyChecks.between(r, 1, 50);
				list.add(SamplingDraw.candidate(id, 100 + a, r.nextInt(5) == 0, r.nextInt(6) == 0,
						r.nextInt(3) == 0 ? null : PropertyChecks.between(r, 0, 900_000), r.nextBoolean()));
			}
		}
		return list;
	}

	@Test
	void theSameSeedDrawsTheSameCallsWhateverOrderTheyWereReadIn() {
		PropertyChecks.forAll(300, r -> {
			List<SamplingDraw.Candidate> pool = pool(r);
			int per = (int) PropertyChecks.between(r, 1, 10);
			long seed = r.nextLong();
			List<SamplingDraw.Candidate> shuffled = new ArrayList<>(pool);
			Collections.shuffle(shuffled, new Random(r.nextLong()));
			assertThat(SamplingDraw.draw(shuffled, per, seed)).isEqualTo(SamplingDraw.draw(pool, per, seed));
		});
	}

	@Test
	void everyAgentGetsSoManyCallsOfHisOwnWithoutRepeats() {
		PropertyChecks.forAll(300, r -> {
			List<SamplingDraw.Candidate> pool = pool(r);
			int per = (int) PropertyChecks.between(r, 1, 10);
			List<SamplingDraw.Candidate> drawn = SamplingDraw.draw(pool, per, r.nextLong());
			Map<Long, Integer> have = new HashMap<>();
			pool.forEach(c -> have.merge(c.agentId(), 1, Integer::sum));
			Map<Long, Integer> got = new HashMap<>();
			drawn.forEach(c -> got.merge(c.agentId(), 1, Integer::sum));
			// each agent: min(per, his calls)
			have.forEach((agent, n) -> assertThat(got.get(agent)).as("agent " + agent).isEqualTo(Math.min(per, n)));
			assertThat(pool).containsAll(drawn);
			Set<Long> ids = new HashSet<>();
			drawn.forEach(c -> assertThat(ids.add(c.callId())).isTrue());
		});
	}

	@Test
	void aCallIsDrawnInProportionToItsWeightOverManyDraws() {
		// one call of one agent out of a pool: Efraimidis–Spirakis gives call i exactly w_i / Σw.
		// With 20,000 draws the count of a call with probability p has a standard deviation of
		// sqrt(20000·p·(1-p)) ≤ 71; 5 deviations is a bound a correct draw misses once in ~3.5 million.
		PropertyChecks.forAll(8, r -> {
			List<SamplingDraw.Candidate> pool = new ArrayList<>();
			int n = (int) PropertyChecks.between(r, 2, 6);
			for (int i = 0; i < n; i++) {
				pool.add(SamplingDraw.candidate(i + 1, 7, r.nextBoolean(), r.nextBoolean(),
						r.nextBoolean() ? 600_000L : 60_000L, r.nextBoolean()));
			}
			int total = pool.stream().mapToInt(SamplingDraw.Candidate::weight).sum();
			int draws = 20_000;
			Map<Long, Integer> counts = new HashMap<>();
			SplittableRandom seeds = new SplittableRandom(r.nextLong());
			for (int d = 0; d < draws; d++) {
				counts.merge(SamplingDraw.draw(pool, 1, seeds.nextLong()).get(0).callId(), 1, Integer::sum);
			}
			for (SamplingDraw.Candidate c : pool) {
				double p = (double) c.weight() / total;
				double expected = draws * p;
				double sd = Math.sqrt(draws * p * (1 - p));
				assertThat((double) counts.getOrDefault(c.callId(), 0)).as("call weighing %d of %d", c.weight(), total)
					.isBetween(expected - 5 * sd, expected + 5 * sd);
			}
		});
	}

	@Test
	void heavierCallsAreCheckedMoreOftenWhenSeveralAreDrawn() {
		// 10 plain calls (weight 1) and 10 complaints answered late (1 + 2 + 1 = 4), 5 drawn: over 4,000
		// draws a complaint must be in the sample clearly more often than a plain call.
		List<SamplingDraw.Candidate> pool = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			pool.add(SamplingDraw.candidate(i + 1, 1, i >= 10, false, 60_000L, i < 10));
		}
		assertThat(pool.get(0).weight()).isEqualTo(1);
		assertThat(pool.get(10).weight()).isEqualTo(4);
		assertThat(pool.get(10).reasons()).isEqualTo("COMPLAINT,LATE");
		int heavy = 0;
		int light = 0;
		SplittableRandom seeds = new SplittableRandom(17);
		for (int d = 0; d < 4000; d++) {
			for (SamplingDraw.Candidate c : SamplingDraw.draw(pool, 5, seeds.nextLong())) {
				if (c.weight() == 4) {
					heavy++;
				}
				else {
					light++;
				}
			}
		}
		assertThat(heavy + light).isEqualTo(20_000);
		// exact expectation is ≈ 4/5 heavy for the first pick and less for later ones; well over 2/3 in all
		assertThat(heavy).isGreaterThan(2 * light);
	}

	@Test
	void theWeightsOfTheReasons() {
		// 1 + complaint 2 + dissatisfied 2 + long 1 + late 1 = 7
		SamplingDraw.Candidate all = SamplingDraw.candidate(1, 1, true, true, 300_000L, false);
		assertThat(all.weight()).isEqualTo(7);
		assertThat(all.reasons()).isEqualTo("COMPLAINT,DISSATISFIED,LONG,LATE");
		// 4:59 is not long, no ring figure (null) is not late
		SamplingDraw.Candidate plain = SamplingDraw.candidate(2, 1, false, false, 299_999L, null);
		assertThat(plain.weight()).isEqualTo(1);
		assertThat(plain.reasons()).isEmpty();
		assertThatThrownBy(() -> SamplingDraw.draw(List.of(plain), 0, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SamplingDraw.draw(List.of(plain, plain), 1, 1)).isInstanceOf(IllegalArgumentException.class);
	}
}
