package org.heatdesk.staff;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** A successful login at the form (not each API request) is remembered and audited. */
@Component
class StaffLoginListener {

	private final Staff staff;

	private final TransactionTemplate tx;

	private final Clock clock;

	StaffLoginListener(Staff staff, TransactionTemplate tx, Clock clock) {
		this.staff = staff;
		this.tx = tx;
		this.clock = clock;
	}

	@EventListener
	void onLogin(InteractiveAuthenticationSuccessEvent event) {
		tx.executeWithoutResult(s -> staff.recordLogin(event.getAuthentication().getName(), clock.instant()));
	}
}
