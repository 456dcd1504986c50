package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The auditor reads sentences, not codes: every action the code base writes into the trail has a
 * name and a sentence in Chinese and in English. The actions are found by reading the sources for
 * the calls that write them, so a new action without its sentence fails here.
 */
class AuditActionMessagesTests {

	private static final Pattern CALL = Pattern.compile("\\b(?:audit|trail|auditTrail)\\.(record|recordSecurityEvent|recordRefusal)\\(");

	private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"");

	/** Actions written other than through those calls. */
	private static final String[] OTHERS = { "REFUSALS_REPEATED" };

	@Test
	void everyActionTheApplicationWritesHasANameAndASentenceInBothLanguages() throws IOException {
		TreeSet<String> actions = actionsWritten();
		// the scan itself works: these are written in four different modules
		assertThat(actions).contains("TICKET_OVERDUE", "LOGIN_FAILED", "API_KEY_REJECTED", "CSRF_REJECTED",
				"SUBSTATION_MAINTENANCE_SET", "SUBSTATION_MAINTENANCE_LIFTED", "CONTACT_IDENTIFIED", "CUSTOMER_CHANGED")
			.hasSizeGreaterThan(60);
		for (String bundle : new String[] { "i18n/platform.properties", "i18n/platform_en.properties" }) {
			Properties messages = load(bundle);
			for (String action : actions) {
				assertThat(messages.getProperty("audit.action." + action)).as(bundle + ": audit.action." + action).isNotBlank();
				String sentence = messages.getProperty("audit.sentence." + action);
				assertThat(sentence).as(bundle + ": audit.sentence." + action).isNotBlank().doesNotContain(action);
			}
		}
		Properties zh = load("i18n/platform.properties");
		for (String action : actions) {
			assertThat(zh.getProperty("audit.sentence." + action)).as("Chinese sentence for " + action)
				.matches(".*\\p{IsHan}.*");
		}
	}

	static TreeSet<String> actionsWritten() throws IOException {
		TreeSet<String> actions = new TreeSet<>(java.util.List.of(OTHERS));
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				Matcher call = CALL.matcher(source);
				while (call.find()) {
					int position = switch (call.group(1)) {
						case "record" -> 0;
						case "recordSecurityEvent" -> 1;
						default -> 3;
					};
					String argument = argument(source, call.end(), position);
					if (position == 0 && !CODE.matcher(argument).find()) {
						// record(actor, action, …): the acting person comes first
						argument = argument(source, call.end(), 1);
					}
					Matcher code = CODE.matcher(argument);
					boolean found = false;
					while (code.find()) {
						actions.add(code.group(1));
						found = true;
					}
					assertThat(found).as("%s writes an action that is not a literal: %s", file, argument).isTrue();
				}
			}
		}
		return actions;
	}

	/** The call's argument at {@code position}, counting commas outside brackets and strings. */
	private static String argument(String source, int from, int position) {
		int depth = 0;
		int index = 0;
		boolean string = false;
		StringBuilder current = new StringBuilder();
		for (int i = from; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '"' && source.charAt(i - 1) != '\\') {
				string = !string;
			}
			if (!string) {
				if (c == '(' || c == '[' || c == '{') {
					depth++;
				}
				else if (c == ')' || c == ']' || c == '}') {
					if (depth == 0) {
						return index == position ? current.toString() : "";
					}
					depth--;
				}
				else if (c == ',' && depth == 0) {
					if (index == position) {
						return current.toString();
					}
					index++;
					current.setLength(0);
					continue;
				}
			}
			current.append(c);
		}
		return "";
	}

	private static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
