package org.heatdesk.platform.internal;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

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

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}
}
