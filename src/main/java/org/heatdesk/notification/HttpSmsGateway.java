package org.heatdesk.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS provider over HTTP: one POST per message, the body from a JSON template, the message's id in
 * the {@code Idempotency-Key} header (and wherever the template puts {@code {id}}). 2xx with the
 * provider's id in the agreed field: delivered; 429 and 5xx, timeouts and any answer that is not the
 * agreed JSON: retryable; any other 4xx: refused for good.
 */
final class HttpSmsGateway implements SmsGateway {

	private static final int MAX_REASON = 300;

	private final DeliveryProperties.Http settings;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final String authorization;

	HttpSmsGateway(DeliveryProperties.Http settings) {
		if (settings.url() == null) {
			throw new IllegalStateException("heatdesk.notification.http.url is required with heatdesk.notification.gateway=http");
		}
		this.settings = settings;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		if (settings.token() != null && !settings.token().isBlank()) {
			authorization = "Bearer " + settings.token();
		}
		else if (settings.username() != null && !settings.username().isBlank()) {
			String pair = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
			authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
		}
		else {
			authorization = null;
		}
	}

	@Override
	public String name() {
		return "http";
	}

	@Override
	public String send(String phone, String body, long messageId) throws GatewayFailure {
		HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
			.timeout(settings.readTimeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Accept", "application/json")
			.header("Idempotency-Key", Long.toString(messageId))
			.POST(HttpRequest.BodyPublishers.ofString(body(phone, body, messageId), StandardCharsets.UTF_8));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException e) {
			throw GatewayFailure.retryable("timeout: " + e.getMessage());
		}
		catch (IOException e) {
			throw GatewayFailure.retryable("I/O: " + e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw GatewayFailure.retryable("interrupted");
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			String id = providerId(response.body());
			if (id == null) {
				// the provider may well have taken it: the retry carries the same idempotency key
				throw GatewayFailure.retryable("HTTP " + status + " without \"" + settings.idField() + "\": " + clip(response.body()));
			}
			return id;
		}
		String reason = "HTTP " + status + ": " + clip(response.body());
		if (status == 429 || status >= 500 || status < 200 || (status >= 300 && status < 400)) {
			throw GatewayFailure.retryable(reason);
		}
		throw GatewayFailure.permanent(reason);
	}

	/** The template with the values JSON-escaped, so a quote or a line break in a text cannot break the body. */
	String body(String phone, String text, long messageId) {
		return settings.bodyTemplate()
			.replace("{phone}", escape(phone))
			.replace("{text}", escape(text))
			.replace("{id}", Long.toString(messageId));
	}

	private String providerId(String answer) {
		if (answer == null || answer.isBlank()) {
			return null;
		}
		JsonNode node;
		try {
			node = json.readTree(answer);
		}
		catch (JacksonException e) {
			return null;
		}
		for (String part : settings.idField().split("\\.")) {
			if (node == null || !node.isObject()) {
				return null;
			}
			node = node.get(part);
		}
		if (node == null || !(node.isString() || node.isIntegralNumber())) {
			return null;
		}
		String id = node.asString().strip();
		return id.isEmpty() || id.length() > 100 ? null : id;
	}

	static String escape(String value) {
		StringBuilder out = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x2028 || c == 0x2029) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static String clip(String text) {
		if (text == null) {
			return "";
		}
		String flat = text.replaceAll("\\p{Cntrl}", " ").strip();
		return flat.length() > MAX_REASON ? flat.substring(0, MAX_REASON) + "…" : flat;
	}
}
