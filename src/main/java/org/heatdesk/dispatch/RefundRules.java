package org.heatdesk.dispatch;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refund rule table for rooms below the standard temperature, per city and versioned by the
 * time from which a version applies; and the refund of a test by the version in force when the
 * test was done ({@link RefundCalculator}).
 */
@Service
public class RefundRules {

	private static final Pattern CITY = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");

	private static final BigDecimal MAX_PRICE = new BigDecimal("10000");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final DispatchProperties settings;

	RefundRules(JdbcClient jdbc, AuditTrail audit, Clock clock, DispatchProperties settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * A new version of a city's rule as the manager enters it.
	 * @param city the city's code, e.g. {@code JINAN}
	 * @param cityName how pages name it, e.g. 济南; taken from the city's earlier versions when blank
	 */
	public record NewRule(String city, String cityName, Instant effectiveFrom, BigDecimal pricePerM2, Integer seasonDays,
			List<RefundBand> bands) {
	}

	/** A refund worked out for a test, with the rule version it used. */
	public record Quote(RefundRule rule, BigDecimal standard, RefundCalculator.Refund refund) {
	}

	/** The standard room temperature, °C (a setting). */
	public BigDecimal standardTemperature() {
		return settings.standardTemperature();
	}

	/** Every version of every city, by city and newest first. */
	@Transactional(readOnly = true)
	public List<RefundRule> versions() {
		return load(null, null);
	}

	/** The versions of {@code city}, newest first. */
	@Transactional(readOnly = true)
	public List<RefundRule> versions(String city) {
		return load(city, null);
	}

	/** The version of {@code city} in force at {@code at}: the latest that began at or before it. */
	@Transactional(readOnly = true)
	public Optional<RefundRule> inForce(String city, Instant at) {
		return load(city, at).stream().findFirst();
	}

	/**
	 * Publishes a new version of a city's rule, from {@code effectiveFrom} on; earlier versions stay
	 * for the tests done under them.
	 * @throws HeatDeskException 400 for a malformed city, an effective time before the current minute,
	 * a price not above 0 or over 10 000 yuan, season days outside 1…366, bands with a gap or an overlap,
	 * a percent outside 0…100; 409 {@code DISPATCH_RULE_EXISTS} when the city has a version starting at
	 * that very time. Nothing is stored when refused.
	 */
	@Transactional
	public RefundRule publish(Actor actor, NewRule rule) {
		if (rule == null) {
			throw HeatDeskException.badInput("REQUIRED", "city");
		}
		String city = rule.city() == null ? null : InputChecks.text(rule.city(), "city").strip().toUpperCase(java.util.Locale.ROOT);
		if (city == null || !CITY.matcher(city).matches()) {
			throw HeatDeskException.badInput("DISPATCH_CITY_FORMAT", "city");
		}
		List<RefundRule> earlier = versions(city);
		String name = rule.cityName() == null ? "" : InputChecks.text(rule.cityName(), "cityName").strip();
		if (name.isEmpty()) {
			if (earlier.isEmpty()) {
				throw HeatDeskException.badInput("REQUIRED", "cityName");
			}
			name = earlier.get(0).cityName();
		}
		if (name.length() > 40) {
			throw HeatDeskException.badInput("TOO_LONG", "cityName", 40);
		}
		Instant from = rule.effectiveFrom();
		if (from == null) {
			throw HeatDeskException.badInput("REQUIRED", "effectiveFrom");
		}
		InputChecks.instant(from, "effectiveFrom");
		// a change applies to tests done after it: a version starting in the past would re-price tests already done
		if (from.isBefore(clock.instant().truncatedTo(ChronoUnit.MINUTES))) {
			throw HeatDeskException.badInput("DISPATCH_RULE_IN_PAST", "effectiveFrom");
		}
		BigDecimal price = rule.pricePerM2();
		if (price == null) {
			throw HeatDeskException.badInput("REQUIRED", "pricePerM2");
		}
		if (price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0 || price.stripTrailingZeros().scale() > 2) {
			throw HeatDeskException.badInput("DISPATCH_PRICE_RANGE", "pricePerM2");
		}
		if (rule.seasonDays() == null) {
			throw HeatDeskException.badInput("REQUIRED", "seasonDays");
		}
		if (rule.seasonDays() < 1 || rule.seasonDays() > 366) {
			throw HeatDeskException.badInput("DISPATCH_SEASON_DAYS_RANGE", "seasonDays");
		}
		List<RefundBand> bands = RefundCalculator.checkBands(rule.bands(), settings.standardTemperature());
		Instant at = from.truncatedTo(ChronoUnit.SECONDS);
		if (earlier.stream().anyMatch(r -> r.effectiveFrom().equals(at))) {
			throw HeatDeskException.conflict("DISPATCH_RULE_EXISTS");
		}
		String by = actor == null ? AuditTrail.SYSTEM : actor.name();
		long id = jdbc.sql("""
				insert into dispatch_refund_rule
				  (city, city_name, effective_from, price_per_m2, season_days, demo_values, created_at, created_by)
				values (?, ?, ?, ?, ?, false, ?, ?) returning id""")
			.params(city, name, Timestamp.from(at), price.setScale(2), rule.seasonDays(), Timestamp.from(clock.instant()), by)
			.query(Long.class)
			.single();
		for (RefundBand b : bands) {
			jdbc.sql("insert into dispatch_refund_band (rule_id, lower_c, upper_c, percent) values (?, ?, ?, ?)")
				.params(id, b.from(), b.below(), b.percent())
				.update();
		}
		RefundRule created = load(null, null).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
		audit.record(actor, "REFUND_RULE_PUBLISHED", "dispatch_refund_rule", id,
				earlier.isEmpty() ? null : snapshot(earlier.get(0)), snapshot(created));
		return created;
	}

	/**
	 * The refund of a test done in {@code city} at {@code testedAt}, by the version in force then.
	 * @throws HeatDeskException 404 {@code DISPATCH_RULE_NOT_FOUND} when the city has no version then;
	 * 400 as {@link RefundCalculator#refund}
	 */
	@Transactional(readOnly = true)
	public Quote quote(String city, Instant testedAt, BigDecimal householdTemperature, BigDecimal heatedArea,
			int daysBelow) {
		if (testedAt == null) {
			throw HeatDeskException.badInput("REQUIRED", "testedAt");
		}
		InputChecks.instant(testedAt, "testedAt");
		if (testedAt.isAfter(clock.instant().plus(1, ChronoUnit.MINUTES))) {
			throw HeatDeskException.badInput("DISPATCH_TEST_IN_FUTURE", "testedAt");
		}
		RefundRule rule = city == null ? null : inForce(city.strip().toUpperCase(java.util.Locale.ROOT), testedAt).orElse(null);
		if (rule == null) {
			throw HeatDeskException.notFound("DISPATCH_RULE_NOT_FOUND");
		}
		BigDecimal standard = settings.standardTemperature();
		return new Quote(rule, standard, RefundCalculator.refund(rule, standard, householdTemperature, heatedArea, daysBelow));
	}

	private List<RefundRule> load(String city, Instant at) {
		Map<Long, List<RefundBand>> bands = new HashMap<>();
		jdbc.sql("select rule_id, lower_c, upper_c, percent from dispatch_refund_band order by rule_id, upper_c desc")
			.query((rs, n) -> bands.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new RefundBand(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4))))
			.list();
		return jdbc.sql("""
				select id, city, city_name, effective_from, price_per_m2, season_days, demo_values, created_at, created_by
				from dispatch_refund_rule
				where (cast(:city as varchar) is null or city = :city)
				  and (cast(:at as timestamptz) is null or effective_from <= :at)
				order by city, effective_from desc""")
			.param("city", city)
			.param("at", at == null ? null : Timestamp.from(at))
			.query((rs, n) -> new RefundRule(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getBigDecimal(5), rs.getInt(6), rs.getBoolean(7),
					List.copyOf(bands.getOrDefault(rs.getLong(1), List.of())), rs.getTimestamp(8).toInstant(),
					rs.getString(9)))
			.list();
	}

	private static Map<String, Object> snapshot(RefundRule r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("city", r.city());
		m.put("cityName", r.cityName());
		m.put("effectiveFrom", r.effectiveFrom().toString());
		m.put("pricePerM2", r.pricePerM2().toPlainString());
		m.put("seasonDays", r.seasonDays());
		m.put("bands", r.bands()
			.stream()
			.map(b -> (b.from() == null ? "" : b.from().toPlainString()) + "–" + b.below().toPlainString() + ":" + b.percent()
					+ "%")
			.toList());
		return m;
	}
}
