package org.heatdesk.staff;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;

import org.heatdesk.MalformedInput;
import org.heatdesk.TestStaff;
import org.heatdesk.platform.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The people API as the tests call it: a person's credentials, a language, JSON in and out. */
final class PeopleApi {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final int port;

	private final JsonMapper json;

	PeopleApi(int port, JsonMapper json) {
		this.port = port;
		this.json = json;
	}

	/** Today in the company's zone, as the people records count it. */
	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	HttpRequest.Builder request(String path, String user, String language) {
		return MalformedInput.at(port, path)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + TestStaff.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language);
	}

	HttpResponse<String> post(String path, String user, String body, String language) {
		return MalformedInput.send(HTTP, json, request(path, user, language).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), path);
	}

	HttpResponse<String> post(String path, String user, String body) {
		return post(path, user, body, "zh-CN");
	}

	HttpResponse<String> get(String path, String user) {
		return MalformedInput.send(HTTP, json, request(path, user, "zh-CN").GET().build(), path);
	}

	JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	/** A new account for one test. */
	record Person(long id, String username, String name) {
	}

	static Person person(Staff staff, String prefix, Role first, Role... more) {
		TestStaff.Account a = TestStaff.create(staff, prefix, first, more);
		return new Person(staff.findByUsername(a.username()).orElseThrow().id(), a.username(), a.displayName());
	}
}
