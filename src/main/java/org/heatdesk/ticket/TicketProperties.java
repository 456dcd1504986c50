package org.heatdesk.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ticket module.
 * @param numberPrefix prefix of ticket numbers ({@code GR20261127-0042})
 * @param sweepInterval how often the deadline sweep runs
 * @param demoTickets how many demo tickets the demo seeder writes
 */
@ConfigurationProperties("heatdesk.ticket")
record TicketProperties(@DefaultValue("GR") String numberPrefix,
		@DefaultValue("60s") Duration sweepInterval, @DefaultValue("300") int demoTickets) {
}
