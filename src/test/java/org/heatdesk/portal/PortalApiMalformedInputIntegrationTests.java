package org.heatdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.MalformedInput;
import org.heatdesk.MalformedInput.Case;
import org.heatdesk.platform.Actor;
import org.heatdesk.ticket.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input on every endpoint of the portal's public API: generated cases never get a 5xx,
 * every refusal is the API's JSON in the caller's language, and a refusal writes no code, request,
 * ticket, timeline entry or follow-up (the rate limits' own counts of misses are the one thing a
 * refusal leaves, by design).
 */
@HeatDeskTest
class PortalApiMalformedInputIntegrationTests {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Tickets tickets;

	PortalClient portal;

	@BeforeEach
	void setUp() {
		portal = new PortalClient(port);
		PortalClient.forgetLoopback(jdbc);
	}

	@AfterEach
	void tearDown() {
		PortalClient.forgetLoopback(jdbc);
	}

	/*
	 * What a portal call can write. Only the portal's own tickets' events and follow-ups: the other
	 * modules' listeners may still be writing theirs for earlier tests' tickets meanwhile (one verify
	 * run counted two such rows after a refused request).
	 */
	long rows() {
		return jdbc.sql("""
				select (select count(*) from portal_code) + (select count(*) from portal_request) + (select count(*) from ticket)
				  + (select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.channel = 'ONLINE')
				  + (select count(*) from followup_follow_up where channel = 'PORTAL')""")
			.query(Long.class)
			.single();
	}

