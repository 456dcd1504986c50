package org.heatdesk.contact;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code heatdesk.contact.*}: how long a call may stay open without {@code ENDED} before the sweep
 * closes it, how long wrap-up lasts before an agent is ready again, how far ahead of our clock an
 * event's time may be, and the demo day's size.
 */
@ConfigurationProperties("heatdesk.contact")
record CallSettings(@DefaultValue("2h") Duration sweepAfter, @DefaultValue("60s") Duration sweepInterval,
		@DefaultValue("30s") Duration wrapUp, @DefaultValue("60s") Duration futureTolerance,
		@DefaultValue("2s") Duration wallboardInterval,
		@DefaultValue("240") int demoCalls) {
}
