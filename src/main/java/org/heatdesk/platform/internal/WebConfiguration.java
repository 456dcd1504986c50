package org.heatdesk.platform.internal;

import java.io.IOException;
import java.text.ParseException;
import java.time.Instant;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.platform.InputChecks;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.ContentCachingResponseWrapper;

/** Chinese by default; {@code ?lang=en} switches to English and a cookie remembers the choice. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("heatdesk_lang");
		// Pages are Chinese until the user picks English; API clients may ask with Accept-Language.
		resolver.setDefaultLocaleFunction(request -> {
			String accept = request.getHeader("Accept-Language");
			boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
			if (api && accept != null && request.getLocale().getLanguage().equals("en")) {
				return Locale.ENGLISH;
			}
			return Locale.SIMPLIFIED_CHINESE;
		});
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * API answers are small JSON bodies. Buffered, each goes out in one write with a
	 * Content-Length; streamed, Spring flushes the body as a chunk and Tomcat sends the closing
	 * chunk after it: two writes and a second wake-up of the caller for every request. Nothing
	 * under /api streams (server-sent events live on the pages' paths).
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> apiResponseBuffering() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
				chain.doFilter(request, buffered);
				buffered.copyBodyToResponse();
			}
		});
		registration.addUrlPatterns("/api/*");
		// outside Spring Security, so that its refusals are buffered too
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	/**
	 * {@code Content-Type: *}{@code /*} (curl's habit, some HTTP libraries' default) on an API call is
	 * read as JSON, the only body type the JSON endpoints take: Spring refuses a wildcard content
	 * type with an exception that was a 500. A multipart endpoint then refuses it as 415.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> apiWildcardContentType() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				chain.doFilter(wildcard(request.getContentType()) ? new JsonContentType(request) : request, response);
			}
		});
		registration.addUrlPatterns("/api/*");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2);
		return registration;
	}

	static boolean wildcard(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}

	/** The request with {@code application/json} in place of a wildcard content type. */
	static final class JsonContentType extends HttpServletRequestWrapper {

		JsonContentType(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getContentType() {
			return MediaType.APPLICATION_JSON_VALUE;
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.enumeration(List.of(getContentType()))
					: super.getHeaders(name);
		}
	}

	/**
	 * A request Spring Security's firewall refuses before any controller (a NUL or a {@code ..} in
	 * the path, a header it will not hand on): on the API the API's JSON refusal, elsewhere a plain 400.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(JsonErrorWriter errors) {
		return (request, response, e) -> {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "REQUEST_REJECTED", null);
			}
			else {
				response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			}
		};
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// first: it reads the parameters, and a query Tomcat cannot decode is refused here rather than
		// failing inside the language switch with a 500
		registry.addInterceptor(new RequestTextGuard());
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/**
	 * An instant in a request parameter ({@code ?from=}) as Spring reads it, but only in the sensible
	 * years: PostgreSQL refuses a timestamp before 4713 BC or after 294276 AD with an error.
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		InstantFormatter standard = new InstantFormatter();
		registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
			@Override
			public Instant parse(String text, Locale locale) throws ParseException {
				return InputChecks.instant(standard.parse(text, locale), null);
			}

			@Override
			public String print(Instant object, Locale locale) {
				return standard.print(object, locale);
			}
		});
	}
}
