package org.heatdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.PropertyChecks;
import org.heatdesk.TestApiKeys;
import org.heatdesk.platform.ApiKeyScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input on {@code /api/v1/customers}: the billing import (generated CSV files with odd
 * cells, broken multipart bodies, a NUL in a cell or in the file name), the search parameters, and
 * the page's reveal of phones without a reason or for no such customer. Never a 5xx; a refused
 * import stores no customer and no phone.
 */
@HeatDeskTest
class CustomerApiMalformedInputIntegrationTests {

	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	String billingKey;

	@BeforeEach
	void key() {
		billingKey = TestApiKeys.create(jdbc, ApiKeyScope.BILLING, "malformed billing");
	}

	private static final List<String> ODD_CELLS = List.of("", " ", "\u0000", "a\u0000b", "\u0001\u001f\u007f", "😀🔥",
			"\u202e反向", "\ud800", "e\u0301", "\"未闭合", "\"a\"\"b\"", "\"多\n行\"", "-1", "0", "1e400", "NaN",
			"99999999999999999999", "-0.0", "1,5", "长".repeat(300), "a".repeat(20_000), "'; drop table customer; --",
			"<script>alert(1)</script>", "=cmd|' /C calc'!A0", "null");

	@Test
	void generatedImportsNeverGetA5xxAndARefusalStoresNothing() {
		List<String> cells = new ArrayList<>(List.of("@", "孙三", "13911120001", "", "翠园小区", "702", "1", "101", "70", "",
				"", "备注"));
		List<byte[]> files = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int column = 0; column < cells.size(); column++) {
			for (String odd : ODD_CELLS) {
				List<String> row = new ArrayList<>(cells);
				row.set(column, odd);
				files.add(csv(row));
				names.add("billing.csv");
			}
		}
		PropertyChecks.forAll(50, r -> {
			List<String> row = new ArrayList<>(cells);
			for (int i = 0; i < 2 + r.nextInt(3); i++) {
				row.set(r.nextInt(row.size()), MalformedInput.pick(r, ODD_CELLS));
			}
			files.add(csv(row));
			names.add(MalformedInput.pick(r, List.of("billing.csv", "billing.xlsx", "billing", "billing.txt", "账单.csv")));
		});
		String valid = new String(csv(cells), StandardCharsets.UTF_8);
		for (String whole : List.of("", "\n", CustomerImportIntegrationTests.HEADER, "\uFEFF" + CustomerImportIntegrationTests.HEADER,
				"only,one,line", valid.substring(0, valid.length() / 2), "PK\u0003\u0004garbage", "\u0000\u0001\u0002",
				"户号\n" + "x\n".repeat(5000))) {
			files.add(whole.getBytes(StandardCharsets.UTF_8));
			names.add("billing.csv");
		}
		files.add(valid.getBytes(Charset.forName("GB18030")));
		names.add("billing.csv");
		files.add("PK\u0003\u0004not a workbook".getBytes(StandardCharsets.ISO_8859_1));
		names.add("billing.xlsx");
		int refused = 0;
		for (int i = 0; i < files.size(); i++) {
			long before = customerRows();
			HttpResponse<String> response = importFile(i % 2 == 0 ? "zh-CN" : "en", names.get(i),
					unique(files.get(i)));
			String what = "file " + i + ": " + MalformedInput.abbreviate(new String(files.get(i), StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as("%s -> %s", what, response.body()).isLessThan(500);
			if (response.statusCode() >= 400) {
				refused++;
				MalformedInput.assertRefusal(json, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
						response.body(), what);
				assertThat(customerRows()).as(what).isEqualTo(before);
			}
		}
		assertThat(files).hasSizeGreaterThan(350);
		assertThat(refused).isGreaterThan(200);
	}

	@Test
	void aNulInACellIsNamedAsThatCellsProblemAndNothingIsStored() {
		long before = customerRows();
		List<String> row = new ArrayList<>(List.of("@", "孙\u0000三", "13911120001", "", "翠园小区", "702", "1", "101", "70", "",
				"", ""));
		HttpResponse<String> response = importFile("zh-CN", "billing.csv", unique(csv(row)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body()).path("problems").get(0);
		assertThat(problem.path("row").asInt()).isEqualTo(2);
		assertThat(problem.path("column").asString()).isEqualTo("name");
		assertThat(problem.path("code").asString()).isEqualTo("CUSTOMER_IMPORT_CONTROL_CHARACTER");
		assertThat(problem.path("message").asString()).isEqualTo("单元格含有无法保存的控制字符（U+0000），请在原文件中删去。");
		assertThat(customerRows()).isEqualTo(before);
	}

	@Test
	void aBrokenMultipartBodyOrANulInTheFileNameIsRefusedAsJson() {
		long before = customerRows();
		byte[] file = unique(csv(List.of("@", "孙三", "13911120001", "", "翠园小区", "702", "1", "101", "70", "", "", "")));
		refused(post("multipart/form-data", MalformedInput.multipart("b0", "file", "billing.csv", "text/csv", file)), 400,
				"MALFORMED_MULTIPART", null);
		byte[] whole = MalformedInput.multipart("b1", "file", "billing.csv", "text/csv", file);
		refused(post("multipart/form-data; boundary=b1", Arrays.copyOf(whole, whole.length - 10)), 400, "MALFORMED_MULTIPART",
				null);
		refused(post("multipart/form-data; boundary=b1", "no parts at all".getBytes(StandardCharsets.UTF_8)), 400, null, null);
		// a NUL in the file name: Tomcat's parser already refuses the part, or platform's guard names it
		JsonNode nul = refused(post("multipart/form-data; boundary=b2",
				MalformedInput.multipart("b2", "file", "billing\u0000.csv", "text/csv", file)), 400, null, null);
		assertThat(nul.path("code").asString()).isIn("MALFORMED_MULTIPART", "TEXT_CONTROL_CHARACTER");
		refused(post("application/json", "{}".getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE", null);
		assertThat(customerRows()).isEqualTo(before);
	}

	@Test
	void oddSearchParametersAreAnsweredOrRefusedAsJson() {
		for (String q : List.of("%00", "a%00b", "%F0%9F%98%80", "%E2%80%AE", "%25", "_", "%5C", "a".repeat(5000),
				"%27%3B%20drop%20table%20customer%3B--", "+", "%C3%28")) {
			HttpResponse<String> response = MalformedInput.send(http, json, agent("/api/v1/customers?q=" + q).build(), q);
			if (q.equals("%C3%28")) {
				// not UTF-8: Tomcat cannot decode it
				assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("MALFORMED_PARAMETERS");
			}
			if (q.contains("%00")) {
				assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("TEXT_CONTROL_CHARACTER");
				assertThat(json.readTree(response.body()).path("field").asString()).isEqualTo("q");
			}
		}
		for (String limit : List.of("-1", "0", "999999999999", "abc", "1e3")) {
			MalformedInput.send(http, json, agent("/api/v1/customers?q=13900&limit=" + limit).build(), limit);
		}
		for (String account : List.of("%20", "..", "a".repeat(3000), "%E2%80%AE", "x%3By")) {
			MalformedInput.send(http, json, agent("/api/v1/customers/" + account).build(), account);
		}
	}

	@Test
	void revealingPhonesOfNoSuchCustomerOrWithoutAReasonIsARefusalNotA500() throws Exception {
		String[] session = login("agent");
		long known = jdbc.sql("select min(id) from customer").query(Long.class).single();
		long unknown = jdbc.sql("select max(id) + 1000 from customer").query(Long.class).single();
		HttpResponse<String> none = reveal(session, unknown, null);
		assertThat(none.statusCode()).as(none.body()).isEqualTo(404);
		assertThat(none.body()).contains("找不到");
		assertThat(reveal(session, unknown, "用户来电要求回拨").statusCode()).isEqualTo(404);
		HttpResponse<String> noReason = reveal(session, known, null);
		assertThat(noReason.statusCode()).isEqualTo(200);
		assertThat(noReason.body()).contains("alert-error");
		HttpResponse<String> nul = reveal(session, known, "原因\u0000");
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(nul.body()).contains("含有无法保存的控制字符");
	}

	/** Logs in by the form and returns the session cookie and a CSRF token of a page. */
	private String[] login(String user) throws Exception {
		HttpResponse<String> page = http.send(MalformedInput.at(port, "/login").build(), HttpResponse.BodyHandlers.ofString());
		String cookie = page.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElseThrow();
		HttpResponse<String> in = http.send(MalformedInput.at(port, "/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=heatdesk2026&_csrf=" + token(page.body())))
			.build(), HttpResponse.BodyHandlers.ofString());
		String session = in.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(cookie);
		HttpResponse<String> home = http.send(MalformedInput.at(port, "/customers").header("Cookie", session).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(200);
		return new String[] { session, token(home.body()) };
	}

	private static String token(String html) {
		Matcher m = TOKEN.matcher(html);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	private HttpResponse<String> reveal(String[] session, long id, String reason) throws Exception {
		String form = "_csrf=" + URLEncoder.encode(session[1], StandardCharsets.UTF_8)
				+ (reason == null ? "" : "&reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
		return http.send(MalformedInput.at(port, "/customers/" + id + "/reveal")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", session[0])
			.header("HX-Request", "true")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode refused(HttpResponse<String> response, int status, String code, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = MalformedInput.assertRefusal(json, status, response.headers().firstValue("Content-Type").orElse(""),
				response.body(), String.valueOf(code));
		if (code != null) {
			assertThat(body.path("code").asString()).as(response.body()).isEqualTo(code);
			if (field == null) {
				assertThat(body.path("field").isNull()).as(response.body()).isTrue();
			}
			else {
				assertThat(body.path("field").asString()).as(response.body()).isEqualTo(field);
			}
		}
		return body;
	}

	/** The file's {@code @} (the account number's place) made unique, so that a valid file stores a new customer. */
	private static byte[] unique(byte[] file) {
		String text = new String(file, StandardCharsets.ISO_8859_1);
		String account = "MI" + Long.toString(System.nanoTime(), 36).toUpperCase();
		return text.replaceFirst("\n@,", "\n" + account + ",").getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] csv(List<String> row) {
		StringBuilder b = new StringBuilder(CustomerImportIntegrationTests.HEADER);
		for (int i = 0; i < row.size(); i++) {
			b.append(i == 0 ? "" : ",").append(row.get(i));
		}
		return b.append('\n').toString().getBytes(StandardCharsets.UTF_8);
	}

	private HttpResponse<String> importFile(String language, String name, byte[] file) {
		String boundary = "----malformed" + System.nanoTime();
		return send(MalformedInput.at(port, "/api/v1/customers/import")
			.header("X-Api-Key", billingKey)
			.header("Accept-Language", language)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(MalformedInput.multipart(boundary, "file", name, "text/csv", file)))
			.build());
	}

	private HttpResponse<String> post(String contentType, byte[] body) {
		return send(MalformedInput.at(port, "/api/v1/customers/import")
			.header("X-Api-Key", billingKey)
			.header("Accept-Language", "en")
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	private HttpRequest.Builder agent(String path) {
		return MalformedInput.at(port, path)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("agent:heatdesk2026".getBytes(StandardCharsets.UTF_8)));
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private long customerRows() {
		return jdbc.sql("select (select count(*) from customer) + (select count(*) from customer_phone)")
			.query(Long.class)
			.single();
	}
}
