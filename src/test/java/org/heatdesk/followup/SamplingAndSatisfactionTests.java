package org.heatdesk.followup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sampling rule and the SMS digits, worked out by hand. */
class SamplingAndSatisfactionTests {

	@Test
	void aRateOfZeroTakesNothingAndOfAHundredEverything() {
		for (int i = 0; i < 500; i++) {
			String no = "GR20261130-" + i;
			assertThat(Sampling.sampled(no, 0)).isFalse();
			assertThat(Sampling.sampled(no, 100)).isTrue();
			// the same number is always judged the same way
			assertThat(Sampling.bucket(no)).isEqualTo(Sampling.bucket(no)).isBetween(0, 99);
		}
	}

	@Test
	void thirtyPercentTakesAboutThirtyOfAThousand() {
		int taken = 0;
		for (int i = 1; i <= 1000; i++) {
			if (Sampling.sampled("GR20261130-" + String.format("%04d", i), 30)) {
				taken++;
			}
		}
		// CRC-32 spreads consecutive numbers evenly: 300 expected, a wide margin for chance
		assertThat(taken).isBetween(240, 360);
	}

	@Test
	void digitsOneToFourAreTheScaleAnythingElseIsNot() {
		assertThat(Satisfaction.ofDigit("1")).contains(Satisfaction.VERY_SATISFIED);
		assertThat(Satisfaction.ofDigit(" 2\n")).contains(Satisfaction.SATISFIED);
		assertThat(Satisfaction.ofDigit("3")).contains(Satisfaction.NEUTRAL);
		assertThat(Satisfaction.ofDigit("4")).contains(Satisfaction.DISSATISFIED);
		for (String other : new String[] { "0", "5", "12", "一", "满意", "", " ", "４" }) {
			assertThat(Satisfaction.ofDigit(other)).as(other).isEmpty();
		}
		assertThat(Satisfaction.ofDigit(null)).isEmpty();
		assertThat(Satisfaction.parse("HAPPY")).isEmpty();
		assertThat(Satisfaction.parse("DISSATISFIED")).contains(Satisfaction.DISSATISFIED);
	}
}
