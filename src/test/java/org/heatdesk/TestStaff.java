package org.heatdesk;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.heatdesk.platform.Role;
import org.heatdesk.staff.Staff;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Accounts a test makes for itself, so that it neither leans on the demo staff nor shares an agent
 * (and its presence, pops and calls) with another test. They sign in with {@link #PASSWORD}.
 */
public final class TestStaff {

	public static final String PASSWORD = "heatdesk2026";

	/** Extensions no demo account has (those are 8xxx): 9 digits, counting up from a start unique to the run. */
	private static final AtomicLong EXTENSIONS = new AtomicLong(900_000_000L + (System.nanoTime() / 1000) % 90_000_000L);

	private TestStaff() {
	}

	/** An account with its own new extension. */
	public record Account(String username, String displayName, String extension) {
	}

	/** A new active account with these roles and an extension of its own, created as the administrator would. */
	public static Account create(Staff staff, String prefix, Role first, Role... more) {
		String username = prefix + Long.toString(System.nanoTime(), 36);
		String extension = Long.toString(EXTENSIONS.incrementAndGet());
		String displayName = "测试" + username.substring(username.length() - 4);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		try {
			staff.create(new Staff.NewStaff(username, displayName, username, null, extension, EnumSet.of(first, more),
					PASSWORD));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		return new Account(username, displayName, extension);
	}
}
