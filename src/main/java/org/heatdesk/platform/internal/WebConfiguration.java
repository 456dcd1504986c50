package org.heatdesk.platform.internal;

import java.io.IOException;
import java.text.ParseException;
import java.time.Instant;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.heatdesk.platform.InputChecks;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.InstantFormatter;
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

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		// after the language is settled, so that its refusal speaks the caller's language
		registry.addInterceptor(new RequestTextGuard());
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
