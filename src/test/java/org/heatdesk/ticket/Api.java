package org.heatdesk.ticket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A staff member calling {@code /api/v1} with HTTP Basic, for integration tests (public for those of {@code ticket.sla}). */
public final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final int port;

	private final String authorization;

	private Api(int port, String username) {
		this.port = port;
		this.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((username + ":heatdesk2026").getBytes(StandardCharsets.UTF_8));
	}

	public static Api as(int port, String username) {
		return new Api(port, username);
	}

	public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {

		public String text(String field) {
			JsonNode n = body.get(field);
			return n == null || n.isNull() ? null : n.asString();
		}

		/** The target of {@code Link: <…>; rel="next"}, as a path with its query; null when there is none. */
		String next() {
			return headers.allValues("Link").stream().filter(l -> l.endsWith("rel=\"next\""))
				.map(l -> URI.create(l.substring(l.indexOf('<') + 1, l.indexOf('>'))))
				.map(u -> u.getRawPath() + "?" + u.getRawQuery())
				.findFirst()
				.orElse(null);
		}
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
	}

	public Response post(String path, Object body) {
		return post(path, body, Map.of());
	}

	public Response post(String path, Object body, Map<String, String> headers) {
		String json = body == null ? "" : JSON.writeValueAsString(body);
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), headers);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private Response send(HttpRequest.Builder builder, Map<String, String> headers) {
		builder.header("Authorization", authorization);
		headers.forEach(builder::header);
		try {
			HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode node = r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
			return new Response(r.statusCode(), node, r.headers());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
