package org.heatdesk.contact.ami;

import java.time.Clock;

import org.heatdesk.contact.cti.CtiIntake;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the AMI adapter when {@code heatdesk.ami.enabled=true}; otherwise nothing of it exists. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AmiProperties.class)
class AmiConfiguration {

	/** The client, which also places calls from the desk ({@link org.heatdesk.contact.cti.Dialler}). */
	@Bean
	@ConditionalOnProperty(name = "heatdesk.ami.enabled", havingValue = "true")
	AmiClient amiClient(AmiProperties properties, CtiIntake calls, Clock clock) {
		return new AmiClient(properties, calls, clock);
	}

	@Bean
	@ConditionalOnProperty(name = "heatdesk.ami.enabled", havingValue = "true")
	SmartLifecycle amiAdapter(AmiClient client) {
		return new SmartLifecycle() {

			private volatile boolean started;

			@Override
			public void start() {
				client.start();
				started = true;
			}

			@Override
			public void stop() {
				client.stop();
				started = false;
			}

			@Override
			public boolean isRunning() {
				return started;
			}
		};
	}
}
