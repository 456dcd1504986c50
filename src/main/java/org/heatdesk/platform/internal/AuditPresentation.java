package org.heatdesk.platform.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.heatdesk.platform.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns stored audit rows into what an auditor reads: a sentence per action, the details as labelled
 * fields, times in the company's zone (also those inside the details), codes as words and the
 * loopback address as "this machine". The stored row is never changed: its hash covers it as written.
 */
@Component
class AuditPresentation {

	private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

	private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_ -]{0,60}");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** Where a field's coded values are already named elsewhere in the bundles. */
	private static final Map<String, List<String>> VALUE_KEYS = Map.ofEntries(
			Map.entry("status", List.of("ticket.status.", "network.status.")), Map.entry("mark", List.of("ticket.mark.")),
			Map.entry("type", List.of("ticket.type.")), Map.entry("priority", List.of("ticket.priority.")),
			Map.entry("channel", List.of("contact.channel.")), Map.entry("state", List.of("presence.")),
			Map.entry("roles", List.of("role.")), Map.entry("scope", List.of("scope.")),
			Map.entry("kind", List.of("network.outage.kind.")), Map.entry("reason", List.of("presence.reason.")),
			Map.entry("code", List.of("error.")));

	private final MessageSource messages;

	private final JsonMapper json;

	private final ZoneId zone;

	AuditPresentation(MessageSource messages, JsonMapper json, PlatformConfiguration.CompanyProperties company) {
		this.messages = messages;
		this.json = json;
		this.zone = company.zone();
	}

	record Field(String label, String value) {
	}

	String time(Instant instant) {
		return TIME.format(instant.atZone(zone));
	}

	String actor(String actor, Locale locale) {
		if (actor == null || AuditTrail.SYSTEM.equals(actor)) {
			return messages.getMessage("audit.actor.system", null, locale);
		}
		if (actor.startsWith("api-key:")) {
			return messages.getMessage("audit.actor.apiKey", new Object[] { actor.substring("api-key:".length()) }, locale);
		}
		return actor;
	}

	String address(String address, Locale locale) {
		if (address == null) {
			return "";
		}
		return isLoopback(address) ? messages.getMessage("audit.address.local", null, locale) : address;
	}

	static boolean isLoopback(String address) {
		return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
	}

	String actionName(String action, Locale locale) {
		return messages.getMessage("audit.action." + action, null, action, locale);
	}

	String entityType(String type, Locale locale) {
		return messages.getMessage("audit.entity." + type, null, type, locale);
	}

	/**
	 * What a row is about, as the auditor reads it. A summary of repeated refusals is about a group
	 * ({@code api-key:unknown}, {@code login:account:7}, {@code session:csrf}): shown in words.
	 */
	String subject(String action, String entityId, Locale locale) {
		if (entityId == null || !"REFUSALS_REPEATED".equals(action)) {
			return entityId;
		}
		if (entityId.startsWith("login:account:")) {
			return messages.getMessage("audit.refusalGroup.login.account",
					new Object[] { entityId.substring("login:account:".length()) }, entityId, locale);
		}
		return messages.getMessage("audit.refusalGroup." + entityId.replace(':', '.'), null, entityId, locale);
	}

	String sentence(String action, String actor, String entityId, Locale locale) {
		String who = actor(actor, locale);
		String what = entityId == null ? "" : entityId;
		String fallback = messages.getMessage("audit.sentence.unknown", new Object[] { who, what, action }, locale);
		return messages.getMessage("audit.sentence." + action, new Object[] { who, what }, fallback, locale);
	}

	/** The stored JSON as labelled fields; a value that is not an object is one field. */
	List<Field> fields(String stored, Locale locale) {
		if (stored == null || stored.isBlank()) {
			return List.of();
		}
		JsonNode node;
		try {
			node = json.readTree(stored);
		}
		catch (RuntimeException e) {
			return List.of(new Field(label("value", locale), stored));
		}
		List<Field> fields = new ArrayList<>();
		if (node.isObject()) {
			for (var entry : node.properties()) {
				fields.add(new Field(label(entry.getKey(), locale), value(entry.getKey(), entry.getValue(), locale)));
			}
		}
		else {
			fields.add(new Field(label("value", locale), value("value", node, locale)));
		}
		return fields;
	}

	private String label(String field, Locale locale) {
		return messages.getMessage("audit.field." + field, null, field, locale);
	}

	private String value(String field, JsonNode node, Locale locale) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "—";
		}
		if (node.isBoolean()) {
			return messages.getMessage(node.asBoolean() ? "audit.yes" : "audit.no", null, locale);
		}
		if (node.isNumber()) {
			return node.asString();
		}
		if (node.isArray()) {
			if (node.isEmpty()) {
				return "—";
			}
			List<String> parts = new ArrayList<>();
			// the user names and keys a refusal summary lists are actors, shown as the actor column shows them
			node.forEach(element -> parts.add("actors".equals(field) && element.isString() ? actor(element.asString(), locale)
					: value(field, element, locale)));
			return String.join("、", parts);
		}
		if (node.isObject()) {
			List<String> parts = new ArrayList<>();
			for (var entry : node.properties()) {
				parts.add(label(entry.getKey(), locale) + "：" + value(entry.getKey(), entry.getValue(), locale));
			}
			return String.join("；", parts);
		}
		return text(field, node.asString(), locale);
	}

	private String text(String field, String text, Locale locale) {
		if (text.isEmpty()) {
			return "—";
		}
		if (INSTANT.matcher(text).matches()) {
			try {
				return time(OffsetDateTime.parse(text).toInstant());
			}
			catch (DateTimeParseException e) {
				return text;
			}
		}
		if (isLoopback(text)) {
			return messages.getMessage("audit.address.local", null, locale);
		}
		if (CODE.matcher(text).matches()) {
			String word = messages.getMessage("audit.value." + text.replaceAll("[^A-Za-z0-9-]", "_"), null, null, locale);
			if (word != null) {
				return word;
			}
			// a refusal's code reads as its message; a placeholder in it stands for what the row does not keep
			Object[] args = "code".equals(field) ? new Object[] { "…" } : null;
			for (String prefix : VALUE_KEYS.getOrDefault(field, List.of())) {
				word = messages.getMessage(prefix + text.toUpperCase(Locale.ROOT), args, null, locale);
				if (word != null) {
					return word;
				}
			}
			if (text.matches("[A-Z][A-Z0-9_]+")) {
				word = messages.getMessage("audit.action." + text, null, null, locale);
				if (word != null) {
					return word;
				}
			}
		}
		return text;
	}
}
