package org.heatdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed input for the public APIs, generated from one valid body: every field replaced by odd
 * values (wrong types, nulls, huge and control-character strings, odd unicode, absurd numbers and
 * dates), fields left out, fields added, the JSON cut off, whole bodies that are not an object, and
 * wrong content types; then random combinations of these from {@link PropertyChecks}' fixed seed.
 * {@link Probe#check} asserts for every case what an integration relies on: never a 5xx, a refusal
 * is the API's JSON {@code {"code","message","field"}}, and a refusal wrote no row.
 */
public final class MalformedInput {

	/** One request body and its content type ({@code null}: no Content-Type header). */
	public record Case(String name, String contentType, byte[] body) {

		static Case json(String name, String text) {
			return new Case(name, "application/json", text.getBytes(StandardCharsets.UTF_8));
		}
	}

	/** Written in a valid body where a value must be new on every request; replaced when sent. */
	public static final String UNIQUE = "@@U@@";

	/** Strings, each as a JSON literal. */
	public static final List<String> ODD_STRINGS = List.of("\"\"", "\"   \"", "\"\\u0000\"", "\"a\\u0000b\"",
			"\"\\u0001\\u001f\\u007f\"", "\"\\t\\n\\r\"", "\"😀🔥\"", "\"\\u202eRTL\"", "\"\\ud800\"", "\"e\\u0301\"",
			"\"中文字段\"", "\"'; drop table ticket; --\"", "\"<script>alert(1)</script>\"", "\"%00\"",
			"\"" + "长".repeat(5000) + "\"", "\"" + "a".repeat(70_000) + "\"", "\"0000-01-01T00:00:00Z\"",
			"\"-999999999-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"1899-12-31T23:59:59Z\"",
			"\"3000-01-01T00:00:00Z\"", "\"2026-13-45T25:61:61Z\"", "\"2026-11-29T08:00:00+18:00\"", "\"2026-11-29\"",
			"\"now\"", "\"1e999\"", "\"-1\"", "\"NaN\"");

	/** Values of other JSON types. */
	public static final List<String> ODD_VALUES = List.of("null", "true", "false", "0", "-1", "1.5", "-0.0", "1e308",
			"-1e308", "1e400", "123456789012345678901234567890", "-9223372036854775809", "9223372036854775807", "[]",
			"{}", "[1,\"a\",null]", "{\"a\":{\"b\":[1]}}");

	/** Whole bodies that are not the object asked for. */
	public static final List<String> ODD_BODIES = List.of("", " ", "null", "[]", "[null]", "[1,2]", "\"text\"", "42",
			"true", "{", "}", "{\"a\":", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "\u0000", "{\"\\u0000\":1}",
			"[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(1200) + "1" + "}".repeat(1200));

	/** Content types a JSON API may be sent by mistake. */
	public static final List<String> ODD_CONTENT_TYPES = List.of("*/*", "text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=ISO-8859-1",
			"application/json; charset=nonsense", "application/*", "application/vnd.api+json", "x");

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private MalformedInput() {
	}

	/** Every single mutation of {@code valid}, a JSON object, and {@code random} combinations of two to four. */
	public static List<Case> cases(JsonMapper ignored, String valid, int random) {
		// the application's mapper refuses a NUL, which the cases are made of
		JsonMapper json = PLAIN;
		ObjectNode base = (ObjectNode) json.readTree(valid);
		List<String> fields = new ArrayList<>(base.propertyNames());
		List<Case> cases = new ArrayList<>();
		for (String field : fields) {
			for (String value : ODD_STRINGS) {
				cases.add(Case.json(field + "=" + abbreviate(value), with(json, base, field, value)));
			}
			for (String value : ODD_VALUES) {
				cases.add(Case.json(field + "=" + value, with(json, base, field, value)));
			}
			ObjectNode without = base.deepCopy();
			without.remove(field);
			cases.add(Case.json("without " + field, json.writeValueAsString(without)));
		}
		cases.add(Case.json("extra field", valid.replaceFirst("\\{", "{\"unexpected\":\"x\",")));
		cases.add(Case.json("extra field with NUL name", valid.replaceFirst("\\{", "{\"a\\\\u0000b\":\"x\",")));
		cases.add(Case.json("field twice", valid.replaceFirst("\\{", "{\"" + fields.get(0) + "\":\"x\",")));
		cases.add(Case.json("empty object", "{}"));
		cases.add(Case.json("array of it", "[" + valid + "]"));
		for (int cut = 1; cut < valid.length(); cut += Math.max(1, valid.length() / 12)) {
			cases.add(Case.json("cut at " + cut, valid.substring(0, cut)));
		}
		for (String body : ODD_BODIES) {
			cases.add(Case.json("body " + abbreviate(body), body));
		}
		for (String type : ODD_CONTENT_TYPES) {
			cases.add(new Case("content type " + type, type, valid.getBytes(StandardCharsets.UTF_8)));
		}
		cases.add(new Case("no content type", null, valid.getBytes(StandardCharsets.UTF_8)));
		cases.add(new Case("Latin-1 bytes", "application/json", valid.replaceFirst("\"", "\"\u00e9")
			.getBytes(StandardCharsets.ISO_8859_1)));
		cases.add(new Case("invalid UTF-8", "application/json",
				concat(valid.substring(0, valid.length() - 2).getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xC3,
						(byte) 0x28, (byte) 0xFF, '"', '}' })));
		List<String> all = new ArrayList<>(ODD_STRINGS);
		all.addAll(ODD_VALUES);
		PropertyChecks.forAll(random, r -> {
			ObjectNode body = base.deepCopy();
			StringBuilder name = new StringBuilder("random");
			int changes = 2 + r.nextInt(3);
			for (int i = 0; i < changes; i++) {
				String field = fields.get(r.nextInt(fields.size()));
				if (r.nextInt(6) == 0) {
					body.remove(field);
					name.append(" -").append(field);
				}
				else {
					String value = all.get(r.nextInt(all.size()));
					body.set(field, json.readTree(value));
					name.append(' ').append(field).append('=').append(abbreviate(value));
				}
			}
			cases.add(Case.json(name.toString(), json.writeValueAsString(body)));
		});
		return cases;
	}

	private static String with(JsonMapper json, ObjectNode base, String field, String value) {
		ObjectNode copy = base.deepCopy();
		copy.set(field, json.readTree(value));
		return json.writeValueAsString(copy);
	}

	public static String abbreviate(String s) {
		return s.length() > 40 ? s.substring(0, 30) + "…(" + s.length() + ")" : s;
	}

	public static byte[] concat(byte[] a, byte[] b) {
		byte[] c = new byte[a.length + b.length];
		System.arraycopy(a, 0, c, 0, a.length);
		System.arraycopy(b, 0, c, a.length, b.length);
		return c;
	}

	/** Sends cases to one endpoint with one client and checks each answer. */
	public static final class Probe {

		private final HttpClient http;

		private final JsonMapper json;

		private final LongSupplier rows;

		private int refused;

		private int accepted;

		/** @param rows the number of rows in the tables the endpoint writes (one query) */
		public Probe(HttpClient http, JsonMapper json, LongSupplier rows) {
			this.http = http;
			this.json = json;
			this.rows = rows;
		}

		/** Sends {@code c} with the headers of {@code request} (credentials, language) and checks the answer. */
		public HttpResponse<String> check(HttpRequest.Builder request, Case c) {
			HttpRequest.Builder b = request.copy();
			if (c.contentType() != null) {
				b.header("Content-Type", c.contentType());
			}
			b.POST(HttpRequest.BodyPublishers.ofByteArray(unique(c.body())));
			long before = rows.getAsLong();
			HttpResponse<String> response;
			try {
				response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException | InterruptedException e) {
				throw new IllegalStateException(c.name(), e);
			}
			int status = response.statusCode();
			assertThat(status).as("%s: %s", c.name(), abbreviate(response.body())).isLessThan(500);
			if (status >= 400) {
				refused++;
				assertRefusal(json, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
						response.body(), c.name());
				assertThat(rows.getAsLong()).as("rows after the refused %s", c.name()).isEqualTo(before);
			}
			else {
				accepted++;
			}
			return response;
		}

		/** The body with each {@link #UNIQUE} replaced by a value no other request used (case and call numbers). */
		private byte[] unique(byte[] body) {
			byte[] token = UNIQUE.getBytes(StandardCharsets.US_ASCII);
			ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
			for (int i = 0; i < body.length; i++) {
				if (i + token.length <= body.length && java.util.Arrays.equals(body, i, i + token.length, token, 0, token.length)) {
					out.writeBytes(Long.toString(System.nanoTime(), 36).getBytes(StandardCharsets.US_ASCII));
					i += token.length - 1;
				}
				else {
					out.write(body[i]);
				}
			}
			return out.toByteArray();
		}

		public int refused() {
			return refused;
		}

		public int accepted() {
			return accepted;
		}
	}

	/** The API's refusal: JSON with a code and a message that shows no Java internals. */
	public static JsonNode assertRefusal(JsonMapper json, int status, String contentType, String body, String what) {
		assertThat(contentType).as("%s: content type of %d %s", what, status, abbreviate(body)).startsWith("application/json");
		JsonNode node = PLAIN.readTree(body);
		assertThat(node.path("code").asString()).as("%s: code in %s", what, body).isNotBlank();
		assertThat(node.path("message").asString()).as("%s: message in %s", what, body)
			.isNotBlank()
			.doesNotContain("[Ljava")
			.doesNotContain("Exception")
			.doesNotContain("{0}");
		assertThat(node.has("field")).as("%s: field in %s", what, body).isTrue();
		return node;
	}

	/** An answer read off a raw socket: for requests java.net.http will not send (bytes above 0x7F in a header). */
	public record RawResponse(int status, Map<String, String> headers, String body) {
	}

	/** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body}. */
	public static RawResponse raw(int port, String head, byte[] body, java.nio.charset.Charset headCharset) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(headCharset));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
			}
			String rest = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
				rest = dechunk(rest);
			}
			return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, rest);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String dechunk(String s) {
		StringBuilder b = new StringBuilder();
		int i = 0;
		while (i < s.length()) {
			int eol = s.indexOf("\r\n", i);
			int size = Integer.parseInt(s.substring(i, eol).strip(), 16);
			if (size == 0) {
				break;
			}
			// sizes count bytes; bodies here are ASCII JSON or UTF-8 text short enough to read as characters
			byte[] rest = s.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
			String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
			b.append(chunk);
			i = eol + 2 + chunk.length() + 2;
		}
		return b.toString();
	}

	/** A multipart body with one file part; {@code fileName} is written as given (a NUL too). */
	public static byte[] multipart(String boundary, String part, String fileName, String contentType, byte[] content) {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		b.writeBytes(content);
		b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return b.toByteArray();
	}

	/** Sends a prepared request (any method and body) and checks it is not a 5xx and, if refused, JSON. */
	public static HttpResponse<String> send(HttpClient http, JsonMapper json, HttpRequest request, String what) {
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(what, e);
		}
		assertThat(response.statusCode()).as("%s: %s", what, abbreviate(response.body())).isLessThan(500);
		if (response.statusCode() >= 400 && request.uri().getPath().startsWith("/api/")) {
			assertRefusal(json, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), what);
		}
		return response;
	}

	/** A request to {@code path} on the local server. */
	public static HttpRequest.Builder at(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	/** A random choice of {@code values}. */
	public static <T> T pick(SplittableRandom r, List<T> values) {
		return values.get(r.nextInt(values.size()));
	}
}
