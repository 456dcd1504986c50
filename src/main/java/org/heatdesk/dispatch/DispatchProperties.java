package org.heatdesk.dispatch;

import java.math.BigDecimal;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dispatch module.
 * @param dayShiftStart when the day shift starts (and the night shift of the evening before ends)
 * @param nightShiftStart when the night shift starts (and the day shift ends)
 * @param certificateWarningDays a certificate that ends within this many days is flagged
 * @param standardTemperature the room temperature the heating must reach, °C (18 in Shandong)
 */
@ConfigurationProperties("heatdesk.dispatch")
record DispatchProperties(@DefaultValue("08:00") LocalTime dayShiftStart, @DefaultValue("20:00") LocalTime nightShiftStart,
		@DefaultValue("30") int certificateWarningDays, @DefaultValue("18") BigDecimal standardTemperature) {

	DispatchProperties {
		if (!dayShiftStart.isBefore(nightShiftStart)) {
			throw new IllegalArgumentException("heatdesk.dispatch.day-shift-start must be before night-shift-start");
		}
		if (certificateWarningDays < 0 || standardTemperature.signum() <= 0) {
			throw new IllegalArgumentException("heatdesk.dispatch: warning days and standard temperature must be positive");
		}
	}
}
