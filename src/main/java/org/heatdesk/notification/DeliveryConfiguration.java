package org.heatdesk.notification;

import java.util.Locale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway the outbox delivers through, chosen by {@code heatdesk.notification.gateway}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

	@Bean
	SmsGateway smsGateway(DeliveryProperties properties) {
		return switch (properties.gateway().strip().toLowerCase(Locale.ROOT)) {
			case "recording" -> new RecordingGateway();
			case "http" -> new HttpSmsGateway(properties.http());
			default -> throw new IllegalStateException(
					"heatdesk.notification.gateway must be recording or http, not " + properties.gateway());
		};
	}
}
