package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.heatdesk.platform.HeatDeskException;
import org.junit.jupiter.api.Test;

/** The refund worked out by hand, step by step in the comments, against the calculator. */
class RefundCalculatorTests {

	static final BigDecimal STANDARD = new BigDecimal("18");

	/** Jinan as seeded: 14 ≤ t < 18 → 50 %, t < 14 → 100 %; 26.70 yuan/m², 121 days (demo values). */
	static final RefundRule JINAN = rule("26.70", 121, band("14", "18", 50), band(null, "14", 100));

	/** Zibo as seeded: 16–18 → 20 %, 12–16 → 50 %, < 12 → 100 %; 23.50 yuan/m², 121 days (demo values). */
	static final RefundRule ZIBO = rule("23.50", 121, band("16", "18", 20), band("12", "16", 50), band(null, "12", 100));

	@Test
	void jinanHalfRefundForAHomeAt15Point2() {
		// rooms 15.0, 15.4, 15.2: sum 45.6, mean 15.2 °C → band 14 ≤ t < 18 → 50 %
		BigDecimal t = RefundCalculator.householdTemperature(List.of(d("15.0"), d("15.4"), d("15.2")));
		assertThat(t).isEqualByComparingTo("15.2");
		// 26.70 × 85.40 = 2280.18 yuan for the season
		// × 10 days ÷ 121 days = 188.4446…; × 50 % = 94.2223… → 94.22
		// (exactly: 2280.18 × 10 × 50 = 1 140 090; ÷ 12 100 = 94.2223)
		RefundCalculator.Refund r = RefundCalculator.refund(JINAN, STANDARD, t, d("85.40"), 10);
		assertThat(r.compliant()).isFalse();
		assertThat(r.percent()).isEqualTo(50);
		assertThat(r.amount()).isEqualByComparingTo("94.22");
		assertThat(r.amount().scale()).isEqualTo(2);
	}

	@Test
	void jinanFullRefundBelow14ForTheWholeSeason() {
		// 13.9 °C < 14 → 100 %; 26.70 × 120.00 = 3204.00; × 121 ÷ 121 × 100 % = 3204.00
		RefundCalculator.Refund r = RefundCalculator.refund(JINAN, STANDARD, d("13.9"), d("120.00"), 121);
		assertThat(r.percent()).isEqualTo(100);
		assertThat(r.amount()).isEqualByComparingTo("3204.00");
	}

	@Test
	void ziboTwentyPercentAtSixteen() {
		// 16.0 lies in 16 ≤ t < 18 → 20 % (the lower bound belongs to the band)
		// 23.50 × 72.35 = 1700.225; × 15 = 25 503.375; × 20 = 510 067.5; ÷ 12 100 = 42.1543… → 42.15
		RefundCalculator.Refund r = RefundCalculator.refund(ZIBO, STANDARD, d("16.0"), d("72.35"), 15);
		assertThat(r.percent()).isEqualTo(20);
		assertThat(r.amount()).isEqualByComparingTo("42.15");
	}

	@Test
	void theHouseholdFigureIsRoundedBeforeTheBandIsChosen() {
		// rooms 12.0 and 11.9: mean 11.95 → half up 12.0 → Zibo's 12 ≤ t < 16 → 50 %, not the 100 % of < 12
		BigDecimal t = RefundCalculator.householdTemperature(List.of(d("12.0"), d("11.9")));
		assertThat(t).isEqualByComparingTo("12.0");
		// 23.50 × 60 = 1410; × 30 days = 42 300; × 50 = 2 115 000; ÷ 12 100 = 174.7933… → 174.79
		RefundCalculator.Refund r = RefundCalculator.refund(ZIBO, STANDARD, t, d("60"), 30);
		assertThat(r.percent()).isEqualTo(50);
		assertThat(r.amount()).isEqualByComparingTo("174.79");
	}

	@Test
	void theAmountIsRoundedOnceHalfUpToTheFen() {
		// 1.00 × 1.00 × 1 day × 50 % ÷ 100 days = 0.005 → half up 0.01 (half even would give 0.00)
		RefundRule plain = rule("1.00", 100, band(null, "18", 50));
		assertThat(RefundCalculator.refund(plain, STANDARD, d("17"), d("1.00"), 1).amount()).isEqualByComparingTo("0.01");
		// rooms 15.2 and 15.3: mean 15.25 → 15.3
		assertThat(RefundCalculator.householdTemperature(List.of(d("15.2"), d("15.3")))).isEqualByComparingTo("15.3");
	}

