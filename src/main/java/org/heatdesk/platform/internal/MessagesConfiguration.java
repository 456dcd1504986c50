package org.heatdesk.platform.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
		ResourceBundleMessageSource source = new SpreadingMessageSource();
		source.setBasenames(basenames.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/**
	 * A refusal's arguments travel as one {@code Object[]} ({@link org.heatdesk.platform.HeatDeskException#args()}).
	 * Handed on as a single argument, as {@code #{key(${e.args()})}} in a template and any
	 * {@code getMessage(key, new Object[] { args })} do, {0} became {@code [Ljava.lang.Object;@…}
	 * on the page ("内容过长，最多 [Ljava.lang.Object;@751bceea 个字符"). An array as the only
	 * argument is always such a wrapper (no message formats an array), so it is spread here, once
	 * for every caller.
	 */
	static final class SpreadingMessageSource extends ResourceBundleMessageSource {

		@Override
		protected Object[] resolveArguments(Object[] args, Locale locale) {
			return super.resolveArguments(spread(args), locale);
		}

		static Object[] spread(Object[] args) {
			Object[] a = args;
			while (a != null && a.length == 1 && a[0] instanceof Object[] inner) {
				a = inner;
			}
			return a;
		}
	}
}
