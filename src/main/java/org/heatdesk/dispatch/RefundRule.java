package org.heatdesk.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One version of a city's refund rule, in force for tests done from {@code effectiveFrom} until the
 * city's next version. Versions are never changed: a new one is published instead.
 * @param pricePerM2 the city's heating price, yuan per m² of heated area per season
 * @param seasonDays the days of the heating season the price pays for
 * @param demoValues whether price and days are demo values still to be replaced by the tariff
 * @param bands the bands, warmest first, contiguous from the standard temperature down
 */
public record RefundRule(long id, String city, String cityName, Instant effectiveFrom, BigDecimal pricePerM2,
		int seasonDays, boolean demoValues, List<RefundBand> bands, Instant createdAt, String createdBy) {
}
