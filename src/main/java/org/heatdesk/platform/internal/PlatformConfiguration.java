package org.heatdesk.platform.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformConfiguration.CompanyProperties.class)
class PlatformConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * @param name the company's name, shown in the layout and in phrases
	 * @param zone the zone times are shown in; they are stored as UTC instants
	 */
	@ConfigurationProperties("heatdesk.company")
	record CompanyProperties(@org.springframework.boot.context.properties.bind.DefaultValue("山东金鼎集团有限公司") String name,
			@org.springframework.boot.context.properties.bind.DefaultValue("Asia/Shanghai") ZoneId zone,
			@org.springframework.boot.context.properties.bind.DefaultValue("金鼎公司") String shortName,
			@org.springframework.boot.context.properties.bind.DefaultValue("96123") String hotline) {
	}

	/** The company as the other modules need it (phrases, messages to customers). */
	@Bean
	org.heatdesk.platform.Company company(CompanyProperties company) {
		return new org.heatdesk.platform.Company(company.name(), company.shortName(), company.hotline(), company.zone());
	}

	/** Refuses U+0000 in text and dates outside sensible years in every JSON body ({@link JsonInputGuards}). */
	@Bean
	tools.jackson.databind.JacksonModule inputGuards() {
		return JsonInputGuards.module();
	}

	@Bean
	NavItem auditNav() {
		return new NavItem("nav.audit", "nav.audit.description", "/audit", Roles.AUDIT_AND_ADMIN, 900, "u");
	}

	@Bean
	NavItem apiKeysNav() {
		return new NavItem("nav.apiKeys", "nav.apiKeys.description", "/admin/api-keys", Roles.ADMIN, 920, null);
	}
}
