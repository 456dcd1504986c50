package org.heatdesk.ticket;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.heatdesk.Browser;
import org.openqa.selenium.By;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The small helpers the ticket tests share, public for the tests of {@code ticket.sla}. */
public final class TicketFixtures {

	private TicketFixtures() {
	}

	/** A normal repair as the API takes it. */
	public static Map<String, Object> repair(String description) {
		Map<String, Object> m = new HashMap<>();
		m.put("type", "REPAIR");
		m.put("priority", "NORMAL");
		m.put("callerPhone", "13800000000");
		m.put("address", "翠园小区 3-2-501");
		m.put("description", description);
		return m;
	}

	/** An action's body from name-value pairs. */
	public static Map<String, Object> action(Object... kv) {
		Map<String, Object> m = new HashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

	/** The text with a random suffix, so that a test finds its own ticket. */
	public static String unique(String text) {
		return text + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Logs in and waits until the login form has been left, so the next page opens in the new session. */
	public static void login(Browser b, String username) {
		b.login(username, "heatdesk2026");
		b.waitFor(d -> !d.getCurrentUrl().contains("/login") && d.findElements(By.cssSelector("form[action$='/logout']")).size() > 0);
	}

	/** Runs {@code action} as {@code username} with one role, as a request of theirs would. */
	public static <T> T as(String username, String role, Supplier<T> action) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + role))));
		SecurityContextHolder.setContext(context);
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
