package org.heatdesk.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.heatdesk.platform.Deployment;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeploymentConfiguration {

	@Bean
	Deployment deployment(ObjectProvider<EmbeddedPostgres> embedded) {
		return new Deployment(embedded.getIfAvailable() != null);
	}
}
