package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.heatdesk.HeatDeskTest;
import org.heatdesk.staff.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Photos and letters on a ticket through the API: upload, list, download the same bytes; refusals by
 * content (not by name), by size and when empty change nothing; the same file twice is stored once;
 * the staff member a complaint is about reaches none of it (6.7).
 */
@HeatDeskTest
class TicketAttachmentsIntegrationTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Staff staff;

	record Reply(int status, byte[] body, HttpResponse<byte[]> raw) {

		JsonNode json() {
			return Api.JSON.readTree(new String(body, StandardCharsets.UTF_8));
		}
	}

	static byte[] png(int rgb) throws IOException {
		BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, rgb);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, "png", out)).isTrue();
		return out.toByteArray();
	}

	Reply upload(String username, String no, String fileName, String contentType, byte[] content) {
		String boundary = "----heatdesk" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
		body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(username, HttpRequest.newBuilder(uri("/api/v1/tickets/" + no + "/attachments"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	Reply get(String username, String path) {
		return send(username, HttpRequest.newBuilder(uri(path)).GET());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private Reply send(String username, HttpRequest.Builder builder) {
		builder.header("Authorization", "Basic " + Base64.getEncoder()
			.encodeToString((username + ":heatdesk2026").getBytes(StandardCharsets.UTF_8)));
		try {
			HttpResponse<byte[]> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(r.statusCode(), r.body(), r);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	String recordRepair() {
		Api.Response r = Api.as(port, "agent").post("/api/v1/tickets",
				TicketsIntegrationTests.repair(TicketsIntegrationTests.unique("用户发来暖气片漏水照片")));
		assertThat(r.status()).isEqualTo(201);
		return r.text("ticketNo");
	}

	long count(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}

	long stored(String no) {
		return count("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id where t.ticket_no = ?", no);
	}

	long events(String no) {
		return count("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id where t.ticket_no = ?", no);
	}

	long audited(String no) {
		return count("select count(*) from platform_audit_event where action = 'TICKET_ATTACHMENT_ADDED' and entity_id = ?", no);
	}

	@Test
	void aPhotoIsStoredListedAndDownloadedAsItWasAndRefusalsChangeNothing() throws Exception {
		String no = recordRepair();
		byte[] photo = png(0x3366CC);
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));

		Reply created = upload("agent", no, "暖气片.png", "image/png", photo);
		assertThat(created.status()).isEqualTo(201);
		JsonNode a = created.json();
		long id = a.get("id").asLong();
		assertThat(a.get("fileName").asString()).isEqualTo("暖气片.png");
		assertThat(a.get("contentType").asString()).isEqualTo("image/png");
		assertThat(a.get("sizeBytes").asLong()).isEqualTo(photo.length);
		assertThat(a.get("sha256").asString()).isEqualTo(sha);
		assertThat(a.get("uploadedBy").asString()).isEqualTo("agent");

		JsonNode list = get("agent", "/api/v1/tickets/" + no + "/attachments").json();
		assertThat(list.size()).isEqualTo(1);
		assertThat(list.get(0).get("id").asLong()).isEqualTo(id);

		Reply download = get("agent", "/api/v1/tickets/" + no + "/attachments/" + id);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(photo);
		assertThat(download.raw().headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(download.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(download.raw().headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");

		// the dispatcher (another role that works on tickets) reads it too; the same file again gives the same attachment
		assertThat(get("dispatcher", "/api/v1/tickets/" + no + "/attachments/" + id).body()).isEqualTo(photo);
		Reply again = upload("agent", no, "again.png", "image/png", photo);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("id").asLong()).isEqualTo(id);
		assertThat(again.json().get("fileName").asString()).isEqualTo("暖气片.png");

		long storedBefore = stored(no);
		long eventsBefore = events(no);
		long auditedBefore = audited(no);
		assertThat(storedBefore).isEqualTo(1);
		assertThat(auditedBefore).isEqualTo(1);
		assertThat(count("select count(*) from ticket_event e join ticket t on t.id = e.ticket_id"
				+ " where t.ticket_no = ? and e.kind = 'ATTACHMENT_ADDED'", no)).isEqualTo(1);

		// a Windows program renamed to .png and declared as image/png: its first bytes say otherwise
		byte[] exe = new byte[2048];
		exe[0] = 'M';
		exe[1] = 'Z';
		Reply disguised = upload("agent", no, "photo.png", "image/png", exe);
		assertThat(disguised.status()).isEqualTo(400);
		assertThat(disguised.json().get("code").asString()).isEqualTo("TICKET_ATTACHMENT_TYPE");
		assertThat(disguised.json().get("field").asString()).isEqualTo("file");
		assertThat(disguised.json().get("message").asString()).isNotBlank();

		// one byte over 10 MB, with a real PNG header
		byte[] large = Arrays.copyOf(photo, 10 * 1024 * 1024 + 1);
		Reply tooLarge = upload("agent", no, "large.png", "image/png", large);
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.json().get("code").asString()).isEqualTo("TICKET_ATTACHMENT_TOO_LARGE");
		assertThat(tooLarge.json().get("field").asString()).isEqualTo("file");

		Reply empty = upload("agent", no, "empty.pdf", "application/pdf", new byte[0]);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("code").asString()).isEqualTo("TICKET_ATTACHMENT_EMPTY");

		assertThat(stored(no)).isEqualTo(storedBefore);
		assertThat(events(no)).isEqualTo(eventsBefore);
		assertThat(audited(no)).isEqualTo(auditedBefore);
		assertThat(get("agent", "/api/v1/tickets/" + no + "/attachments").json().size()).isEqualTo(1);
	}

	@Test
	void aLetterAsPdfIsOfferedAsADownloadEvenOnACancelledTicket() {
		String no = recordRepair();
		assertThat(Api.as(port, "agent").post("/api/v1/tickets/" + no + "/cancel",
				TicketsIntegrationTests.action("reason", "用户撤回")).status()).isEqualTo(200);
		byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		// the declared type is wrong on purpose: the bytes decide
		Reply created = upload("agent", no, "C:\\letters\\来信.pdf", "application/octet-stream", pdf);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("contentType").asString()).isEqualTo("application/pdf");
		assertThat(created.json().get("fileName").asString()).isEqualTo("来信.pdf");
		Reply download = get("agent", "/api/v1/tickets/" + no + "/attachments/" + created.json().get("id").asLong());
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.raw().headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.raw().headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		// an attachment of another ticket is not reachable through this one
		String other = recordRepair();
		assertThat(get("agent", "/api/v1/tickets/" + other + "/attachments/" + created.json().get("id").asLong()).status())
			.isEqualTo(404);
		// a manager may read but not upload
		assertThat(upload("manager", no, "x.pdf", "application/pdf", pdf).status()).isEqualTo(403);
		assertThat(get("manager", "/api/v1/tickets/" + no + "/attachments").json().size()).isEqualTo(1);
	}

	@Test
	void theStaffMemberAComplaintIsAboutReachesNoneOfItsAttachments() throws Exception {
		java.util.Map<String, Object> complaint = TicketsIntegrationTests.repair(TicketsIntegrationTests.unique("投诉检修员态度，附信函"));
		complaint.put("type", "COMPLAINT");
		complaint.put("aboutStaffId", staff.findByUsername("agent2").orElseThrow().id());
		Api.Response r = Api.as(port, "agent").post("/api/v1/tickets", complaint);
		assertThat(r.status()).isEqualTo(201);
		String no = r.text("ticketNo");
		long id = upload("agent", no, "complaint.png", "image/png", png(0xCC3333)).json().get("id").asLong();

		Reply list = get("agent2", "/api/v1/tickets/" + no + "/attachments");
		assertThat(list.status()).isEqualTo(403);
		assertThat(list.json().get("code").asString()).isEqualTo("TICKET_ABOUT_YOU");
		assertThat(get("agent2", "/api/v1/tickets/" + no + "/attachments/" + id).status()).isEqualTo(403);
		long before = stored(no);
		assertThat(upload("agent2", no, "mine.png", "image/png", png(0x00FF00)).status()).isEqualTo(403);
		assertThat(stored(no)).isEqualTo(before);
	}
}
