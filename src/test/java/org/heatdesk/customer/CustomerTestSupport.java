package org.heatdesk.customer;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.heatdesk.platform.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs code as a user with given roles, and makes unique test values. */
final class CustomerTestSupport {

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private CustomerTestSupport() {
	}

	static <T> T as(String username, Supplier<T> action, Role... roles) {
		var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	static void as(String username, Runnable action, Role... roles) {
		as(username, () -> {
			action.run();
			return null;
		}, roles);
	}

	/** A number unique in this run, 0 to 99,999. */
	static int next() {
		return SEQUENCE.incrementAndGet() % 100_000;
	}

	/** A mobile number no demo customer has (demo mobiles start 13, 15, 18). */
	static String uniqueMobile(int n) {
		return String.format("199%08d", n);
	}
}
