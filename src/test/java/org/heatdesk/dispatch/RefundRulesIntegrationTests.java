package org.heatdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.platform.Actor;
import org.heatdesk.platform.HeatDeskException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refund rule table: the seeded defaults, versions that apply to tests after their effective
 * time while older versions stay, and bad versions refused with nothing stored.
 */
@HeatDeskTest
class RefundRulesIntegrationTests {

	static final Actor MANAGER = Actor.person("manager", "周经理");

	@Autowired
	RefundRules rules;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theSeededJinanAndZiboRulesPriceATest() {
		Instant tested = clock.instant().minus(Duration.ofHours(1));
		// Jinan, rooms averaging 15.2 °C, 85.40 m², 10 days below: 26.70 × 85.40 = 2280.18;
		// × 10 ÷ 121 × 50 % = 94.2223… → 94.22 yuan
		RefundRules.Quote jinan = rules.quote("JINAN", tested, new BigDecimal("15.2"), new BigDecimal("85.40"), 10);
		assertThat(jinan.rule().cityName()).isEqualTo("济南");
		assertThat(jinan.rule().demoValues()).isTrue();
		assertThat(jinan.refund().percent()).isEqualTo(50);
		assertThat(jinan.refund().amount()).isEqualByComparingTo("94.22");
		// Zibo, 11.9 °C (below 12: 100 %), 50.00 m², 4 days: 23.50 × 50 = 1175; × 4 ÷ 121 = 38.8429… → 38.84
		RefundRules.Quote zibo = rules.quote("zibo", tested, new BigDecimal("11.9"), new BigDecimal("50.00"), 4);
		assertThat(zibo.refund().percent()).isEqualTo(100);
		assertThat(zibo.refund().amount()).isEqualByComparingTo("38.84");
		assertThat(rules.inForce("ZIBO", tested).orElseThrow().bands()).extracting(RefundBand::percent)
			.containsExactly(20, 50, 100);
		assertThat(rules.standardTemperature()).isEqualByComparingTo("18");
	}

	@Test
	void aNewVersionAppliesToTestsAfterItsEffectiveTimeAndTheOldOneStays() throws InterruptedException {
		String city = city();
		Instant first = clock.instant().plusMillis(300);
		RefundRule v1 = rules.publish(MANAGER, new RefundRules.NewRule(city, "测试市", first, new BigDecimal("20.00"), 120,
				List.of(band(null, "14", 100), band("14", "18", 50))));
		Instant second = clock.instant().plusMillis(1500);
		RefundRule v2 = rules.publish(MANAGER, new RefundRules.NewRule(city, null, second, new BigDecimal("30.00"), 120,
				List.of(band("15", "18", 30), band(null, "15", 100))));
		assertThat(v2.cityName()).as("the city's name carried over").isEqualTo("测试市");
		// versions take effect from the whole second (stored so); judge "before" and "after" by what was stored
		assertThat(v2.effectiveFrom()).isAfter(v1.effectiveFrom());
		Instant before = v2.effectiveFrom().minusMillis(1);
		// a test cannot lie in the future: wait until the second version is in force
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
			.until(() -> !clock.instant().isBefore(v2.effectiveFrom()));
		Instant after = clock.instant();
		assertThat(rules.inForce(city, v1.effectiveFrom().minusMillis(1))).isEmpty();
		assertThat(rules.inForce(city, before).orElseThrow().id()).isEqualTo(v1.id());
		assertThat(rules.inForce(city, after).orElseThrow().id()).isEqualTo(v2.id());
		// a test at 14.5 °C, 100 m², 12 days:
		// under v1: 20.00 × 100 × 12 ÷ 120 × 50 % = 100.00; under v2 (band 100 % below 15): 30.00 × 100 × 12 ÷ 120 = 300.00
		assertThat(rules.quote(city, before, new BigDecimal("14.5"), new BigDecimal("100"), 12).refund().amount())
			.isEqualByComparingTo("100.00");
		assertThat(rules.quote(city, after, new BigDecimal("14.5"), new BigDecimal("100"), 12).refund().amount())
			.isEqualByComparingTo("300.00");
		assertThat(rules.versions(city)).extracting(RefundRule::id).containsExactly(v2.id(), v1.id());
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_event
				where action = 'REFUND_RULE_PUBLISHED' and actor = 'manager' and cast(after_state as jsonb) ->> 'city' = ?""")
			.param(city)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertRefused(() -> rules.quote(city, clock.instant().plus(Duration.ofHours(1)), new BigDecimal("14.5"),
				new BigDecimal("100"), 12), "DISPATCH_TEST_IN_FUTURE");
		assertRefused(() -> rules.quote("NOWHERE", after, new BigDecimal("14.5"), new BigDecimal("100"), 12),
				"DISPATCH_RULE_NOT_FOUND");
	}

	@Test
	void aBadVersionIsRefusedAndNothingIsStored() {
		String city = city();
		Instant later = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		List<RefundBand> good = List.of(band("14", "18", 50), band(null, "14", 100));
		long before = rows();
		assertRefused(() -> publish(city, clock.instant().minus(Duration.ofMinutes(2)), "20", 120, good),
				"DISPATCH_RULE_IN_PAST");
		assertRefused(() -> publish(city, later, "20", 120, List.of(band("13", "18", 50), band(null, "14", 100))),
				"DISPATCH_BANDS_GAP");
		assertRefused(() -> publish(city, later, "20", 120, List.of(band("14", "18", 50), band(null, "13", 100))),
				"DISPATCH_BANDS_GAP");
		assertRefused(() -> publish(city, later, "20", 120, List.of(band("14", "18", 101), band(null, "14", 100))),
				"DISPATCH_BAND_PERCENT");
		assertRefused(() -> publish(city, later, "0", 120, good), "DISPATCH_PRICE_RANGE");
		assertRefused(() -> publish(city, later, "20.001", 120, good), "DISPATCH_PRICE_RANGE");
		assertRefused(() -> publish(city, later, "20", 0, good), "DISPATCH_SEASON_DAYS_RANGE");
		assertRefused(() -> publish("济南", later, "20", 120, good), "DISPATCH_CITY_FORMAT");
		assertRefused(() -> rules.publish(MANAGER, new RefundRules.NewRule(city, "", later, new BigDecimal("20"), 120, good)),
				"REQUIRED");
		assertThat(rows()).isEqualTo(before);
		publish(city, later, "20", 120, good);
		assertRefused(() -> publish(city, later, "21", 120, good), "DISPATCH_RULE_EXISTS");
		assertThat(rows()).isEqualTo(before + 3);
	}

	private RefundRule publish(String city, Instant from, String price, int days, List<RefundBand> bands) {
		return rules.publish(MANAGER, new RefundRules.NewRule(city, "测试市", from, new BigDecimal(price), days, bands));
	}

	private long rows() {
		return jdbc.sql("select (select count(*) from dispatch_refund_rule) + (select count(*) from dispatch_refund_band)")
			.query(Long.class)
			.single();
	}

	private static String city() {
		return "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
	}

	private static RefundBand band(String from, String below, int percent) {
		return new RefundBand(from == null ? null : new BigDecimal(from), new BigDecimal(below), percent);
	}

	private static void assertRefused(Runnable action, String code) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(HeatDeskException.class,
				e -> assertThat(e.code()).isEqualTo(code));
	}
}
