package org.heatdesk.platform.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.platform.ApiKeyScope;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.session.InvalidSessionStrategy;

/**
 * Four filter chains: the technician's field API (as the REST API, and also the session of the
 * phone pages with their CSRF token), the REST API (stateless, HTTP Basic for staff, {@code X-Api-Key} for
 * integrations, JSON errors), the actuator (health open, metrics for ADMIN or a metrics key), and
 * the pages (form login, CSRF on every form, a strict content security policy).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * Spring Security's own observations (filter chain, authentication, authorization) wrap every
	 * filter of every request; HTTP server metrics are kept, these are not worth their cost.
	 */
	@Bean
	org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	ApiKeyAuthenticationFilter apiKeyAuthenticationFilter(ApiKeys keys, AuditTrail audit, JsonErrorWriter errors) {
		return new ApiKeyAuthenticationFilter(keys, audit, errors);
	}

	// A filter bean would otherwise also be registered with the servlet container for every path.
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyFilterRegistration(
			ApiKeyAuthenticationFilter filter) {
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * The technician's phone pages call {@code /api/v1/field/**} from the browser with the session he
	 * signed in with, so this part of the API reads the session (the rest is stateless) and a
	 * session's POST carries the page's CSRF token in {@code X-CSRF-TOKEN}, as htmx sends it; a
	 * request with credentials of its own (HTTP Basic, an integration key) cannot be forged by another
	 * site and needs no token. Never creates a session.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain fieldApiChain(HttpSecurity http, ApiKeyAuthenticationFilter apiKeys, JsonErrorWriter errors)
			throws Exception {
		http.securityMatcher("/api/v1/field/**")
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> errors.write(request, response,
					HttpServletResponse.SC_UNAUTHORIZED, unauthorizedCode(e), null)))
			.addFilterBefore(apiKeys, BasicAuthenticationFilter.class)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
					|| request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> errors.write(request, response,
						HttpServletResponse.SC_UNAUTHORIZED, unauthorizedCode(ex), null))
				.accessDeniedHandler((request, response, ex) -> errors.write(request, response,
						HttpServletResponse.SC_FORBIDDEN, ex instanceof CsrfException ? "CSRF" : "FORBIDDEN", null)))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiKeyAuthenticationFilter apiKeys, JsonErrorWriter errors)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> errors.write(request, response,
					HttpServletResponse.SC_UNAUTHORIZED, unauthorizedCode(e), null)))
			.addFilterBefore(apiKeys, BasicAuthenticationFilter.class)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> errors.write(request, response,
						HttpServletResponse.SC_UNAUTHORIZED, unauthorizedCode(ex), null))
				.accessDeniedHandler((request, response, ex) -> errors.write(request, response,
						HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", null)))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuatorChain(HttpSecurity http, ApiKeyAuthenticationFilter apiKeys, JsonErrorWriter errors)
			throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasAnyAuthority(Role.ADMIN.authority(), ApiKeyScope.METRICS.authority()))
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> errors.write(request, response,
					HttpServletResponse.SC_UNAUTHORIZED, unauthorizedCode(e), null)))
			.addFilterBefore(apiKeys, BasicAuthenticationFilter.class)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageChain(HttpSecurity http, AuditTrail audit) throws Exception {
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/denied", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
					"/error", "/portal/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()).invalidSessionStrategy(invalidSession(audit)))
			.exceptionHandling(e -> e.accessDeniedHandler(accessDenied(audit)))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.frameOptions(f -> f.deny())
				.referrerPolicy(r -> r.policy(
						org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	private static AuthenticationFailureHandler loginFailure() {
		return (request, response, e) -> {
			String reason = e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "error";
			String username = request.getParameter("username");
			String query = "?" + reason + (username == null ? "" : "&username=" + java.net.URLEncoder.encode(username,
					java.nio.charset.StandardCharsets.UTF_8));
			response.sendRedirect(request.getContextPath() + "/login" + query);
		};
	}

	/**
	 * A request whose session is gone (expired after 30 idle minutes) goes back to the login page.
	 * Spring Security also sends here a form posted without a CSRF token when no session holds one:
	 * that is an expired form or a forged one, and is audited as a CSRF refusal.
	 */
	private static InvalidSessionStrategy invalidSession(AuditTrail audit) {
		return (request, response) -> {
			boolean changing = !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
			// anyone can send a dead session cookie: counted per address and minute, not a row each
			audit.recordRefusal("session", "invalid", null, changing ? "CSRF_REJECTED" : "SESSION_EXPIRED", "request",
					request.getMethod() + " " + request.getRequestURI(), Map.of("reason", "no valid session"));
			// a fresh session replaces the dead cookie, or every request would land here again
			request.getSession(true);
			String portal = request.getContextPath() + "/portal";
			String uri = request.getRequestURI();
			if (uri.equals(portal) || uri.startsWith(portal + "/")) {
				// a customer on the public portal never signed in: he stays on the page he asked for (a form
				// posted with the dead session's token is shown again, empty, to be sent anew)
				String query = changing || request.getQueryString() == null ? "" : "?" + request.getQueryString();
				response.sendRedirect(uri + query);
				return;
			}
			response.sendRedirect(request.getContextPath() + "/login?expired");
		};
	}

	private static AccessDeniedHandler accessDenied(AuditTrail audit) {
		return (request, response, e) -> {
			boolean csrf = e instanceof CsrfException;
			if (csrf) {
				// a session of one's own costs nothing to open: forged forms are counted like other refusals
				audit.recordRefusal("session", "csrf", null, "CSRF_REJECTED", "request",
						request.getMethod() + " " + request.getRequestURI(), Map.of("reason", e.getClass().getSimpleName()));
			}
			else {
				audit.recordSecurityEvent(null, "ACCESS_DENIED", "request", request.getMethod() + " " + request.getRequestURI(),
						Map.of("reason", e.getClass().getSimpleName()));
			}
			request.setAttribute("heatdesk.denied", csrf ? "csrf" : "role");
			request.getRequestDispatcher("/denied").forward(request, response);
		};
	}

	private static String unauthorizedCode(Exception e) {
		if (e instanceof LockedException) {
			return "ACCOUNT_LOCKED";
		}
		if (e instanceof DisabledException) {
			return "ACCOUNT_DISABLED";
		}
		return "UNAUTHORIZED";
	}
}
