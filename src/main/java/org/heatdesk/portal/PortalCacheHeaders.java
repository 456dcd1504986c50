package org.heatdesk.portal;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * HTTP caching of the public pages. A page that is the same for everyone (the outages now, the
 * published texts, the figures) says for how long a phone or a proxy may keep it; the language
 * comes from {@code ?lang=} and the {@code heatdesk_lang} cookie, hence {@code Vary}. Spring
 * Security's {@code no-store} is written only where a page set nothing, so pages with a form or a
 * customer's own answer (a lookup, portal-b's progress) keep it. An ETag lets a phone that comes back
 * get a 304 without the page.
 */
@Configuration(proxyBeanMethods = false)
class PortalCacheHeaders {

	/** The outages change by the minute: a phone may keep the page for as long as the server does. */
	static final Duration OUTAGES = Duration.ofSeconds(30);

	/** What the company publishes changes after a manager's approval, a few times a season. */
	static final Duration PUBLISHED = Duration.ofMinutes(5);

	/** Marks the response as the same for every visitor, to be kept for {@code maxAge}. */
	static void shared(HttpServletResponse response, Duration maxAge) {
		response.setHeader("Cache-Control", "public, max-age=" + maxAge.toSeconds());
		response.setHeader("Vary", "Accept-Language, Cookie");
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> portalEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> etags = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
		etags.addUrlPatterns("/portal", "/portal/*");
		etags.setName("portalEtags");
		return etags;
	}
}
