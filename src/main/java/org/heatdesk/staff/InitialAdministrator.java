package org.heatdesk.staff;

import java.util.EnumSet;

import org.heatdesk.platform.Deployment;
import org.heatdesk.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On an external database with no staff yet, creates the first administrator ({@code admin}) from
 * {@code HEATDESK_ADMIN_PASSWORD}; without it HeatDesk refuses to start rather than run with
 * nobody able to log in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

	private final Deployment deployment;

	private final Staff staff;

	private final String password;

	InitialAdministrator(Deployment deployment, Staff staff, @Value("${HEATDESK_ADMIN_PASSWORD:}") String password) {
		this.deployment = deployment;
		this.staff = staff;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (deployment.demo() || staff.count() > 0) {
			return;
		}
		if (password.isBlank()) {
			throw new IllegalStateException("""
					HeatDesk has no staff account yet on this database. Set HEATDESK_ADMIN_PASSWORD \
					(at least 10 characters, letters and digits) to create the first administrator 'admin'.""");
		}
		try {
			staff.create(new Staff.NewStaff("admin", "Administrator", "ADMIN-1", null, null, EnumSet.of(Role.ADMIN), password));
		}
		catch (org.heatdesk.platform.HeatDeskException e) {
			throw new IllegalStateException("HEATDESK_ADMIN_PASSWORD does not meet the password policy "
					+ "(at least 10 characters, letters and digits): " + e.code());
		}
		log.info("Created the first administrator 'admin' from HEATDESK_ADMIN_PASSWORD");
	}
}