	@Test
	void aHomeAtTheStandardGetsNothing() {
		RefundCalculator.Refund r = RefundCalculator.refund(JINAN, STANDARD, d("18.0"), d("85.40"), 10);
		assertThat(r.compliant()).isTrue();
		assertThat(r.percent()).isZero();
		assertThat(r.amount()).isEqualByComparingTo("0.00");
		// no day below standard, no refund even in the coldest band
		assertThat(RefundCalculator.refund(JINAN, STANDARD, d("10"), d("85.40"), 0).amount()).isEqualByComparingTo("0");
	}

	@Test
	void badInputIsRefusedWithItsCode() {
		assertRefused(() -> RefundCalculator.householdTemperature(List.of(d("40.1"))), "DISPATCH_TEMPERATURE_RANGE");
		assertRefused(() -> RefundCalculator.householdTemperature(List.of(d("-10.1"))), "DISPATCH_TEMPERATURE_RANGE");
		assertRefused(() -> RefundCalculator.householdTemperature(List.of()), "DISPATCH_ROOMS_REQUIRED");
		assertRefused(() -> RefundCalculator.householdTemperature(Arrays.asList(d("15"), null)), "REQUIRED");
		assertRefused(() -> RefundCalculator.refund(JINAN, STANDARD, d("41"), d("85"), 1), "DISPATCH_TEMPERATURE_RANGE");
		assertRefused(() -> RefundCalculator.refund(JINAN, STANDARD, d("15"), d("0"), 1), "DISPATCH_AREA_RANGE");
		assertRefused(() -> RefundCalculator.refund(JINAN, STANDARD, d("15"), d("85.401"), 1), "DISPATCH_AREA_RANGE");
		assertRefused(() -> RefundCalculator.refund(JINAN, STANDARD, d("15"), d("85"), 122), "DISPATCH_DAYS_RANGE");
		assertRefused(() -> RefundCalculator.refund(JINAN, STANDARD, d("15"), d("85"), -1), "DISPATCH_DAYS_RANGE");
		// exactly −10 and 40 are readings still accepted
		assertThat(RefundCalculator.householdTemperature(List.of(d("-10"), d("40")))).isEqualByComparingTo("15.0");
	}

	@Test
	void bandsMustJoinUpFromTheStandardDown() {
		List<RefundBand> good = List.of(band(null, "14", 100), band("14", "18", 50));
		assertThat(RefundCalculator.checkBands(good, STANDARD)).extracting(RefundBand::percent).containsExactly(50, 100);
		// a gap between 13 and 14
		assertRefused(() -> RefundCalculator.checkBands(List.of(band("14", "18", 50), band(null, "13", 100)), STANDARD),
				"DISPATCH_BANDS_GAP");
		// an overlap: 13–18 and below 14
		assertRefused(() -> RefundCalculator.checkBands(List.of(band("13", "18", 50), band(null, "14", 100)), STANDARD),
				"DISPATCH_BANDS_GAP");
		// two bands open below
		assertRefused(() -> RefundCalculator.checkBands(List.of(band(null, "18", 50), band(null, "14", 100)), STANDARD),
				"DISPATCH_BANDS_GAP");
		// the coldest closed: below 12 would have no band
		assertRefused(() -> RefundCalculator.checkBands(List.of(band("12", "18", 50)), STANDARD), "DISPATCH_BANDS_OPEN");
		// the warmest not ending at the standard
		assertRefused(() -> RefundCalculator.checkBands(List.of(band(null, "17", 50)), STANDARD), "DISPATCH_BANDS_TOP");
		assertRefused(() -> RefundCalculator.checkBands(List.of(band(null, "18", 101)), STANDARD), "DISPATCH_BAND_PERCENT");
		assertRefused(() -> RefundCalculator.checkBands(List.of(band(null, "18", -1)), STANDARD), "DISPATCH_BAND_PERCENT");
		assertRefused(() -> RefundCalculator.checkBands(List.of(band("-11", "18", 5), band(null, "-11", 9)), STANDARD),
				"DISPATCH_TEMPERATURE_RANGE");
		assertRefused(() -> RefundCalculator.checkBands(List.of(), STANDARD), "DISPATCH_BANDS_REQUIRED");
		assertRefused(() -> RefundCalculator.checkBands(List.of(band(null, "18.05", 5)), STANDARD),
				"DISPATCH_TEMPERATURE_RANGE");
	}

	static void assertRefused(Runnable action, String code) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(HeatDeskException.class,
				e -> assertThat(e.code()).isEqualTo(code));
	}

	static RefundRule rule(String price, int days, RefundBand... bands) {
		return new RefundRule(1, "X", "X", Instant.EPOCH, d(price), days, false, new ArrayList<>(List.of(bands)),
				Instant.EPOCH, "test");
	}

	static RefundBand band(String from, String below, int percent) {
		return new RefundBand(from == null ? null : d(from), d(below), percent);
	}

	static BigDecimal d(String v) {
		return new BigDecimal(v);
	}
}
