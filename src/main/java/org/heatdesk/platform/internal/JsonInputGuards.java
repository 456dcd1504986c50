package org.heatdesk.platform.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;

import org.heatdesk.platform.InputChecks;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The checks every JSON body passes before a controller sees it: no text with U+0000 (PostgreSQL
 * cannot store it) and no date or time outside {@link InputChecks#MIN_YEAR}..{@link InputChecks#MAX_YEAR}.
 * The standard deserializers are wrapped, not replaced, so every coercion stays as it was; a
 * refusal is a {@link Refused} that carries the JSON path, which the API turns into its JSON error.
 */
final class JsonInputGuards {

	private JsonInputGuards() {
	}

	static JacksonModule module() {
		SimpleModule module = new SimpleModule("heatdesk-input-guards");
		module.setDeserializerModifier(new ValueDeserializerModifier() {
			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
					ValueDeserializer<?> deserializer) {
				Class<?> type = description.getBeanClass();
				return type == String.class || isTemporal(type) ? new Guarded(deserializer) : deserializer;
			}
		});
		// bodies read as a tree (CTI events, 12345 cases) never pass the String deserializer
		@SuppressWarnings({ "unchecked", "rawtypes" })
		ValueDeserializer<JsonNode> tree = (ValueDeserializer) new GuardedTree(JsonNodeDeserializer.getDeserializer(JsonNode.class));
		module.addDeserializer(JsonNode.class, tree);
		return module;
	}

	private static boolean isTemporal(Class<?> type) {
		return type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
				|| type == LocalDate.class || type == LocalDateTime.class;
	}

	/** A value the API refuses: its code (also the message key {@code error.<code>}) and, for a tree, the field. */
	static final class Refused extends MismatchedInputException {

		private final String code;

		private final String field;

		Refused(JsonParser p, String code, String field) {
			super(p, code);
			this.code = code;
			this.field = field;
		}

		String code() {
			return code;
		}

		/** The field when the path was worked out here (a tree), otherwise {@code null}: the exception's path names it. */
		String field() {
			return field;
		}
	}

	static Object check(JsonParser p, Object value) {
		if (value instanceof String s) {
			if (InputChecks.hasControlCharacter(s)) {
				throw new Refused(p, "TEXT_CONTROL_CHARACTER", null);
			}
		}
		else if (value != null && !sensible(value)) {
			throw new Refused(p, "DATE_OUT_OF_RANGE", null);
		}
		return value;
	}

	private static boolean sensible(Object value) {
		long year;
		if (value instanceof Instant i) {
			return InputChecks.sensible(i);
		}
		else if (value instanceof OffsetDateTime t) {
			return InputChecks.sensible(t.toInstant());
		}
		else if (value instanceof ZonedDateTime t) {
			return InputChecks.sensible(t.toInstant());
		}
		else if (value instanceof LocalDate d) {
			year = d.getYear();
		}
		else if (value instanceof LocalDateTime t) {
			year = t.getYear();
		}
		else {
			return true;
		}
		return InputChecks.sensibleYear(year);
	}

	private static final class Guarded extends DelegatingDeserializer {

		Guarded(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Guarded(delegate);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			return check(p, super.deserialize(p, ctxt));
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws JacksonException {
			return check(p, super.deserialize(p, ctxt, intoValue));
		}

		@Override
		public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer types)
				throws JacksonException {
			return check(p, super.deserializeWithType(p, ctxt, types));
		}
	}

	private static final class GuardedTree extends DelegatingDeserializer {

		GuardedTree(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new GuardedTree(delegate);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			Object tree = super.deserialize(p, ctxt);
			if (tree instanceof JsonNode node) {
				String field = firstControlCharacter(node, "");
				if (field != null) {
					throw new Refused(p, "TEXT_CONTROL_CHARACTER", field);
				}
			}
			return tree;
		}
	}

	/** The path of the first text holding U+0000 ({@code ""} for the root), or {@code null}. */
	static String firstControlCharacter(JsonNode node, String path) {
		if (node.isString()) {
			return InputChecks.hasControlCharacter(node.asString()) ? path : null;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = firstControlCharacter(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> e : node.properties()) {
				String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
				if (InputChecks.hasControlCharacter(e.getKey())) {
					return child;
				}
				String found = firstControlCharacter(e.getValue(), child);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
