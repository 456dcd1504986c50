package org.heatdesk.portal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The settings of requests made online ({@code heatdesk.portal.requests.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalRequestSettings.class)
class PortalRequestConfiguration {
}
