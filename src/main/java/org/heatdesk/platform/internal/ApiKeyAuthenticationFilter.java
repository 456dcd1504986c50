package org.heatdesk.platform.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.platform.AuditTrail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates integrations by their {@code X-Api-Key}; a bad or revoked key is refused at once. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	private final ApiKeys keys;

	private final AuditTrail audit;

	private final JsonErrorWriter errors;

	ApiKeyAuthenticationFilter(ApiKeys keys, AuditTrail audit, JsonErrorWriter errors) {
		this.keys = keys;
		this.audit = audit;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String secret = request.getHeader(HEADER);
		if (secret == null) {
			chain.doFilter(request, response);
			return;
		}
		var key = keys.authenticate(secret.trim());
		if (key.isEmpty()) {
			String shown = secret.length() > 12 ? secret.substring(0, 12) + "…" : "?";
			audit.recordSecurityEvent("api-key:" + shown, "API_KEY_REJECTED", "request",
					request.getMethod() + " " + request.getRequestURI(), Map.of("reason", "unknown or revoked"));
			errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "INVALID_API_KEY", HEADER);
			return;
		}
		var principal = "api-key:" + key.get().name();
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(key.get().scope().authority())));
		SecurityContextHolder.getContext().setAuthentication(authentication);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
