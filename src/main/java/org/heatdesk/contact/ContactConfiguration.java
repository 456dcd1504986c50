package org.heatdesk.contact;

import java.util.Set;

import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AnswerProperties.class, CallSettings.class, HotlineSettings.class })
class ContactConfiguration {

	@Bean
	NavItem deskNav() {
		return new NavItem("nav.desk", "nav.desk.description", "/desk", Set.of(Role.AGENT, Role.TEAM_LEAD), 50, "d");
	}

	@Bean
	NavItem wallboardNav() {
		return new NavItem("nav.wallboard", "nav.wallboard.description", "/wallboard",
				Set.of(Role.TEAM_LEAD, Role.MANAGER), 52, "b");
	}

	@Bean
	NavItem callsNav() {
		return new NavItem("nav.calls", "nav.calls.description", "/calls",
				Set.of(Role.AGENT, Role.TEAM_LEAD, Role.MANAGER, Role.AUDITOR), 54, null);
	}

	@Bean
	NavItem visitNav() {
		return new NavItem("nav.contacts.new", "nav.contacts.new.description", "/contacts/new",
				Set.of(Role.AGENT, Role.TEAM_LEAD), 56, null);
	}
}
