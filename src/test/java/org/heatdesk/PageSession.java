package org.heatdesk;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A staff member signed in through the login form over plain HTTP, for page tests that need no
 * browser: GETs and CSRF-protected form POSTs (as htmx sends them) with the session's cookie.
 * Redirects are not followed, so a test sees the status the server answered.
 */
public final class PageSession {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private String cookie;

	private String csrf;

	private PageSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs {@code username} in with the demo password. */
	public static PageSession login(int port, String username) {
		PageSession s = new PageSession(port);
		HttpResponse<String> page = s.get("/login");
		Matcher m = FORM_TOKEN.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		s.cookie = page.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElseThrow();
		HttpResponse<String> login = s.send(HttpRequest.newBuilder(URI.create(s.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", "heatdesk2026",
					"_csrf", m.group(1))))));
		s.cookie = login.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(s.cookie);
		if (!login.headers().firstValue("Location").orElse("").endsWith("/")) {
			throw new IllegalStateException(username + " could not sign in: " + login.headers().map());
		}
		HttpResponse<String> home = s.get("/");
		if (home.statusCode() == 302) {
			// a technician's home is /field
			home = s.get(URI.create(home.headers().firstValue("Location").orElseThrow()).getPath());
		}
		Matcher meta = META_TOKEN.matcher(home.body());
		if (!meta.find()) {
			throw new IllegalStateException("no CSRF token on the home page");
		}
		s.csrf = meta.group(1);
		return s;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** A form POST as htmx sends it: the CSRF token in the header. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-CSRF-TOKEN", csrf)
			.header("HX-Request", "true")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields))));
	}

	/** A POST without any CSRF token, as a forged cross-site form would send it. */
	public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields))));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}
}
