package org.heatdesk.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

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
			String user = basicUser(request);
			if (user != null && tooMany(request, response, audit.tooManyRefusals("login", user))) {
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		String shown = "api-key:" + (secret.length() > 12 ? secret.substring(0, 12) + "…" : "?");
		if (tooMany(request, response, audit.tooManyRefusals("api-key", shown))) {
			return;
		}
		var key = keys.authenticate(secret.trim());
		if (key.isEmpty()) {
			// all unknown keys from one address are one story: counted per minute, not a row each
			audit.recordRefusal("api-key", "unknown", shown, "API_KEY_REJECTED", "request",
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

	/** Answers 429 with the time to wait when the source was refused too often; nothing is checked or written. */
	private boolean tooMany(HttpServletRequest request, HttpServletResponse response, OptionalLong retryAfter)
			throws IOException {
		if (retryAfter.isEmpty()) {
			return false;
		}
		response.setHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
		errors.write(request, response, 429, "TOO_MANY_REQUESTS", null);
		return true;
	}

	/** The user name of an HTTP Basic header, or {@code null}. */
	private static String basicUser(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon).trim();
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
