package org.heatdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Every message with arguments, in both languages, shows its arguments and never Java's name of an
 * array ("内容过长，最多 [Ljava.lang.Object;@751bceea 个字符"): formatted the ways the code base
 * formats them (the arguments spread, the refusal's {@code Object[]} handed on as one argument, and
 * the templates' {@code #{key(${args})}} and {@code #messages.msgWithParams}). Both languages hold
 * the same keys, and every error code the code raises has its text in both.
 */
class MessageArgumentsTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

	private static MessageSource messages;

	private static SpringTemplateEngine templates;

	/** Chinese (the default bundle) and English texts by bundle, e.g. {@code i18n/ticket}. */
	private static final Map<String, Properties> ZH = new TreeMap<>();

	private static final Map<String, Properties> EN = new TreeMap<>();

	@BeforeAll
	static void load() throws IOException {
		messages = new MessagesConfiguration().messageSource();
		templates = new SpringTemplateEngine();
		templates.setTemplateResolver(new StringTemplateResolver());
		templates.setMessageSource(messages);
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<Resource> bundles = new ArrayList<>();
		bundles.addAll(List.of(resolver.getResources("classpath*:messages*.properties")));
		bundles.addAll(List.of(resolver.getResources("classpath*:i18n/*.properties")));
		for (Resource r : bundles) {
			String name = r.getFilename();
			String folder = r.getURL().getPath().contains("/i18n/") ? "i18n/" : "";
			Properties p = new Properties();
			try (InputStream in = r.getInputStream()) {
				p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			if (name.endsWith("_en.properties")) {
				EN.put(folder + name.substring(0, name.length() - "_en.properties".length()), p);
			}
			else if (!name.contains("_")) {
				ZH.put(folder + name.substring(0, name.length() - ".properties".length()), p);
			}
		}
	}

	@Test
	void bothLanguagesHoldTheSameKeys() {
		assertThat(ZH.keySet()).contains("messages", "i18n/ticket", "i18n/contact", "i18n/customer").isEqualTo(EN.keySet());
		for (String bundle : ZH.keySet()) {
			assertThat(new TreeSet<>(EN.get(bundle).stringPropertyNames())).as("keys of %s_en", bundle)
				.isEqualTo(new TreeSet<>(ZH.get(bundle).stringPropertyNames()));
		}
	}

	@Test
	void everyMessageWithArgumentsShowsThemInBothLanguages() {
		int checked = 0;
		for (Map.Entry<String, Properties> bundle : ZH.entrySet()) {
			for (String key : bundle.getValue().stringPropertyNames()) {
				int count = arguments(bundle.getValue().getProperty(key));
				if (count == 0) {
					continue;
				}
				Object[] args = new Object[count];
				for (int i = 0; i < count; i++) {
					args[i] = "«arg" + i + "»";
				}
				for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
					List<String> shown = List.of(messages.getMessage(key, args, locale),
							// a refusal's args() handed on whole, as templates and callers of getMessage do
							messages.getMessage(key, new Object[] { args }, locale),
							render("#{${key}(${args})}", key, args, locale),
							render("${#messages.msgWithParams(key, args)}", key, args, locale));
					for (String text : shown) {
						assertThat(text).as("%s in %s", key, locale).doesNotContain("[Ljava").doesNotContain("{0}");
						// a message may leave out an argument it has no use for (an audit sentence of the
						// system's own sweep names no actor), but what the Chinese text shows must show
						for (int i : used(bundle.getValue().getProperty(key))) {
							assertThat(text).as("%s in %s", key, locale).contains((String) args[i]);
						}
					}
				}
				checked++;
			}
		}
		// the bundles hold a good hundred messages with arguments; a broken scan must not pass quietly
		assertThat(checked).isGreaterThan(100);
	}

	@Test
	void tooLongShowsItsLimit() {
		Object[] refusalArgs = { 4000 };
		assertThat(messages.getMessage("error.TOO_LONG", new Object[] { refusalArgs }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("内容过长，最多 4,000 个字符。");
		assertThat(render("#{${key}(${args})}", "error.TOO_LONG", new Object[] { 500 }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("内容过长，最多 500 个字符。");
		assertThat(render("#{${key}(${args})}", "error.TOO_LONG", new Object[] { 500 }, Locale.ENGLISH))
			.isEqualTo("Too long: at most 500 characters.");
	}

	@Test
	void everyErrorCodeTheCodeRaisesHasItsTextInBothLanguages() throws IOException {
		Pattern raised = Pattern.compile(
				"(?:badInput|notFound|conflict|forbidden)\\(\\s*\"([A-Z0-9_]+)\"|new HeatDeskException\\([^,]+,\\s*\"([A-Z0-9_]+)\"|new (?:Row)?Problem\\([^\"]*?\"([A-Z0-9_]+)\"");
		TreeSet<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher m = raised.matcher(Files.readString(f));
				while (m.find()) {
					codes.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
				}
			}
		}
		assertThat(codes).contains("TOO_LONG", "CUSTOMER_NOT_FOUND", "CTI_TIME_FORMAT", "TEXT_CONTROL_CHARACTER");
		for (String code : codes) {
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				assertThat(messages.getMessage("error." + code, null, null, locale)).as("error.%s in %s", code, locale)
					.isNotNull();
			}
		}
	}

	private static int arguments(String text) {
		int count = 0;
		Matcher m = ARGUMENT.matcher(text);
		while (m.find()) {
			count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
		}
		return count;
	}

	private static java.util.Set<Integer> used(String text) {
		java.util.Set<Integer> used = new java.util.TreeSet<>();
		Matcher m = ARGUMENT.matcher(text);
		while (m.find()) {
			used.add(Integer.parseInt(m.group(1)));
		}
		return used;
	}

	private static String render(String expression, String key, Object[] args, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("key", key);
		context.setVariable("args", args);
		String html = templates.process("<p th:text=\"" + expression + "\"></p>", context);
		return org.springframework.web.util.HtmlUtils.htmlUnescape(html.substring(3, html.length() - 4));
	}
}
