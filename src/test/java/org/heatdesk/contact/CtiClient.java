package org.heatdesk.contact;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Posts switch events to a running HeatDesk with an integration key of scope {@code cti}. */
final class CtiClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String key;

	private CtiClient(String base, String key) {
		this.base = base;
		this.key = key;
	}

	/** Creates a fresh key the way the administrator's page stores it (its SHA-256 only). */
	static CtiClient create(int port, JdbcClient jdbc) {
		String secret = org.heatdesk.TestApiKeys.create(jdbc, org.heatdesk.platform.ApiKeyScope.CTI, "test switch");
		return new CtiClient("http://localhost:" + port, secret);
	}

	String key() {
		return key;
	}

	HttpResponse<String> post(String json) {
		return post(json, "zh_CN");
	}

	HttpResponse<String> post(String json, String language) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cti/events?lang=" + language))
				.header("X-Api-Key", key)
				.header("Content-Type", "application/json")
				.header("Accept-Language", language)
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** One event as JSON; {@code null} values are left out. */
	static String event(String callId, String type, Instant time, String extension, String... more) {
		StringBuilder b = new StringBuilder("{");
		append(b, "callId", callId);
		append(b, "type", type);
		append(b, "time", time == null ? null : time.toString());
		append(b, "caller", "13900001111");
		append(b, "dialled", "96123");
		append(b, "extension", extension);
		for (int i = 0; i + 1 < more.length; i += 2) {
			append(b, more[i], more[i + 1]);
		}
		return b.append('}').toString();
	}

	private static void append(StringBuilder b, String name, String value) {
		if (value == null) {
			return;
		}
		if (b.length() > 1) {
			b.append(',');
		}
		b.append('"').append(name).append("\":\"").append(value).append('"');
	}
}
