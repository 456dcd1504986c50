package org.heatdesk.staff;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the login form over plain HTTP: fetches the CSRF token with its session cookie, then posts. */
record FormLogin(HttpClient http, int port, String cookie, String csrf) {

	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static FormLogin start(HttpClient http, int port) throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher m = TOKEN.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String cookie = page.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElseThrow();
		return new FormLogin(http, port, cookie, m.group(1));
	}

	HttpResponse<String> submit(String username, String password) throws Exception {
		String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf;
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
