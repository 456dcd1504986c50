package org.heatdesk.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The portal's JSON API ({@code /api/v1/portal/**}): open to everyone (this chain comes before the
 * API's, which asks for credentials), with the API's refusals, language and buffering, stateless and without a CSRF
 * token — nothing on it acts with a session's authority (a request proves its phone by a one-time
 * code, a look-up by the ticket's number with its phone), so a forged cross-site request can do
 * nothing its sender could not do directly; the rate limits hold either way. The portal's pages keep
 * the page chain's CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
class PortalRequestApiSecurity {

	/** The staff pages' policy (platform's), repeated: the JSON answers are held to the same. */
	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	@Order(-1)
	SecurityFilterChain portalApiChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/v1/portal/**")
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.anonymous(a -> {
			})
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
		return http.build();
	}
}
