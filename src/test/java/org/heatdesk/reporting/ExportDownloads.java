package org.heatdesk.reporting;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person signed in through the login form who downloads files (PageSession reads text only). */
final class ExportDownloads {

	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private String cookie;

	private ExportDownloads(int port) {
		this.base = "http://localhost:" + port;
	}

	static ExportDownloads login(int port, String username) throws Exception {
		ExportDownloads d = new ExportDownloads(port);
		HttpResponse<String> page = d.http.send(HttpRequest.newBuilder(URI.create(d.base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher m = TOKEN.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		d.cookie = page.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElseThrow();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=heatdesk2026&_csrf="
				+ URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = d.http.send(HttpRequest.newBuilder(URI.create(d.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", d.cookie)
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		d.cookie = login.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(d.cookie);
		return d;
	}

	HttpResponse<byte[]> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}
}
