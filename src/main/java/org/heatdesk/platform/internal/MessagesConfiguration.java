package org.heatdesk.platform.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * UI text: the shared {@code messages.properties} (Chinese, the default) and
 * {@code messages_en.properties}, plus one bundle per module under {@code i18n/<module>.properties},
 * found on the classpath, so a module brings its own text without editing shared files.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	MessageSource messageSource() throws IOException {
		TreeSet<String> modules = new TreeSet<>();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
			String name = r.getFilename();
			if (name != null && !name.contains("_")) {
				modules.add("i18n/" + name.substring(0, name.length() - ".properties".length()));
			}
		}
		List<String> basenames = new ArrayList<>();
		basenames.add("messages");
		basenames.addAll(modules);
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(basenames.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}
}
