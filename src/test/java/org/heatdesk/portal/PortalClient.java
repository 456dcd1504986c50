package org.heatdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An anonymous customer calling the portal's JSON API, and what the tests read of their own rows. */
final class PortalClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final Pattern CODE = Pattern.compile("验证码为(\\d{6})");

	private final int port;

	PortalClient(int port) {
		this.port = port;
	}

	record Answer(int status, JsonNode body, String raw) {

		String text(String field) {
			JsonNode n = body.get(field);
			return n == null || n.isNull() ? null : n.asString();
		}
	}

	Answer post(String path, Map<String, ?> body) {
		return post(path, body, "zh-CN");
	}

	Answer post(String path, Map<String, ?> body, String language) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("Accept-Language", language)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		try {
			HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode node = r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
			return new Answer(r.statusCode(), node, r.body());
		}
		catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Asks for a code for {@code phone} and reads it from the outbox (the recording gateway sends nothing). */
	String code(JdbcClient jdbc, String phone) {
		Answer sent = post("/api/v1/portal/codes", Map.of("phone", phone));
		assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
		return lastCode(jdbc, phone);
	}

	/** The code of the newest PORTAL_CODE message to {@code phone}. */
	static String lastCode(JdbcClient jdbc, String phone) {
		String body = jdbc.sql("select body from notification_message where kind = 'PORTAL_CODE' and phone = ? order by id desc limit 1")
			.param(phone)
			.query(String.class)
			.single();
		Matcher m = CODE.matcher(body);
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

	/** A mobile number no other test uses (166 and eight random digits). */
	static String phone() {
		return "166" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/**
	 * The limits' counts of this machine's loopback address: every test calls from it, so each test
	 * starts without the others' counts (a customer's address would be their own).
	 */
	static void forgetLoopback(JdbcClient jdbc) {
		jdbc.sql("delete from portal_rate_event where subject in ('addr:127.0.0.1', 'addr:0:0:0:0:0:0:0:1', 'addr:::1')")
			.update();
	}

	/** Lets the next code go to {@code phone} at once (as if the minute between two codes had passed). */
	static void age(JdbcClient jdbc, String phone) {
		jdbc.sql("update portal_code set created_at = created_at - interval '2 minutes' where phone = ?").param(phone).update();
	}

	/** A valid request body. */
	static Map<String, Object> request(String phone, String code, String type, String address, String description) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("type", type);
		body.put("address", address);
		body.put("phone", phone);
		body.put("code", code);
		body.put("description", description);
		return body;
	}
}
