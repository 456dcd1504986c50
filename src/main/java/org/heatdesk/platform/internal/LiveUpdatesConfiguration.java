package org.heatdesk.platform.internal;

import javax.sql.DataSource;

import org.heatdesk.platform.LiveUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This node's {@link LiveUpdates}, local or through PostgreSQL by {@code heatdesk.live.fanout}. The
 * settings it replaced ({@code heatdesk.contact.fanout}, {@code heatdesk.ticket.fanout}) still work
 * when it is not set, with a warning, so a deployment's configuration keeps working through an upgrade.
 */
@Configuration(proxyBeanMethods = false)
class LiveUpdatesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LiveUpdatesConfiguration.class);

	@Bean(destroyMethod = "stop")
	LiveUpdates liveUpdates(Environment env, JdbcClient jdbc, DataSource dataSource) {
		String live = env.getProperty("heatdesk.live.fanout");
		String contact = env.getProperty("heatdesk.contact.fanout");
		String ticket = env.getProperty("heatdesk.ticket.fanout");
		LiveUpdates.Fanout fanout = LiveUpdates.Fanout.of(live, contact, ticket);
		if (live == null && (contact != null || ticket != null)) {
			log.warn("heatdesk.contact.fanout and heatdesk.ticket.fanout are deprecated: set heatdesk.live.fanout={}",
					fanout.name().toLowerCase(java.util.Locale.ROOT));
		}
		return new LiveUpdates(fanout, jdbc, dataSource).start();
	}
}
