package org.heatdesk.contact;

import org.heatdesk.platform.NavItem;
import org.heatdesk.platform.Roles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AnswerProperties.class, CallSettings.class, HotlineSettings.class })
class ContactConfiguration {

	@Bean
	NavItem deskNav() {
		return new NavItem("nav.desk", "nav.desk.description", "/desk", Roles.DESK, 50, "d");
	}

	@Bean
	NavItem wallboardNav() {
		return new NavItem("nav.wallboard", "nav.wallboard.description", "/wallboard",
				Roles.SUPERVISORS, 52, "b");
	}

	@Bean
	NavItem callsNav() {
		return new NavItem("nav.calls", "nav.calls.description", "/calls",
				Roles.DESK_MANAGER_AND_AUDIT, 54, null);
	}

	@Bean
	NavItem visitNav() {
		return new NavItem("nav.contacts.new", "nav.contacts.new.description", "/contacts/new",
				Roles.DESK, 56, null);
	}
}
