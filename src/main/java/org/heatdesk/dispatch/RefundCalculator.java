package org.heatdesk.dispatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.heatdesk.platform.HeatDeskException;

/**
 * The refund for heating below standard, pure. The household figure is the mean of the rooms
 * measured, rounded half up to 0.1 °C: the standard speaks of the room temperature of a dwelling,
 * the measuring method gives one reading per room, and the mean neither lets one cold corner room
 * decide for the whole home nor lets one warm room hide the others; 0.1 °C is the resolution of the
 * instruments in use. The refund is
 * <pre>price per m² × heated area × days below ÷ season days × percent ÷ 100</pre>
 * computed exactly and rounded once, half up, to 0.01 yuan.
 */
public final class RefundCalculator {

	/** The lowest temperature accepted, °C: colder is a broken thermometer, not a cold room. */
	public static final BigDecimal MIN_TEMPERATURE = new BigDecimal("-10");

	/** The highest temperature accepted, °C. */
	public static final BigDecimal MAX_TEMPERATURE = new BigDecimal("40");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal MAX_AREA = new BigDecimal("100000");

	private RefundCalculator() {
	}

	/** What a test below standard refunds. */
	public record Refund(BigDecimal householdTemperature, boolean compliant, int percent, BigDecimal amount) {
	}

	/**
	 * The household temperature from the rooms measured: their mean, half up to 0.1 °C.
	 * @throws HeatDeskException {@code DISPATCH_ROOMS_REQUIRED}, {@code DISPATCH_TEMPERATURE_RANGE} (field {@code rooms})
	 */
	public static BigDecimal householdTemperature(List<BigDecimal> rooms) {
		if (rooms == null || rooms.isEmpty() || rooms.size() > 30) {
			throw HeatDeskException.badInput("DISPATCH_ROOMS_REQUIRED", "rooms");
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal t : rooms) {
			sum = sum.add(temperature(t, "rooms"));
		}
		return sum.divide(BigDecimal.valueOf(rooms.size()), 1, RoundingMode.HALF_UP);
	}

	/**
	 * The refund by {@code rule} for a household at {@code temperature} with {@code heatedArea} m²,
	 * below standard on {@code daysBelow} days of the season.
	 * @throws HeatDeskException 400 for a temperature outside −10…40 °C, an area not above 0 or over
	 * 100 000 m², or days below outside 0…the season's days
	 */
	public static Refund refund(RefundRule rule, BigDecimal standard, BigDecimal temperature, BigDecimal heatedArea,
			int daysBelow) {
		BigDecimal t = temperature(temperature, "temperature").setScale(1, RoundingMode.HALF_UP);
		if (heatedArea == null) {
			throw HeatDeskException.badInput("REQUIRED", "heatedArea");
		}
		if (heatedArea.signum() <= 0 || heatedArea.compareTo(MAX_AREA) > 0 || heatedArea.scale() > 2) {
			throw HeatDeskException.badInput("DISPATCH_AREA_RANGE", "heatedArea");
		}
		if (daysBelow < 0 || daysBelow > rule.seasonDays()) {
			throw HeatDeskException.badInput("DISPATCH_DAYS_RANGE", "daysBelow", rule.seasonDays());
		}
		if (t.compareTo(standard) >= 0) {
			return new Refund(t, true, 0, BigDecimal.ZERO.setScale(2));
		}
		int percent = rule.bands().stream().filter(b -> b.holds(t)).mapToInt(RefundBand::percent).findFirst().orElse(0);
		BigDecimal amount = rule.pricePerM2()
			.multiply(heatedArea)
			.multiply(BigDecimal.valueOf(daysBelow))
			.multiply(BigDecimal.valueOf(percent))
			.divide(BigDecimal.valueOf(rule.seasonDays()).multiply(HUNDRED), 2, RoundingMode.HALF_UP);
		return new Refund(t, false, percent, amount);
	}

	/**
	 * The bands as a rule may hold them, warmest first: at least one, the warmest ending at the
	 * standard temperature, each band starting where the next warmer one begins (no gap, no
	 * overlap), only the coldest open below, bounds within −10…40 °C with one decimal, percents
	 * within 0…100.
	 * @throws HeatDeskException 400 {@code DISPATCH_BANDS_REQUIRED}, {@code DISPATCH_BAND_PERCENT},
	 * {@code DISPATCH_TEMPERATURE_RANGE}, {@code DISPATCH_BANDS_TOP}, {@code DISPATCH_BANDS_GAP},
	 * {@code DISPATCH_BANDS_OPEN} (field {@code bands})
	 */
	public static List<RefundBand> checkBands(List<RefundBand> bands, BigDecimal standard) {
		if (bands == null || bands.isEmpty() || bands.size() > 10 || bands.stream().anyMatch(java.util.Objects::isNull)) {
			throw HeatDeskException.badInput("DISPATCH_BANDS_REQUIRED", "bands");
		}
		List<RefundBand> sorted = new ArrayList<>();
		for (RefundBand b : bands) {
			if (b.below() == null) {
				throw HeatDeskException.badInput("DISPATCH_BANDS_GAP", "bands");
			}
			if (b.percent() < 0 || b.percent() > 100) {
				throw HeatDeskException.badInput("DISPATCH_BAND_PERCENT", "bands");
			}
			BigDecimal from = b.from() == null ? null : bound(b.from());
			sorted.add(new RefundBand(from, bound(b.below()), b.percent()));
		}
		sorted.sort(Comparator.comparing(RefundBand::below).reversed());
		if (sorted.get(0).below().compareTo(standard) != 0) {
			throw HeatDeskException.badInput("DISPATCH_BANDS_TOP", "bands", standard.stripTrailingZeros().toPlainString());
		}
		for (int i = 0; i < sorted.size(); i++) {
			RefundBand b = sorted.get(i);
			boolean last = i == sorted.size() - 1;
			if (b.from() == null) {
				if (!last) {
					throw HeatDeskException.badInput("DISPATCH_BANDS_GAP", "bands");
				}
			}
			else {
				if (b.from().compareTo(b.below()) >= 0) {
					throw HeatDeskException.badInput("DISPATCH_BANDS_GAP", "bands");
				}
				if (last) {
					throw HeatDeskException.badInput("DISPATCH_BANDS_OPEN", "bands");
				}
				if (b.from().compareTo(sorted.get(i + 1).below()) != 0) {
					throw HeatDeskException.badInput("DISPATCH_BANDS_GAP", "bands");
				}
			}
		}
		return List.copyOf(sorted);
	}

	private static BigDecimal bound(BigDecimal t) {
		BigDecimal v = temperature(t, "bands");
		if (v.stripTrailingZeros().scale() > 1) {
			throw HeatDeskException.badInput("DISPATCH_TEMPERATURE_RANGE", "bands");
		}
		return v.setScale(1, RoundingMode.UNNECESSARY);
	}

	private static BigDecimal temperature(BigDecimal t, String field) {
		if (t == null) {
			throw HeatDeskException.badInput("REQUIRED", field);
		}
		if (t.compareTo(MIN_TEMPERATURE) < 0 || t.compareTo(MAX_TEMPERATURE) > 0) {
			throw HeatDeskException.badInput("DISPATCH_TEMPERATURE_RANGE", field);
		}
		return t;
	}
}