	HttpRequest.Builder at(String path, String language) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", language);
	}

	void probe(String path, String valid, int random) {
		MalformedInput.Probe probe = new MalformedInput.Probe(http, json, this::rows);
		List<Case> cases = MalformedInput.cases(json, valid, random);
		for (int i = 0; i < cases.size(); i++) {
			if (i % 40 == 0) {
				// the misses would close this address for the hour; each case is judged on its own input
				PortalClient.forgetLoopback(jdbc);
			}
			probe.check(at(path, i % 2 == 0 ? "zh-CN" : "en"), cases.get(i));
		}
		assertThat(probe.refused()).as(path).isGreaterThan(100);
	}

	@Test
	void codes() {
		probe("/api/v1/portal/codes", "{\"phone\":\"%s\"}".formatted(PortalClient.phone()), 40);
	}

	@Test
	void requests() {
		String phone = PortalClient.phone();
		String code = portal.code(jdbc, phone);
		probe("/api/v1/portal/requests", json.writeValueAsString(Map.of("type", "REPAIR", "address", "翠园小区3号楼",
				"phone", phone, "code", code, "description", "暖气不热", "idempotencyKey", MalformedInput.UNIQUE,
				"accountNo", "")), 60);
	}

	@Test
	void progressAndInformation() {
		String phone = PortalClient.phone();
		String no = request(phone);
		probe("/api/v1/portal/progress", json.writeValueAsString(Map.of("ticketNo", no, "phone", phone)), 40);
		probe("/api/v1/portal/progress/information",
				json.writeValueAsString(Map.of("ticketNo", no, "phone", phone, "text", "补充 " + MalformedInput.UNIQUE)), 40);
	}

	@Test
	void ratings() {
		String phone = PortalClient.phone();
		String no = request(phone);
		Actor lead = Actor.person("lead", null);
		tickets.dispatch(lead, no, null, null, null, null);
		tickets.respond(lead, no, null, null);
		tickets.resolve(lead, no, null, "已修好");
		probe("/api/v1/portal/ratings", json.writeValueAsString(Map.of("ticketNo", no, "phone", phone, "satisfaction",
				"NEUTRAL", "comment", "一般")), 40);
	}

	/**
	 * The one multipart endpoint: a body without its boundary or cut short, a NUL in a file name or a
	 * field, another content type, a file that is no photo or one too many, a number of 100,000
	 * characters and bytes that are no UTF-8 are refused as the API's JSON without a 5xx, and leave
	 * no note, attachment or audit row; the same body made well adds the photo.
	 */
	@Test
	void photos() {
		String phone = PortalClient.phone();
		String no = request(phone);
		String path = "/api/v1/portal/progress/photos";
		byte[] png = PortalRequestBrowserTests.PNG;
		byte[] fine = multipart("b0", no, phone, "补充".getBytes(StandardCharsets.UTF_8), photo("暖气片.png", png));
		long before = photoRows(no);
		refused(upload(path, "multipart/form-data", fine, "no boundary"));
		refused(upload(path, "multipart/form-data; boundary=b0", Arrays.copyOf(fine, fine.length - 12), "cut short"));
		refused(upload(path, "application/json", fine, "JSON content type"));
		refused(upload(path, "text/plain; boundary=b0", fine, "text content type"));
		refused(upload(path, "multipart/form-data; boundary=b1",
				multipart("b1", no, phone, null, photo("a\u0000.png", png)), "NUL in the file name"));
		assertThat(refused(upload(path, "multipart/form-data; boundary=b2",
				multipart("b2", no, phone, "a\u0000b".getBytes(StandardCharsets.UTF_8)), "NUL in the text"))
			.path("field").asString()).isEqualTo("text");
		assertThat(refused(upload(path, "multipart/form-data; boundary=b3",
				multipart("b3", no, phone, null, photo("a.png", "not a photo".getBytes(StandardCharsets.UTF_8))), "no photo"))
			.path("code").asString()).isEqualTo("PORTAL_PHOTO_TYPE");
		assertThat(refused(upload(path, "multipart/form-data; boundary=b4", multipart("b4", no, phone, null,
				photo("1.png", png), photo("2.png", png), photo("3.png", png), photo("4.png", png)), "four photos"))
			.path("code").asString()).isEqualTo("PORTAL_PHOTOS_TOO_MANY");
		assertThat(refused(upload(path, "multipart/form-data; boundary=b5", multipart("b5", no, phone, null), "nothing"))
			.path("code").asString()).isEqualTo("PORTAL_ADDITION_EMPTY");
		refused(upload(path, "multipart/form-data; boundary=b6",
				multipart("b6", "G".repeat(100_000), phone, null, photo("a.png", png)), "a huge number"));
		refused(upload(path, "multipart/form-data; boundary=b7",
				multipart("b7", no, phone, new byte[] { (byte) 0xC3, (byte) 0x28, 0 }), "no UTF-8"));
		assertThat(photoRows(no)).isEqualTo(before);
		HttpResponse<String> added = upload(path, "multipart/form-data; boundary=b0", fine, "fine");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
		assertThat(jdbc.sql("""
				select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id
				where t.ticket_no = ? and a.file_name = '暖气片.png'""").param(no).query(Long.class).single()).isEqualTo(1);
	}

	/** The rows an addition to ticket {@code no} writes: its timeline, its attachments, its audit trail. */
	long photoRows(String no) {
		return jdbc.sql("""
				select (select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = :no)
				  + (select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id where t.ticket_no = :no)
				  + (select count(*) from platform_audit_event where entity_type = 'ticket' and entity_id = :no)""")
			.param("no", no).query(Long.class).single();
	}

	HttpResponse<String> upload(String path, String contentType, byte[] body, String what) {
		return MalformedInput.send(http, json, at(path, "en").header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), what);
	}

	JsonNode refused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
		return json.readTree(response.body());
	}

	/** A file part named {@code photo}. */
	static byte[][] photo(String fileName, byte[] content) {
		return new byte[][] { fileName.getBytes(StandardCharsets.UTF_8), content };
	}

	/** A multipart body: the number, the phone, the text (none when {@code null}) and the photos. */
	static byte[] multipart(String boundary, String ticketNo, String phone, byte[] text, byte[][]... photos) {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		field(b, boundary, "ticketNo", ticketNo.getBytes(StandardCharsets.UTF_8));
		field(b, boundary, "phone", phone.getBytes(StandardCharsets.UTF_8));
		if (text != null) {
			field(b, boundary, "text", text);
		}
		for (byte[][] p : photos) {
			b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"").getBytes(
					StandardCharsets.UTF_8));
			b.writeBytes(p[0]);
			b.writeBytes("\"\r\nContent-Type: image/png\r\n\r\n".getBytes(StandardCharsets.UTF_8));
			b.writeBytes(p[1]);
			b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return b.toByteArray();
	}

	private static void field(ByteArrayOutputStream b, String boundary, String name, byte[] value) {
		b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		b.writeBytes(value);
		b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
	}

	String request(String phone) {
		String code = portal.code(jdbc, phone);
		PortalClient.Answer made = portal.post("/api/v1/portal/requests",
				PortalClient.request(phone, code, "REPAIR", "翠园小区", "不热"));
		assertThat(made.status()).as(made.raw()).isEqualTo(201);
		return made.text("ticketNo");
	}
}
